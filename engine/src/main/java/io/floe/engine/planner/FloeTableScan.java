package io.floe.engine.planner;

import io.floe.engine.catalog.ColumnStatistics;
import io.floe.engine.catalog.FloeCalciteTable;
import io.floe.engine.exec.RowIdColumns;
import io.floe.expressions.Expression;
import io.floe.expressions.Expressions;
import io.floe.metadata.Snapshot;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

/**
 * A scan of a Floe table with the columns it reads ({@code columns}: indices into the table's row type) and the
 * filter pushed into it: the Floe scan prunes partitions and files and skips row groups with it, and the engine
 * evaluates the same condition ({@link #condition()}, the pushed conjuncts as a RexNode) on the rows read.
 * A scan may be pinned to one snapshot (time travel); otherwise it reads the table's current snapshot.
 */
public final class FloeTableScan extends TableScan {
  private final FloeCalciteTable floeTable;
  private final List<Integer> columns;
  private final Expression filter;
  private final RexNode condition;
  private final Snapshot pinned;

  private FloeTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, FloeCalciteTable floeTable,
      List<Integer> columns, Expression filter, RexNode condition, Snapshot pinned) {
    super(cluster, traits, List.of(), table);
    this.floeTable = floeTable;
    this.columns = List.copyOf(columns);
    this.filter = filter;
    this.condition = condition;
    this.pinned = pinned;
  }

  /** A scan of every column without a filter. */
  public static FloeTableScan create(RelOptCluster cluster, RelOptTable table, FloeCalciteTable floeTable) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < table.getRowType().getFieldCount(); i++) {
      all.add(i);
    }
    return new FloeTableScan(cluster, cluster.traitSet(), table, floeTable, all, Expressions.alwaysTrue(), null, null);
  }

  public FloeCalciteTable floeTable() {
    return floeTable;
  }

  public List<Integer> columns() {
    return columns;
  }

  public Expression filter() {
    return filter;
  }

  /**
   * The pushed filter as a condition over the table's columns (input {@code i} is table column {@code i}, not
   * output field {@code i}), or null when nothing was pushed.
   */
  public RexNode condition() {
    return condition;
  }

  /** The snapshot this scan is pinned to by time travel, or null to read the current snapshot. */
  public Snapshot pinnedSnapshot() {
    return pinned;
  }

  /** The id of the pinned snapshot, or null. */
  public Long pinnedSnapshotId() {
    return pinned == null ? null : pinned.snapshotId();
  }

  /** The table's column names this scan reads, in output order. */
  public List<String> columnNames() {
    List<RelDataTypeField> fields = table.getRowType().getFieldList();
    return columns.stream().map(i -> fields.get(i).getName()).toList();
  }

  /** The stored columns this scan reads (its columns but the {@link RowIdColumns}), in order. */
  public List<String> storedColumnNames() {
    return columnNames().stream().filter(c -> !RowIdColumns.named(c)).toList();
  }

  /** Whether output field {@code index} is a {@link RowIdColumns row id column}. */
  public boolean readsRowId(int index) {
    return floeTable.rowIdColumn(columns.get(index));
  }

  /** The name of the table column behind output field {@code index}. */
  public String columnName(int index) {
    return table.getRowType().getFieldList().get(columns.get(index)).getName();
  }

  /** The Iceberg field id of the table column behind output field {@code index}. */
  public int fieldId(int index) {
    return floeTable.schema().columns().get(columns.get(index)).id();
  }

  /** Distinct-value bounds of the table's columns in the snapshot this scan reads (see {@link ColumnStatistics}). */
  public ColumnStatistics columnStatistics() {
    return ColumnStatistics.of(floeTable.table(), pinned == null ? floeTable.table().currentSnapshot() : pinned);
  }

  /**
   * The output field that is cheapest to read when a query needs rows but no values (count(*)): the first of the
   * narrowest type, booleans before 32-bit, 64-bit, decimal and variable-width values.
   */
  public int narrowestField() {
    List<RelDataTypeField> fields = getRowType().getFieldList();
    int best = 0;
    for (int i = 1; i < fields.size(); i++) {
      if (readCost(fields.get(i).getType()) < readCost(fields.get(best).getType())) {
        best = i;
      }
    }
    return best;
  }

  private static int readCost(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case BOOLEAN:
        return 0;
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case DATE:
      case REAL:
        return 1;
      case BIGINT:
      case DOUBLE:
      case TIME:
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return 2;
      case DECIMAL:
        return 3;
      default:
        return 4;
    }
  }

  public FloeTableScan withColumns(List<Integer> newColumns) {
    return new FloeTableScan(getCluster(), traitSet, table, floeTable, newColumns, filter, condition, pinned);
  }

  /**
   * This scan with {@code pushed} added to its filter; {@code pushedCondition} is the same condition over this
   * scan's output fields.
   */
  public FloeTableScan withFilter(Expression pushed, RexNode pushedCondition) {
    return new FloeTableScan(getCluster(), traitSet, table, floeTable, columns, Expressions.and(filter, pushed),
        conditionWith(pushedCondition), pinned);
  }

  /**
   * This scan's condition (over the table's columns) and {@code overOutput}, a condition over the scan's output
   * columns, moved onto the table's columns.
   */
  public RexNode conditionWith(RexNode overOutput) {
    RexNode overTable = overOutput.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(columns.get(ref.getIndex()), ref.getType());
      }
    });
    return condition == null ? overTable
        : RexUtil.composeConjunction(getCluster().getRexBuilder(), List.of(condition, overTable));
  }

  /**
   * Fails with {@code not supported} if a column this scan reads is not in the schema of its pinned snapshot (time
   * travel reads by the table's current column names).
   */
  public void requireColumnsAtPinnedSnapshot() {
    if (pinned == null || pinned.schemaId() == null) {
      return;
    }
    Schema schema = floeTable.table().metadata().schemaById(pinned.schemaId());
    for (String column : storedColumnNames()) {
      if (schema.findField(column) == null) {
        throw new UnsupportedOperationException("not supported: column " + column + " of table "
            + floeTable.qualifiedName() + " did not exist in snapshot " + pinned.snapshotId()
            + " (time travel reads the table's current columns)");
      }
    }
  }

  /** This scan pinned to {@code snapshot} (time travel). */
  public FloeTableScan atSnapshot(Snapshot snapshot) {
    return new FloeTableScan(getCluster(), traitSet, table, floeTable, columns, filter, condition, snapshot);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new FloeTableScan(getCluster(), traitSet, table, floeTable, columns, filter, condition, pinned);
  }

  @Override
  public RelDataType deriveRowType() {
    List<RelDataTypeField> fields = table.getRowType().getFieldList();
    var builder = getCluster().getTypeFactory().builder();
    for (int i : columns) {
      builder.add(fields.get(i));
    }
    return builder.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("columns", columnNames()).itemIf("filter", filter.toString(),
        !filter.equals(Expressions.alwaysTrue())).itemIf("snapshot", pinnedSnapshotId(), pinned != null);
  }

  /** The rows in the snapshot this scan reads, before its filter. */
  public double tableRows() {
    return pinned == null ? floeTable.rowCount() : FloeCalciteTable.rowCount(floeTable.table(), pinned);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = tableRows();
    return filter.equals(Expressions.alwaysTrue()) ? rows : Math.max(1, rows * 0.25);
  }

  @Override
  public void register(RelOptPlanner planner) {
    // The Hep programs carry the rules; nothing to register.
  }
}
