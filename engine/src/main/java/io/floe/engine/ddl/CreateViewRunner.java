package io.floe.engine.ddl;

import io.floe.catalog.TableIdentifier;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.SqlErrors;
import io.floe.engine.exec.ArrowBatches;
import io.floe.engine.parser.SqlCreateView;
import io.floe.engine.planner.SqlPlanner;
import io.floe.engine.planner.ViewColumns;
import io.floe.engine.statement.StatementRunner;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.view.SqlViewRepresentation;
import io.floe.view.ViewDefinition;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code CREATE [OR REPLACE] VIEW [IF NOT EXISTS] v [(column [COMMENT '...'], ...)] [COMMENT '...'] AS query}: the
 * query is validated now (its columns become the view's schema, a view it would read through itself is refused)
 * and stored as written, with the session's schema as the namespace its single-part names resolve in, as an
 * Iceberg view that Spark, Trino and Iceberg's library read.
 */
public final class CreateViewRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlCreateView;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    SqlCreateView create = (SqlCreateView) statement;
    Ddl.requireNoTransaction(session, "CREATE VIEW");
    if (create.getReplace() && create.ifNotExists) {
      throw DdlErrors.invalid("CREATE OR REPLACE VIEW cannot also say IF NOT EXISTS");
    }
    TableIdentifier table = Names.findTable(session, create.name);
    if (table != null) {
      throw new SQLException("cannot create view " + table + ": a table of that name exists", DdlErrors.TABLE_EXISTS);
    }
    TableIdentifier existing = Names.findView(session, create.name);
    if (existing != null && !create.getReplace()) {
      if (create.ifNotExists) {
        return QueryResult.ofUpdateCount(0);
      }
      throw new SQLException("view " + existing + " already exists (CREATE OR REPLACE VIEW replaces it)",
          DdlErrors.TABLE_EXISTS);
    }
    TableIdentifier id = existing != null ? existing : Names.newTable(session, create.name);
    String query = Ddl.queryText(sql, create.queryStart);
    SqlPlanner planner = session.planner();
    RelDataType rowType;
    try {
      rowType = planner.describe(query).rowType();
    } catch (Exception e) {
      throw SqlErrors.of(e);
    }
    if (planner.expandedViews().contains(id)) {
      throw DdlErrors.invalid("view " + id + " cannot read itself: its query reads " + planner.expandedViews());
    }
    Map<String, String> properties = new HashMap<>();
    properties.put(ViewColumns.QUERY_COLUMN_NAMES, ViewColumns.queryColumnNames(rowType.getFieldNames()));
    if (create.comment != null) {
      properties.put(Ddl.COMMENT_PROPERTY, SqlCreateView.text(create.comment));
    }
    List<String> namespace = session.schema() == null ? List.of() : List.of(session.schema());
    ViewDefinition definition = new ViewDefinition(schema(create, rowType, id),
        new SqlViewRepresentation(query.strip(), SqlPlanner.VIEW_DIALECT), namespace, properties,
        Map.of("engine-name", "floe"));
    try {
      session.catalog().createView(id, definition, create.getReplace());
    } catch (RuntimeException e) {
      throw DdlErrors.of(e);
    }
    return QueryResult.ofUpdateCount(0);
  }

  /**
   * The view's columns: the query's, named by the column list if there is one (with its comments), required where
   * the query's column cannot be NULL.
   */
  private static Schema schema(SqlCreateView create, RelDataType rowType, TableIdentifier id) throws SQLException {
    List<RelDataTypeField> fields = rowType.getFieldList();
    if (!create.columns.isEmpty() && create.columns.size() != fields.size()) {
      throw DdlErrors.invalid("view " + id + " names " + create.columns.size() + " columns, its query gives "
          + fields.size());
    }
    List<NestedField> columns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int[] nextId = {fields.size()};
    for (int i = 0; i < fields.size(); i++) {
      String name = create.columns.isEmpty() ? fields.get(i).getName() : create.columns.get(i).toString();
      if (!names.add(name.toLowerCase(Locale.ROOT))) {
        throw DdlErrors.invalid("view " + id + " would have two columns named " + name
            + " (give them different names in the query or in a column list)");
      }
      String comment = create.columns.isEmpty() ? null : SqlCreateView.text(create.columnComments.get(i));
      columns.add(new NestedField(i + 1, name, ColumnTypes.of(arrowField(fields.get(i)), () -> ++nextId[0],
          "CREATE VIEW"), !fields.get(i).getType().isNullable(), comment));
    }
    return new Schema(columns);
  }

  private static Field arrowField(RelDataTypeField field) throws SQLException {
    try {
      return ArrowBatches.field(field.getName(), field.getType());
    } catch (UnsupportedOperationException e) {
      throw DdlErrors.notSupported("CREATE VIEW with column " + field.getName() + " of type " + field.getType()
          + " (CAST it to INTEGER, BIGINT, DOUBLE, DECIMAL, VARCHAR, ...)");
    }
  }
}
