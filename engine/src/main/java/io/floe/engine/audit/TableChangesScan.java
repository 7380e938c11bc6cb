package io.floe.engine.audit;

import io.floe.engine.catalog.FloeCalciteTable;
import io.floe.engine.metadata.RowSource;
import io.floe.metadata.Snapshot;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;

/** The leaf of a plan that produces a table's changes between two snapshots (see {@link TableChanges}). */
public final class TableChangesScan extends AbstractRelNode implements RowSource {
  private final RelDataType type;
  private final FloeCalciteTable table;
  private final Snapshot from;
  private final Snapshot to;

  TableChangesScan(RelOptCluster cluster, RelDataType rowType, FloeCalciteTable table, Snapshot from, Snapshot to) {
    super(cluster, cluster.traitSet());
    this.type = rowType;
    this.table = table;
    this.from = from;
    this.to = to;
  }

  @Override
  protected RelDataType deriveRowType() {
    return type;
  }

  @Override
  public List<Object[]> rows() {
    return new TableChanges(table.table(), table.qualifiedName()).rows(from, to);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("table", table.qualifiedName())
        .item("after", from == null ? "creation" : from.snapshotId())
        .item("upTo", to == null ? "none" : to.snapshotId());
  }
}
