package io.floe.jdbc;

import io.floe.engine.FloeSession;
import io.floe.engine.SqlErrors;
import io.floe.engine.exec.ArrowBatches;
import io.floe.engine.planner.SqlPlanner;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * What a prepared statement returns and takes before it runs, from validating its SQL (with its {@code ?} markers)
 * through {@link FloeSession#describe}: a query's result columns and the parameters' types. A statement the
 * validator does not describe (DDL, CALL, EXPLAIN, transaction control) has no result metadata and untyped
 * parameters; invalid SQL fails as it would when run.
 */
final class StatementDescription {
  private final SqlPlanner.Description description;
  private final boolean query;

  private StatementDescription(SqlPlanner.Description description, boolean query) {
    this.description = description;
    this.query = query;
  }

  static StatementDescription of(FloeSession session, String sql) throws SQLException {
    SqlNode statement;
    try {
      statement = SqlPlanner.parse(sql);
    } catch (SqlParseException e) {
      throw SqlErrors.of(e);
    }
    boolean query = statement.getKind().belongsTo(SqlKind.QUERY);
    if (!query && !statement.getKind().belongsTo(SqlKind.DML)) {
      return new StatementDescription(null, false);
    }
    return new StatementDescription(session.describe(sql), query);
  }

  /** A query's result columns; null for other statements (they return no result set). */
  ResultSetMetaData resultMetaData() {
    if (!query) {
      return null;
    }
    List<ColumnInfo> columns = new ArrayList<>();
    for (Field field : ArrowBatches.schema(description.rowType()).getFields()) {
      columns.add(ColumnInfo.of(field));
    }
    return new FloeResultSetMetaData(columns);
  }

  /** The parameters' types where the validator inferred them, else {@code markers} untyped parameters. */
  FloeParameterMetaData parameterMetaData(int markers) {
    if (description == null || description.parameterTypes().size() != markers) {
      return FloeParameterMetaData.untyped(markers);
    }
    List<ColumnInfo> parameters = new ArrayList<>();
    for (RelDataType type : description.parameterTypes()) {
      parameters.add(ColumnInfo.of(new Field("", new FieldType(type.isNullable(), ArrowBatches.arrowType(type), null),
          null)));
    }
    return new FloeParameterMetaData(parameters);
  }
}
