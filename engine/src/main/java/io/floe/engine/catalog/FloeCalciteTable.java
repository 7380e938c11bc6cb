package io.floe.engine.catalog;

import io.floe.engine.planner.FloeTableScan;
import io.floe.catalog.TableIdentifier;
import io.floe.metadata.Snapshot;
import io.floe.table.Table;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A Floe table seen by Calcite: its row type, its row count from the current snapshot's {@code total-records},
 * and its translation into a {@link FloeTableScan} that planner rules push filters and columns into.
 */
public final class FloeCalciteTable extends AbstractTable implements TranslatableTable {
  private final TableIdentifier id;
  private final Table table;

  public FloeCalciteTable(TableIdentifier id, Table table) {
    this.id = id;
    this.table = table;
  }

  public TableIdentifier id() {
    return id;
  }

  public Table table() {
    return table;
  }

  public String qualifiedName() {
    return id.toString();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeMapping.rowType(table.schema(), typeFactory);
  }

  /** Rows in the current snapshot per its summary, 0 for an empty table. */
  public double rowCount() {
    Snapshot snapshot = table.currentSnapshot();
    if (snapshot == null) {
      return 0;
    }
    String total = snapshot.summary().get("total-records");
    return total == null ? 100 : Double.parseDouble(total);
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(rowCount(), List.of());
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return FloeTableScan.create(context.getCluster(), relOptTable, this);
  }
}
