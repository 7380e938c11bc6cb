package io.floe.engine.metadata;

import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/**
 * A scan of a table whose rows Floe computes from metadata when the plan runs: a {@link MetadataTable} of a Floe
 * table, or an {@link InformationSchema} table of the catalog.
 */
public final class MetadataTableScan extends TableScan implements RowSource {
  private final Supplier<List<Object[]>> rows;

  MetadataTableScan(RelOptCluster cluster, RelOptTable table, Supplier<List<Object[]>> rows) {
    this(cluster, cluster.traitSet(), table, rows);
  }

  private MetadataTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
                            Supplier<List<Object[]>> rows) {
    super(cluster, traits, List.of(), table);
    this.rows = rows;
  }

  @Override
  public List<Object[]> rows() {
    return rows.get();
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new MetadataTableScan(getCluster(), traitSet, table, rows);
  }

  @Override
  public void register(RelOptPlanner planner) {
    // The Hep programs carry the rules; nothing to register.
  }
}
