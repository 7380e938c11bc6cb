package io.floe.engine.ddl;

import io.floe.catalog.Catalog;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.parser.SqlCreateSchema;
import io.floe.engine.parser.SqlDropSchema;
import io.floe.engine.statement.StatementRunner;
import java.sql.SQLException;
import org.apache.calcite.sql.SqlNode;

/** {@code CREATE SCHEMA} and {@code DROP SCHEMA}: catalog namespaces. */
public final class SchemaRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlCreateSchema || statement instanceof SqlDropSchema;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    Catalog catalog = session.catalog();
    try {
      if (statement instanceof SqlCreateSchema create) {
        Ddl.requireNoTransaction(session, "CREATE SCHEMA");
        if (create.getReplace()) {
          throw DdlErrors.notSupported("CREATE OR REPLACE SCHEMA");
        }
        Namespace namespace = Names.namespace(create.name);
        if (exists(catalog, namespace)) {
          if (create.ifNotExists) {
            return QueryResult.ofUpdateCount(0);
          }
          throw new SQLException("schema " + namespace + " already exists", DdlErrors.SCHEMA_EXISTS);
        }
        catalog.createNamespace(namespace, Ddl.properties(create.properties));
        return QueryResult.ofUpdateCount(0);
      }
      SqlDropSchema drop = (SqlDropSchema) statement;
      Ddl.requireNoTransaction(session, "DROP SCHEMA");
      Namespace namespace;
      try {
        namespace = Names.existingNamespace(catalog, Names.namespace(drop.name));
      } catch (SQLException noSuchSchema) {
        if (drop.ifExists) {
          return QueryResult.ofUpdateCount(0);
        }
        throw noSuchSchema;
      }
      if (drop.cascade) {
        for (TableIdentifier view : catalog.listViews(namespace)) {
          catalog.dropView(view);
        }
        for (TableIdentifier table : catalog.listTables(namespace)) {
          catalog.dropTable(table, false);
        }
      }
      catalog.dropNamespace(namespace);
      return QueryResult.ofUpdateCount(0);
    } catch (RuntimeException e) {
      throw DdlErrors.of(e);
    }
  }

  private static boolean exists(Catalog catalog, Namespace namespace) {
    try {
      Names.existingNamespace(catalog, namespace);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
