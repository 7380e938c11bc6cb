package io.floe.engine.audit;

import io.floe.engine.catalog.FloeCalciteTable;
import io.floe.engine.timetravel.TableVersions;
import io.floe.metadata.Snapshot;
import io.floe.table.Table;
import java.time.ZoneId;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Replaces a call of {@link TableChangesFunction} by a {@link TableChangesScan} over the snapshots its constant
 * arguments name (timestamps read in the session's time zone).
 */
@SuppressWarnings("deprecation")
public final class TableChangesRule extends RelOptRule {
  private final ZoneId timeZone;

  public TableChangesRule(ZoneId timeZone) {
    super(operand(LogicalTableFunctionScan.class, any()), "TableChangesRule");
    this.timeZone = timeZone;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalTableFunctionScan scan = call.rel(0);
    if (!(scan.getCall() instanceof RexCall fn) || !(fn.getOperator() instanceof TableChangesFunction function)) {
      return;
    }
    String name = ((RexLiteral) fn.getOperands().get(0)).getValueAs(String.class);
    FloeCalciteTable table = function.resolve(name);
    Snapshot from = bound(table, fn.getOperands().get(1), true);
    Snapshot to = bound(table, fn.getOperands().get(2), false);
    call.transformTo(new TableChangesScan(scan.getCluster(), scan.getRowType(), table, from, to));
  }

  /**
   * The snapshot an argument names: a snapshot id, or the snapshot current at a timestamp. NULL is the table's
   * creation for the lower bound and its current snapshot for the upper one; a time before the first snapshot is
   * the table's creation (null).
   */
  private Snapshot bound(FloeCalciteTable floeTable, RexNode argument, boolean lower) {
    Table table = floeTable.table();
    if (RexUtil.isNullLiteral(argument, true)) {
      return lower ? null : table.currentSnapshot();
    }
    RexNode value = RexUtil.removeCast(argument);
    if (value instanceof RexLiteral literal && SqlTypeFamily.NUMERIC.contains(literal.getType())) {
      return TableVersions.byId(table, floeTable.qualifiedName(),
          TableVersions.snapshotId(literal, floeTable.qualifiedName()));
    }
    Long millis = TableVersions.epochMillis(value, timeZone);
    if (millis == null) {
      throw new UnsupportedOperationException("not supported: " + TableChangesFunction.NAME + " bound " + argument
          + " (a snapshot id, a TIMESTAMP literal or NULL is needed)");
    }
    return TableVersions.asOfTime(table, millis);
  }
}
