package io.floe.engine.tpch;

import io.floe.catalog.Namespace;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.ddl.Ddl;
import io.floe.engine.ddl.DdlErrors;
import io.floe.engine.ddl.Names;
import io.floe.engine.parser.SqlCallProcedure;
import io.floe.engine.statement.StatementRunner;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code CALL system.generate_tpch(scale => 0.01, schema => 'tpch')}: creates the eight TPC-H tables in the schema
 * (created if missing) and loads them at the scale factor with {@link TpchGenerator}. Arguments by name or position
 * (scale, schema); defaults 0.01 and {@code tpch}. Returns one row per table: {@code table_name},
 * {@code row_count}, {@code snapshot_id}.
 */
public final class GenerateTpchProcedure implements StatementRunner {
  /** The procedure's name (also callable as {@code system.generate_tpch}). */
  public static final String NAME = "generate_tpch";
  private static final List<String> PARAMETERS = List.of("scale", "schema");
  private static final String INVALID_VALUE = "22023";

  @Override
  public boolean accepts(SqlNode statement) {
    if (!(statement instanceof SqlCallProcedure call)) {
      return false;
    }
    List<String> names = call.name.names;
    String last = names.get(names.size() - 1);
    return last.equalsIgnoreCase(NAME)
        && (names.size() == 1 || names.size() == 2 && names.get(0).equalsIgnoreCase("system"));
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    Map<String, SqlNode> arguments = arguments((SqlCallProcedure) statement);
    double scale = scale(arguments.get("scale"));
    String schema = arguments.containsKey("schema") ? text(arguments.get("schema"), "schema") : "tpch";
    Ddl.requireNoTransaction(session, "CALL " + NAME);
    List<Object[]> rows = new ArrayList<>();
    try {
      Namespace namespace = existingOrNew(session, schema);
      for (TpchGenerator.LoadedTable t : new TpchGenerator(session.catalog(), namespace, scale).generate()) {
        rows.add(new Object[] {t.id().name(), t.rows(), t.snapshotId()});
      }
    } catch (RuntimeException e) {
      throw DdlErrors.of(e);
    }
    return QueryResult.ofRows(List.of("table_name", "row_count", "snapshot_id"),
        List.of(SqlTypeName.VARCHAR, SqlTypeName.BIGINT, SqlTypeName.BIGINT), rows);
  }

  private static Namespace existingOrNew(FloeSession session, String schema) {
    Namespace written = Namespace.of(schema);
    try {
      return Names.existingNamespace(session.catalog(), written);
    } catch (SQLException doesNotExist) {
      return written;
    }
  }

  /** Arguments by parameter name; positional ones take the parameters in order. */
  private static Map<String, SqlNode> arguments(SqlCallProcedure call) throws SQLException {
    Map<String, SqlNode> byName = new LinkedHashMap<>();
    int position = 0;
    for (SqlNode argument : call.arguments) {
      String name;
      SqlNode value;
      if (argument.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
        SqlCall assignment = (SqlCall) argument;
        value = assignment.operand(0);
        name = ((SqlIdentifier) assignment.operand(1)).getSimple().toLowerCase(Locale.ROOT);
        if (!PARAMETERS.contains(name)) {
          throw DdlErrors.invalid(NAME + " has no argument " + name + " (arguments: " + String.join(", ", PARAMETERS)
              + ") at " + argument.getParserPosition());
        }
      } else {
        if (position >= PARAMETERS.size()) {
          throw DdlErrors.invalid(NAME + " takes at most " + PARAMETERS.size() + " arguments ("
              + String.join(", ", PARAMETERS) + ")");
        }
        name = PARAMETERS.get(position++);
        value = argument;
      }
      if (byName.put(name, value) != null) {
        throw DdlErrors.invalid(NAME + ": argument " + name + " is given twice");
      }
    }
    return byName;
  }

  private static double scale(SqlNode value) throws SQLException {
    if (value == null) {
      return 0.01;
    }
    if (!(value instanceof SqlLiteral literal) || !(literal.getValue() instanceof BigDecimal number)) {
      throw new SQLException(NAME + ": scale must be a number, not " + value, INVALID_VALUE);
    }
    double scale = number.doubleValue();
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new SQLException(NAME + ": scale must be a positive number, not " + value, INVALID_VALUE);
    }
    return scale;
  }

  private static String text(SqlNode value, String parameter) throws SQLException {
    if (value instanceof SqlIdentifier id && id.isSimple()) {
      return id.getSimple();
    }
    if (value instanceof SqlLiteral literal && literal.getTypeName().getFamily()
        == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER) {
      return literal.getValueAs(String.class);
    }
    throw new SQLException(NAME + ": " + parameter + " must be a name or a string, not " + value, INVALID_VALUE);
  }
}
