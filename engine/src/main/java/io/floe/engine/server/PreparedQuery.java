package io.floe.engine.server;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A prepared statement of a client session: its SQL with {@code ?} parameters, the Arrow schemas of its result and
 * parameters, and the SQL literals of the parameter rows bound last (one statement run per row).
 */
final class PreparedQuery {
  private final String sql;
  private final boolean query;
  private final Schema resultSchema;
  private final Schema parameterSchema;
  private volatile List<List<String>> boundRows = List.of();

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

  void bind(List<List<String>> rows) {
    boundRows = List.copyOf(rows);
  }

  /** The statements to run: the SQL with each bound row's literals in place of its parameters. */
  List<String> boundStatements() {
    if (parameterCount() == 0) {
      return List.of(sql);
    }
    if (boundRows.isEmpty()) {
      throw new IllegalArgumentException("the statement has " + parameterCount() + " parameters but none are bound");
    }
    return boundRows.stream().map(row -> SqlParameters.substitute(sql, row)).toList();
  }
}
