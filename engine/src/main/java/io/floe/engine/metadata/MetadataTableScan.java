package io.floe.engine.metadata;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/** A scan of a {@link MetadataTable}: its rows are computed from the table's metadata when the plan runs. */
public final class MetadataTableScan extends TableScan implements RowSource {
  private final MetadataTable metadataTable;

  MetadataTableScan(RelOptCluster cluster, RelOptTable table, MetadataTable metadataTable) {
    this(cluster, cluster.traitSet(), table, metadataTable);
  }

  private MetadataTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
                            MetadataTable metadataTable) {
    super(cluster, traits, List.of(), table);
    this.metadataTable = metadataTable;
  }

  @Override
  public List<Object[]> rows() {
    return metadataTable.type().rows(metadataTable.table());
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new MetadataTableScan(getCluster(), traitSet, table, metadataTable);
  }

  @Override
  public void register(RelOptPlanner planner) {
    // The Hep programs carry the rules; nothing to register.
  }
}
