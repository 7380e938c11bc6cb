package io.floe.engine.ddl;

import io.floe.catalog.TableIdentifier;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.catalog.TypeMapping;
import io.floe.engine.statement.StatementRunner;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code DESCRIBE [TABLE] t [column]} of a table or a view: one row per column: {@code column_name},
 * {@code data_type} (as CREATE TABLE spells it; nested types in Iceberg's notation), {@code nullable},
 * {@code comment}.
 */
public final class DescribeRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlDescribeTable;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    SqlDescribeTable describe = (SqlDescribeTable) statement;
    TableIdentifier id = Names.findTable(session, describe.getTable());
    TableIdentifier view = id == null ? Names.findView(session, describe.getTable()) : null;
    if (id == null && view == null) {
      id = Names.existingTable(session, describe.getTable()); // fails: no table or view of that name
    }
    Schema schema;
    try {
      schema = view != null ? session.catalog().loadView(view).orElseThrow().metadata().schema()
          : session.catalog().loadTable(id).schema();
    } catch (RuntimeException e) {
      throw DdlErrors.of(e);
    }
    List<Object[]> rows = new ArrayList<>();
    for (NestedField column : schema.columns()) {
      if (describe.getColumn() == null || column.name().equalsIgnoreCase(describe.getColumn().getSimple())) {
        rows.add(new Object[] {column.name(), TypeMapping.displayText(column.type()), column.isOptional(),
            column.doc()});
      }
    }
    if (rows.isEmpty() && describe.getColumn() != null) {
      throw DdlErrors.unknownColumn(describe.getColumn().getSimple(), view != null ? view : id);
    }
    return QueryResult.ofRows(List.of("column_name", "data_type", "nullable", "comment"),
        List.of(SqlTypeName.VARCHAR, SqlTypeName.VARCHAR, SqlTypeName.BOOLEAN, SqlTypeName.VARCHAR), rows);
  }
}
