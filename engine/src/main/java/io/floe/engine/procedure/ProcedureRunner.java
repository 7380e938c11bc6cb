package io.floe.engine.procedure;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.ddl.DdlErrors;
import io.floe.engine.parser.SqlCallProcedure;
import io.floe.engine.statement.StatementRunner;
import io.floe.engine.tpch.GenerateTpchProcedure;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code CALL [system.]procedure(args)}: runs one of the table procedures (Iceberg's names and
 * parameters) and returns its result row(s).
 */
public final class ProcedureRunner implements StatementRunner {
  private static final Map<String, Procedure> PROCEDURES = new TreeMap<>();

  static {
    List<Procedure> all = new ArrayList<>();
    all.addAll(MaintenanceProcedures.all());
    all.addAll(SnapshotProcedures.all());
    all.addAll(CatalogProcedures.all());
    all.add(GenerateTpchProcedure.PROCEDURE);
    for (Procedure procedure : all) {
      PROCEDURES.put(procedure.name(), procedure);
    }
  }

  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlCallProcedure;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    SqlCallProcedure call = (SqlCallProcedure) statement;
    List<String> names = call.name.names;
    String name = names.get(names.size() - 1).toLowerCase(Locale.ROOT);
    Procedure procedure = PROCEDURES.get(name);
    if (procedure == null || (names.size() > 1 && !names.get(names.size() - 2).equalsIgnoreCase("system"))) {
      throw new SQLException("unknown procedure " + call.name + " (procedures: system."
          + String.join(", system.", PROCEDURES.keySet()) + ")", "42000");
    }
    if (session.inTransaction()) {
      throw DdlErrors.notSupported("CALL " + procedure.name() + " inside a transaction");
    }
    Arguments arguments = Arguments.bind(procedure, call.arguments.getList());
    try {
      return QueryResult.ofRows(procedure.columns(), procedure.types(), procedure.body().call(arguments, session));
    } catch (RuntimeException e) {
      throw DdlErrors.of(e);
    }
  }
}
