package io.floe.engine.catalog;

import io.floe.table.Table;
import java.util.List;
import java.util.Optional;

/** Where the engine finds tables: schema names, their table names, and a table by schema-qualified name. */
public interface TableSource {
  /** The schema (namespace) names. */
  List<String> schemaNames();

  /** The table names in a schema; empty when the schema does not exist. */
  List<String> tableNames(String schema);

  /** The table {@code schema.name}, loaded at its current metadata, or empty when it does not exist. */
  Optional<Table> loadTable(String schema, String name);
}
