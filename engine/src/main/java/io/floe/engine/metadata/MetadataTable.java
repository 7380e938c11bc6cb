package io.floe.engine.metadata;

import io.floe.table.Table;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
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

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new MetadataTableScan(context.getCluster(), relOptTable, this);
  }
}
