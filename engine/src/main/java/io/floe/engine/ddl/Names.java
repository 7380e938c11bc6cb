package io.floe.engine.ddl;

import io.floe.catalog.Catalog;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.engine.FloeSession;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * Resolves the names of statements to catalog names: an unqualified table is in the session's default schema;
 * existing schemas and tables match case-insensitively (as in queries), new ones keep the case they are written in.
 */
public final class Names {
  private Names() {
  }

  /** The namespace a schema name denotes, as written. */
  public static Namespace namespace(SqlIdentifier name) {
    return Namespace.of(name.names.toArray(new String[0]));
  }

  /** An existing namespace by name, matched case-insensitively; 3F000 if there is none. */
  public static Namespace existingNamespace(Catalog catalog, Namespace written) throws SQLException {
    if (catalog.namespaceExists(written)) {
      return written;
    }
    Namespace parent = Namespace.empty();
    for (int level = 0; level < written.length(); level++) {
      Namespace found = null;
      for (Namespace candidate : catalog.listNamespaces(parent)) {
        if (candidate.lastLevel().equalsIgnoreCase(written.level(level))) {
          found = candidate;
          break;
        }
      }
      if (found == null) {
        throw DdlErrors.unknownSchema(written);
      }
      parent = found;
    }
    return parent;
  }

  /** The identifier of a table to create: its namespace must exist. */
  public static TableIdentifier newTable(FloeSession session, SqlIdentifier name) throws SQLException {
    TableIdentifier written = written(session, name);
    return TableIdentifier.of(existingNamespace(session.catalog(), written.namespace()), written.name());
  }

  /** The identifier of an existing table, matched case-insensitively; 42S02 if there is none. */
  public static TableIdentifier existingTable(FloeSession session, SqlIdentifier name) throws SQLException {
    TableIdentifier found = findTable(session, name);
    if (found == null) {
      throw DdlErrors.unknownTable(written(session, name));
    }
    return found;
  }

  /** The identifier of an existing table matched case-insensitively, or null. */
  public static TableIdentifier findTable(FloeSession session, SqlIdentifier name) throws SQLException {
    Catalog catalog = session.catalog();
    return find(session, name, catalog::tableExists, catalog::listTables);
  }

  /** The identifier of an existing view matched case-insensitively, or null. */
  public static TableIdentifier findView(FloeSession session, SqlIdentifier name) throws SQLException {
    Catalog catalog = session.catalog();
    return find(session, name, id -> catalog.loadView(id).isPresent(), catalog::listViews);
  }

  private static TableIdentifier find(FloeSession session, SqlIdentifier name, Predicate<TableIdentifier> exists,
      Function<Namespace, List<TableIdentifier>> list) throws SQLException {
    TableIdentifier written = written(session, name);
    if (exists.test(written)) {
      return written;
    }
    Namespace namespace;
    try {
      namespace = existingNamespace(session.catalog(), written.namespace());
    } catch (SQLException noSuchSchema) {
      return null;
    }
    return list.apply(namespace).stream().filter(t -> t.name().equalsIgnoreCase(written.name())).findFirst()
        .orElse(null);
  }

  private static TableIdentifier written(FloeSession session, SqlIdentifier name) throws SQLException {
    if (name.names.size() > 1) {
      return TableIdentifier.of(name.names.toArray(new String[0]));
    }
    if (session.schema() == null) {
      throw new SQLException("table " + name + " is not qualified and the session has no default schema",
          DdlErrors.UNKNOWN_SCHEMA);
    }
    return TableIdentifier.of(Namespace.of(session.schema()), name.getSimple());
  }
}
