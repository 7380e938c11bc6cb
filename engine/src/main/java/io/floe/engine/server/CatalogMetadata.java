package io.floe.engine.server;

import io.floe.catalog.Catalog;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.engine.catalog.CatalogRelations;
import io.floe.engine.catalog.CatalogRelations.Relation;
import io.floe.engine.catalog.TypeMapping;
import io.floe.engine.exec.ArrowBatches;
import io.floe.engine.expr.StringFunctions;
import io.floe.engine.planner.FloeTypeSystem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flight SQL catalog commands over a Floe catalog: one catalog (the catalog's name), its top-level namespaces
 * as schemas, their tables and views (types {@code TABLE} and {@code VIEW}) with their Arrow schemas. Filters are
 * SQL LIKE patterns.
 */
final class CatalogMetadata {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogMetadata.class);

  private final Catalog catalog;

  CatalogMetadata(Catalog catalog) {
    this.catalog = catalog;
  }

  String catalogName() {
    return catalog.name();
  }

  VectorSchemaRoot catalogs(BufferAllocator allocator) {
    VectorSchemaRoot root = VectorSchemaRoot.create(Schemas.GET_CATALOGS_SCHEMA, allocator);
    set(root, 0, 0, catalog.name());
    root.setRowCount(1);
    return root;
  }

  VectorSchemaRoot schemas(CommandGetDbSchemas command, BufferAllocator allocator) {
    VectorSchemaRoot root = VectorSchemaRoot.create(Schemas.GET_SCHEMAS_SCHEMA, allocator);
    int row = 0;
    if (catalogMatches(command.hasCatalog() ? command.getCatalog() : null)) {
      Pattern schemaPattern = like(command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null);
      for (String schema : schemaNames(schemaPattern)) {
        set(root, 0, row, catalog.name());
        set(root, 1, row, schema);
        row++;
      }
    }
    root.setRowCount(row);
    return root;
  }

  VectorSchemaRoot tables(CommandGetTables command, BufferAllocator allocator) {
    boolean withSchema = command.getIncludeSchema();
    VectorSchemaRoot root = VectorSchemaRoot.create(
        withSchema ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA, allocator);
    int row = 0;
    if (catalogMatches(command.hasCatalog() ? command.getCatalog() : null)) {
      Pattern schemaPattern = like(command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null);
      Pattern tablePattern = like(command.hasTableNameFilterPattern() ? command.getTableNameFilterPattern() : null);
      for (String schema : schemaNames(schemaPattern)) {
        for (Relation relation : CatalogRelations.in(catalog, Namespace.of(schema),
            name -> tablePattern.matcher(name).matches())) {
          if (command.getTableTypesCount() > 0
              && command.getTableTypesList().stream().noneMatch(relation.type()::equalsIgnoreCase)) {
            continue;
          }
          set(root, 0, row, catalog.name());
          set(root, 1, row, schema);
          set(root, 2, row, relation.id().name());
          set(root, 3, row, relation.type());
          if (withSchema) {
            ((VarBinaryVector) root.getVector(4)).setSafe(row, arrowSchema(relation).serializeAsMessage());
          }
          row++;
        }
      }
    }
    root.setRowCount(row);
    return root;
  }

  VectorSchemaRoot tableTypes(BufferAllocator allocator) {
    VectorSchemaRoot root = VectorSchemaRoot.create(Schemas.GET_TABLE_TYPES_SCHEMA, allocator);
    for (int i = 0; i < CatalogRelations.TYPES.size(); i++) {
      set(root, 0, i, CatalogRelations.TYPES.get(i));
    }
    root.setRowCount(CatalogRelations.TYPES.size());
    return root;
  }

  /** The Arrow schema of a table's or view's columns as queries return them; empty if the engine cannot read it. */
  private Schema arrowSchema(Relation relation) {
    TableIdentifier table = relation.id();
    io.floe.types.Schema schema = CatalogRelations.schema(catalog, relation);
    try {
      return ArrowBatches.schema(TypeMapping.rowType(schema, new JavaTypeFactoryImpl(FloeTypeSystem.INSTANCE)));
    } catch (UnsupportedOperationException e) {
      LOG.warn("table {} has no SQL schema: {}", table, e.getMessage());
      return new Schema(List.of());
    }
  }

  private List<String> schemaNames(Pattern pattern) {
    return catalog.listNamespaces().stream().map(Namespace::lastLevel)
        .filter(name -> pattern.matcher(name).matches()).sorted().toList();
  }

  private boolean catalogMatches(String requested) {
    return requested == null || requested.isEmpty() || requested.equals(catalog.name());
  }

  private static void set(VectorSchemaRoot root, int column, int row, String value) {
    ((VarCharVector) root.getVector(column)).setSafe(row, value.getBytes(StandardCharsets.UTF_8));
  }

  /** A SQL LIKE pattern ({@code %}, {@code _}, backslash escapes) as a regular expression; null matches all. */
  static Pattern like(String pattern) {
    return pattern == null ? Pattern.compile("(?s).*") : StringFunctions.likePattern(pattern, "\\");
  }
}
