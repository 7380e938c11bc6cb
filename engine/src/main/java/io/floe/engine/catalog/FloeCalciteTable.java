package io.floe.engine.catalog;

import io.floe.engine.exec.RowIdColumns;
import io.floe.engine.planner.FloeTableScan;
import io.floe.catalog.TableIdentifier;
import io.floe.manifest.FileContent;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.metadata.Snapshot;
import io.floe.table.Table;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TemporalTable;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A Floe table seen by Calcite: its row type, its row count from the current snapshot's {@code total-records},
 * and its translation into a {@link FloeTableScan} that planner rules push filters and columns into. It is a
 * temporal table: {@code FOR SYSTEM_TIME AS OF} and {@code FOR VERSION AS OF} pin its scan to an older snapshot.
 */
public final class FloeCalciteTable extends AbstractTable implements TranslatableTable, TemporalTable {
  /** Names reported as the system-time period columns; Floe tables version by snapshot, not by row. */
  private static final String SYSTEM_TIME_START = "_floe_snapshot_start";
  private static final String SYSTEM_TIME_END = "_floe_snapshot_end";

  private final TableIdentifier id;
  private final Table table;
  /** The snapshot a time-travel reference names, or null for the table as it is. */
  private final Snapshot pinned;
  /** Whether the row type ends with the {@link RowIdColumns}. */
  private final boolean rowIds;

  public FloeCalciteTable(TableIdentifier id, Table table) {
    this(id, table, null, false);
  }

  private FloeCalciteTable(TableIdentifier id, Table table, Snapshot pinned, boolean rowIds) {
    this.id = id;
    this.table = table;
    this.pinned = pinned;
    this.rowIds = rowIds;
  }

  /**
   * The table as of {@code snapshot}, with the columns of the schema the snapshot was written with (as Iceberg,
   * Spark and Trino read a version): what a reference with a constant {@code FOR VERSION AS OF} or
   * {@code FOR SYSTEM_TIME AS OF} reads.
   */
  public FloeCalciteTable at(Snapshot snapshot) {
    return new FloeCalciteTable(id, table, snapshot, rowIds);
  }

  /**
   * This table with the {@link RowIdColumns} after its columns: what a row-level statement reads to find the rows it
   * changes. No SQL name refers to it.
   */
  public FloeCalciteTable withRowIds() {
    return new FloeCalciteTable(id, table, pinned, true);
  }

  /** Whether column {@code index} of the row type is a {@link RowIdColumns row id column}. */
  public boolean rowIdColumn(int index) {
    return rowIds && index >= schema().columns().size();
  }

  /** The snapshot this table is pinned to ({@link #at}), or null. */
  public Snapshot pinned() {
    return pinned;
  }

  /** The schema of the columns this table shows (the pinned snapshot's, else the current one). */
  public io.floe.types.Schema schema() {
    return pinned == null || pinned.schemaId() == null ? table.schema()
        : table.metadata().schemaById(pinned.schemaId());
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
    RelDataType columns = TypeMapping.rowType(schema(), typeFactory);
    if (!rowIds) {
      return columns;
    }
    return typeFactory.builder().addAll(columns.getFieldList())
        .add(RowIdColumns.FILE, SqlTypeName.VARCHAR).add(RowIdColumns.POSITION, SqlTypeName.BIGINT).build();
  }

  /**
   * Rows in the current (or pinned) snapshot (see {@link #rowCount(Table, Snapshot)}), 0 for an empty table.
   */
  public double rowCount() {
    return rowCount(table, pinned != null ? pinned : table.currentSnapshot());
  }

  /**
   * Rows in {@code snapshot} of {@code table}: its summary's {@code total-records}, or, for snapshots written
   * without it, the live rows its manifest list counts; 0 for no snapshot.
   */
  public static double rowCount(Table table, Snapshot snapshot) {
    if (snapshot == null) {
      return 0;
    }
    String total = snapshot.summary().get("total-records");
    if (total != null) {
      return Double.parseDouble(total);
    }
    return manifestCounts(table, snapshot).dataRows();
  }

  /**
   * What {@code snapshot}'s manifest list counts (required counts in format v2, no manifest opened): the rows of
   * its live data files, and whether it has live delete files (whose deleted rows those rows still include).
   */
  public static ManifestCounts manifestCounts(Table table, Snapshot snapshot) {
    long rows = 0;
    boolean deleteFiles = false;
    for (ManifestFile manifest : ManifestListReader.read(table.io(), snapshot.manifestList())) {
      if (manifest.content() == FileContent.DATA) {
        rows += manifest.addedRowsCount() + manifest.existingRowsCount();
      } else {
        deleteFiles |= manifest.addedFilesCount() + manifest.existingFilesCount() > 0;
      }
    }
    return new ManifestCounts(rows, deleteFiles);
  }

  /** A snapshot's live data rows and whether it has live delete files, from its manifest list. */
  public record ManifestCounts(long dataRows, boolean deleteFiles) {
  }

  /**
   * The row count of the current (or pinned) snapshot; keys, collations and distribution are unknown (Iceberg keeps
   * none).
   */
  @Override
  public Statistic getStatistic() {
    return Statistics.of(rowCount(), List.of());
  }

  @Override
  public String getSysStartFieldName() {
    return SYSTEM_TIME_START;
  }

  @Override
  public String getSysEndFieldName() {
    return SYSTEM_TIME_END;
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return FloeTableScan.create(context.getCluster(), relOptTable, this);
  }
}
