package io.floe.engine.ddl;

import io.floe.catalog.Catalog;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.catalog.View;
import io.floe.engine.planner.SqlPlanner;
import io.floe.view.SqlViewRepresentation;
import io.floe.view.ViewVersion;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.catalog.TypeMapping;
import io.floe.engine.parser.SqlShow;
import io.floe.engine.statement.StatementRunner;
import io.floe.partition.PartitionField;
import io.floe.table.Table;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code SHOW SCHEMAS} (column {@code schema_name}), {@code SHOW TABLES} ({@code table_name}), {@code SHOW VIEWS}
 * ({@code view_name}), {@code SHOW CREATE TABLE} ({@code create_statement}: a CREATE TABLE that recreates the
 * table's schema, partition spec, comment and properties) and {@code SHOW CREATE VIEW}.
 */
public final class ShowRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlShow;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    SqlShow show = (SqlShow) statement;
    Catalog catalog = session.catalog();
    try {
      switch (show.what) {
        case SCHEMAS -> {
          Namespace parent = show.name == null ? Namespace.empty()
              : Names.existingNamespace(catalog, Names.namespace(show.name));
          List<Object[]> rows = new ArrayList<>();
          for (Namespace namespace : catalog.listNamespaces(parent)) {
            rows.add(new Object[] {namespace.lastLevel()});
          }
          return QueryResult.ofRows(List.of("schema_name"), List.of(SqlTypeName.VARCHAR), rows);
        }
        case TABLES, VIEWS -> {
          boolean views = show.what == SqlShow.What.VIEWS;
          if (show.name == null && session.schema() == null) {
            throw DdlErrors.invalid("SHOW " + show.what + " needs FROM <schema>: the session has no default schema");
          }
          Namespace namespace = Names.existingNamespace(catalog,
              show.name == null ? Namespace.of(session.schema()) : Names.namespace(show.name));
          List<Object[]> rows = new ArrayList<>();
          for (TableIdentifier table : views ? catalog.listViews(namespace) : catalog.listTables(namespace)) {
            rows.add(new Object[] {table.name()});
          }
          return QueryResult.ofRows(List.of(views ? "view_name" : "table_name"), List.of(SqlTypeName.VARCHAR), rows);
        }
        case CREATE_TABLE -> {
          TableIdentifier id = Names.existingTable(session, show.name);
          List<Object[]> rows = new ArrayList<>();
          rows.add(new Object[] {createStatement(id, catalog.loadTable(id))});
          return QueryResult.ofRows(List.of("create_statement"), List.of(SqlTypeName.VARCHAR), rows);
        }
        case CREATE_VIEW -> {
          TableIdentifier id = Names.findView(session, show.name);
          if (id == null) {
            throw DdlErrors.unknownView(show.name);
          }
          List<Object[]> rows = new ArrayList<>();
          rows.add(new Object[] {createViewStatement(catalog.loadView(id).orElseThrow())});
          return QueryResult.ofRows(List.of("create_statement"), List.of(SqlTypeName.VARCHAR), rows);
        }
        default -> throw new AssertionError(show.what);
      }
    } catch (RuntimeException e) {
      throw DdlErrors.of(e);
    }
  }

  /**
   * The CREATE VIEW statement of a view: its columns (with their comments), its comment, and its SQL in Floe's
   * dialect (a view only other engines wrote shows the first dialect's SQL, named in a comment).
   */
  static String createViewStatement(View view) {
    StringBuilder out = new StringBuilder("CREATE VIEW ").append(Ddl.quote(view.id())).append(" (");
    List<String> columns = new ArrayList<>();
    for (NestedField column : view.metadata().schema().columns()) {
      columns.add(Ddl.quote(column.name()) + (column.doc() == null ? "" : " COMMENT " + Ddl.literal(column.doc())));
    }
    out.append(String.join(", ", columns)).append(')');
    String comment = view.metadata().properties().get(Ddl.COMMENT_PROPERTY);
    if (comment != null) {
      out.append("\nCOMMENT ").append(Ddl.literal(comment));
    }
    ViewVersion version = view.metadata().currentVersion();
    SqlViewRepresentation sql = version.sqlPreferring(SqlPlanner.VIEW_DIALECT);
    if (sql == null) {
      throw new UnsupportedOperationException("not supported: view " + view.id() + " has no SQL representation");
    }
    out.append(" AS\n");
    if (!sql.dialect().equalsIgnoreCase(SqlPlanner.VIEW_DIALECT)) {
      out.append("-- in the ").append(sql.dialect()).append(" dialect\n");
    }
    return out.append(sql.sql()).toString();
  }

  /** The CREATE TABLE statement of a table (columns in order, partition fields in spec order, sorted properties). */
  static String createStatement(TableIdentifier id, Table table) {
    Schema schema = table.schema();
    StringBuilder out = new StringBuilder("CREATE TABLE ").append(Ddl.quote(id)).append(" (\n");
    List<NestedField> columns = schema.columns();
    for (int i = 0; i < columns.size(); i++) {
      NestedField column = columns.get(i);
      out.append("  ").append(Ddl.quote(column.name())).append(' ').append(TypeMapping.sqlText(column.type()));
      if (column.required()) {
        out.append(" NOT NULL");
      }
      if (column.doc() != null) {
        out.append(" COMMENT ").append(Ddl.literal(column.doc()));
      }
      out.append(i + 1 < columns.size() ? ",\n" : "\n");
    }
    out.append(')');
    Map<String, String> properties = new TreeMap<>(table.properties());
    String comment = properties.remove(Ddl.COMMENT_PROPERTY);
    if (comment != null) {
      out.append("\nCOMMENT ").append(Ddl.literal(comment));
    }
    if (!table.spec().isUnpartitioned()) {
      List<String> fields = new ArrayList<>();
      for (PartitionField field : table.spec().fields()) {
        fields.add(PartitionFields.sqlText(field, schema));
      }
      out.append("\nPARTITIONED BY (").append(String.join(", ", fields)).append(')');
    }
    if (!properties.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      properties.forEach((key, value) -> pairs.add(Ddl.literal(key) + " = " + Ddl.literal(value)));
      out.append("\nWITH (").append(String.join(", ", pairs)).append(')');
    }
    return out.toString();
  }
}
