package io.floe.engine.tpch;

import static io.floe.engine.procedure.Procedure.Parameter.optional;

import io.floe.catalog.Namespace;
import io.floe.engine.FloeSession;
import io.floe.engine.ddl.Names;
import io.floe.engine.procedure.Arguments;
import io.floe.engine.procedure.Procedure;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code CALL system.generate_tpch(scale => 0.01, schema => 'tpch')}: creates the eight TPC-H tables in the schema
 * (created if missing) and loads them at the scale factor with {@link TpchGenerator}. Arguments by name or position
 * (scale, schema); defaults 0.01 and {@code tpch}. Returns one row per table: {@code table_name},
 * {@code row_count}, {@code snapshot_id}.
 */
public final class GenerateTpchProcedure {
  /** The procedure's name (also callable as {@code system.generate_tpch}). */
  public static final String NAME = "generate_tpch";
  /** The procedure, as {@link io.floe.engine.procedure.ProcedureRunner} runs it. */
  public static final Procedure PROCEDURE = new Procedure(NAME, List.of(optional("scale"), optional("schema")),
      List.of("table_name", "row_count", "snapshot_id"),
      List.of(SqlTypeName.VARCHAR, SqlTypeName.BIGINT, SqlTypeName.BIGINT), GenerateTpchProcedure::generate);
  private static final String INVALID_VALUE = "22023";

  private GenerateTpchProcedure() {
  }

  private static List<Object[]> generate(Arguments arguments, FloeSession session) throws SQLException {
    double scale = scale(arguments.decimal("scale"));
    String schema = arguments.has("schema") ? arguments.name("schema") : "tpch";
    List<Object[]> rows = new ArrayList<>();
    Namespace namespace = existingOrNew(session, schema);
    for (TpchGenerator.LoadedTable t : new TpchGenerator(session.catalog(), namespace, scale).generate()) {
      rows.add(new Object[] {t.id().name(), t.rows(), t.snapshotId()});
    }
    return rows;
  }

  private static Namespace existingOrNew(FloeSession session, String schema) {
    Namespace written = Namespace.of(schema);
    try {
      return Names.existingNamespace(session.catalog(), written);
    } catch (SQLException doesNotExist) {
      return written;
    }
  }

  private static double scale(BigDecimal value) throws SQLException {
    if (value == null) {
      return 0.01;
    }
    double scale = value.doubleValue();
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new SQLException(NAME + ": scale must be a positive number, not " + value, INVALID_VALUE);
    }
    return scale;
  }
}
