package io.floe.engine.timetravel;

import io.floe.engine.catalog.FloeCalciteTable;
import io.floe.engine.planner.FloeTableScan;
import java.time.ZoneId;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.Snapshot;

/**
 * Turns {@code Snapshot(FloeTableScan)} (what {@code FOR SYSTEM_TIME AS OF} and {@code FOR VERSION AS OF} become)
 * into a {@link FloeTableScan} pinned to the snapshot the constant period names, resolved when the statement is
 * planned.
 */
@SuppressWarnings("deprecation")
public final class SnapshotScanRule extends RelOptRule {
  private final ZoneId timeZone;

  /** A rule reading timestamps without a time zone in {@code timeZone}. */
  public SnapshotScanRule(ZoneId timeZone) {
    super(operand(Snapshot.class, operand(FloeTableScan.class, none())), "SnapshotScanRule");
    this.timeZone = timeZone;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Snapshot snapshot = call.rel(0);
    FloeTableScan scan = call.rel(1);
    if (scan.pinnedSnapshot() != null) {
      return;
    }
    FloeCalciteTable table = scan.floeTable();
    io.floe.metadata.Snapshot pinned = table.pinned() != null ? table.pinned()
        : TableVersions.resolve(table.table(), table.qualifiedName(), snapshot.getPeriod(), timeZone);
    call.transformTo(scan.atSnapshot(pinned));
  }

  /** Fails with {@code not supported} if {@code rel} still holds a time-travel period this rule could not apply. */
  public static void requireResolved(RelNode rel) {
    new RelVisitor() {
      @Override
      public void visit(RelNode node, int ordinal, RelNode parent) {
        if (node instanceof Snapshot snapshot) {
          throw new UnsupportedOperationException("not supported: time travel (FOR SYSTEM_TIME AS OF or FOR VERSION"
              + " AS OF) on anything but a Floe table: " + snapshot.getInput().explain().trim());
        }
        super.visit(node, ordinal, parent);
      }
    }.go(rel);
  }
}
