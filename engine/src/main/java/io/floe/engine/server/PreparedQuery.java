package io.floe.engine.server;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A prepared statement of a client session: its SQL with {@code ?} parameters, the Arrow schemas of its result and
 * parameters, and the parameter rows bound last (their values, and their SQL literals).
 */
final class PreparedQuery {
  private final String sql;
  private final boolean query;
  private final Schema resultSchema;
  private final Schema parameterSchema;
  private volatile ParameterLiterals.Rows boundRows = new ParameterLiterals.Rows(List.of(), List.of());

  PreparedQuery(String sql, boolean query, Schema resultSchema, Schema parameterSchema) {
    this.sql = sql;
    this.query = query;
    this.resultSchema = resultSchema;
    this.parameterSchema = parameterSchema;
  }

  String sql() {
    return sql;
  }

  /** Whether the statement returns rows (else it returns an update count). */
  boolean isQuery() {
    return query;
  }

  Schema resultSchema() {
    return resultSchema;
  }

  Schema parameterSchema() {
    return parameterSchema;
  }

  int parameterCount() {
    return parameterSchema.getFields().size();
  }

  void bind(ParameterLiterals.Rows rows) {
    boundRows = rows;
  }

  /** The parameter rows bound last; fails when the statement has parameters and none are bound. */
  ParameterLiterals.Rows boundRows() {
    if (parameterCount() > 0 && boundRows.values().isEmpty()) {
      throw new IllegalArgumentException("the statement has " + parameterCount() + " parameters but none are bound");
    }
    return boundRows;
  }

  /** The statements to run: the SQL with each bound row's literals in place of its parameters. */
  List<String> boundStatements() {
    if (parameterCount() == 0) {
      return List.of(sql);
    }
    return boundRows().literals().stream().map(row -> SqlParameters.substitute(sql, row)).toList();
  }
}
