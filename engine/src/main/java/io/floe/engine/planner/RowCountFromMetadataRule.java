package io.floe.engine.planner;

import io.floe.engine.catalog.FloeCalciteTable;
import io.floe.expressions.Expressions;
import io.floe.metadata.Snapshot;
import io.floe.table.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code SELECT count(*) FROM t} without a filter answered from metadata, as Iceberg's aggregate push-down does:
 * the snapshot's manifest list counts the live rows of each data manifest (required counts in format v2), so no
 * data file is opened. Only when the snapshot has no delete files (their rows would have to be subtracted);
 * otherwise, or with a filter, the count runs as a scan.
 */
@SuppressWarnings("deprecation")
final class RowCountFromMetadataRule extends RelOptRule {
  static final RowCountFromMetadataRule INSTANCE = new RowCountFromMetadataRule();

  private RowCountFromMetadataRule() {
    super(operand(LogicalAggregate.class, operand(FloeTableScan.class, none())), "RowCountFromMetadataRule");
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    FloeTableScan scan = call.rel(1);
    if (!aggregate.getGroupSet().isEmpty() || aggregate.getGroupSets().size() != 1
        || !scan.filter().equals(Expressions.alwaysTrue()) || scan.condition() != null) {
      return false;
    }
    for (AggregateCall agg : aggregate.getAggCallList()) {
      if (agg.getAggregation().getKind() != SqlKind.COUNT || !agg.getArgList().isEmpty() || agg.filterArg >= 0
          || agg.isDistinct()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    FloeTableScan scan = call.rel(1);
    Table table = scan.floeTable().table();
    OptionalLong rows = liveRows(table, scan.pinnedSnapshot() != null ? scan.pinnedSnapshot()
        : table.currentSnapshot());
    if (rows.isEmpty()) {
      return;
    }
    RexBuilder rex = aggregate.getCluster().getRexBuilder();
    List<RexLiteral> row = new ArrayList<>();
    for (int i = 0; i < aggregate.getAggCallList().size(); i++) {
      row.add((RexLiteral) rex.makeExactLiteral(BigDecimal.valueOf(rows.getAsLong()),
          aggregate.getRowType().getFieldList().get(i).getType()));
    }
    call.transformTo(call.builder().values(List.of(row), aggregate.getRowType()).build());
  }

  /** The live rows of {@code snapshot} from its manifest list, or empty when it has delete files. */
  private static OptionalLong liveRows(Table table, Snapshot snapshot) {
    if (snapshot == null) {
      return OptionalLong.of(0);
    }
    FloeCalciteTable.ManifestCounts counts = FloeCalciteTable.manifestCounts(table, snapshot);
    return counts.deleteFiles() ? OptionalLong.empty() : OptionalLong.of(counts.dataRows());
  }
}
