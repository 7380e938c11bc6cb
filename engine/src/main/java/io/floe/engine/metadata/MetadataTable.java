package io.floe.engine.metadata;

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

/** A metadata table of a Floe table (e.g. {@code "orders$snapshots"}) seen by Calcite. */
public final class MetadataTable extends AbstractTable implements TranslatableTable {
  private final Table table;
  private final MetadataTableType type;

  public MetadataTable(Table table, MetadataTableType type) {
    this.table = table;
    this.type = type;
  }

  public Table table() {
    return table;
  }

  public MetadataTableType type() {
    return type;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return type.rowType(typeFactory);
  }

  /** The exact row count where the metadata holds it without reading manifests; otherwise unknown. */
  @Override
  public Statistic getStatistic() {
    Double rows = switch (type) {
      case SNAPSHOTS -> (double) table.snapshots().size();
      case HISTORY -> (double) table.history().size();
      case REFS -> (double) table.refs().size();
      case FILES -> liveFiles(table.currentSnapshot());
      case MANIFESTS, PARTITIONS -> null;
    };
    return rows == null ? Statistics.UNKNOWN : Statistics.of(rows, List.of());
  }

  private static Double liveFiles(Snapshot snapshot) {
    if (snapshot == null) {
      return 0.0;
    }
    String data = snapshot.summary().get("total-data-files");
    String deletes = snapshot.summary().get("total-delete-files");
    return data == null ? null : Double.parseDouble(data) + (deletes == null ? 0 : Double.parseDouble(deletes));
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new MetadataTableScan(context.getCluster(), relOptTable, () -> type.rows(table));
  }
}
