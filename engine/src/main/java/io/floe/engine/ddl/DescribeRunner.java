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
 * {@code DESCRIBE [TABLE] t [column]}: one row per column: {@code column_name}, {@code data_type} (as CREATE TABLE
 * spells it; nested types in Iceberg's notation), {@code nullable}, {@code comment}.
 */
public final class DescribeRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlDescribeTable;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    SqlDescribeTable describe = (SqlDescribeTable) statement;
    TableIdentifier id = Names.existingTable(session, describe.getTable());
    Schema schema;
    try {
      schema = session.catalog().loadTable(id).schema();
    } catch (RuntimeException e) {
      throw DdlErrors.of(e);
    }
    List<Object[]> rows = new ArrayList<>();
    for (NestedField column : schema.columns()) {
      if (describe.getColumn() == null || column.name().equalsIgnoreCase(describe.getColumn().getSimple())) {
        String type = column.type().isPrimitive() ? TypeMapping.sqlText(column.type()) : column.type().toString();
        rows.add(new Object[] {column.name(), type, column.isOptional(), column.doc()});
      }
    }
    if (rows.isEmpty() && describe.getColumn() != null) {
      throw DdlErrors.unknownColumn(describe.getColumn().getSimple(), id);
    }
    return QueryResult.ofRows(List.of("column_name", "data_type", "nullable", "comment"),
        List.of(SqlTypeName.VARCHAR, SqlTypeName.VARCHAR, SqlTypeName.BOOLEAN, SqlTypeName.VARCHAR), rows);
  }
}
