package io.floe.engine.procedure;

import static io.floe.engine.procedure.Procedure.Parameter.optional;
import static io.floe.engine.procedure.Procedure.Parameter.required;

import io.floe.engine.FloeSession;
import io.floe.engine.ddl.DdlErrors;
import io.floe.metadata.StatisticsFile;
import io.floe.table.ComputeTableStatistics;
import io.floe.table.DeleteOrphanFiles;
import io.floe.table.ExpireSnapshots;
import io.floe.table.RewriteDataFiles;
import io.floe.table.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Table maintenance: {@code expire_snapshots}, {@code compute_table_stats}, {@code remove_orphan_files},
 * {@code rewrite_data_files}.
 */
final class MaintenanceProcedures {
  private MaintenanceProcedures() {
  }

  static List<Procedure> all() {
    return List.of(
        new Procedure("expire_snapshots",
            List.of(required("table"), optional("older_than"), optional("retain_last"), optional("snapshot_ids")),
            List.of("deleted_data_files_count", "deleted_position_delete_files_count",
                "deleted_equality_delete_files_count", "deleted_manifest_files_count", "deleted_manifest_lists_count",
                "deleted_statistics_files_count"),
            List.of(SqlTypeName.BIGINT, SqlTypeName.BIGINT, SqlTypeName.BIGINT, SqlTypeName.BIGINT,
                SqlTypeName.BIGINT, SqlTypeName.BIGINT),
            MaintenanceProcedures::expireSnapshots),
        new Procedure("compute_table_stats",
            List.of(required("table"), optional("snapshot_id"), optional("columns")),
            List.of("statistics_file"), List.of(SqlTypeName.VARCHAR),
            MaintenanceProcedures::computeTableStats),
        new Procedure("remove_orphan_files",
            List.of(required("table"), optional("older_than"), optional("location"), optional("dry_run")),
            List.of("orphan_file_location"), List.of(SqlTypeName.VARCHAR),
            MaintenanceProcedures::removeOrphanFiles),
        new Procedure("rewrite_data_files",
            List.of(required("table"), optional("strategy"), optional("sort_order"), optional("options"),
                optional("where")),
            List.of("rewritten_data_files_count", "added_data_files_count", "rewritten_bytes_count",
                "failed_data_files_count", "removed_delete_files_count"),
            List.of(SqlTypeName.INTEGER, SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.INTEGER,
                SqlTypeName.INTEGER),
            MaintenanceProcedures::rewriteDataFiles));
  }

  /** Iceberg's {@code expire_snapshots}: by age ({@code older_than}), keeping {@code retain_last}, or by id. */
  private static List<Object[]> expireSnapshots(Arguments args, FloeSession session) throws SQLException {
    Table table = session.catalog().loadTable(args.table("table", session));
    ExpireSnapshots expire = table.expireSnapshots();
    Long olderThan = args.timestampMillis("older_than");
    if (olderThan != null) {
      expire.expireOlderThan(olderThan);
    }
    Long retainLast = args.longValue("retain_last");
    if (retainLast != null) {
      expire.retainLast(Math.toIntExact(retainLast));
    }
    for (long id : args.longList("snapshot_ids")) {
      expire.expireSnapshotId(id);
    }
    ExpireSnapshots.Result result = expire.commit();
    return rows(new Object[] {result.deletedDataFiles(), 0L, 0L, result.deletedManifests(),
        result.deletedManifestLists(), result.deletedStatisticsFiles()});
  }

  /**
   * Iceberg's {@code compute_table_stats}: theta sketches of the columns (all primitive columns unless
   * {@code columns} names some) over a snapshot (the current one unless {@code snapshot_id}), written to a Puffin
   * file that becomes the snapshot's statistics file; returns the file's location (no row for a table without
   * snapshots).
   */
  private static List<Object[]> computeTableStats(Arguments args, FloeSession session) throws SQLException {
    Table table = session.catalog().loadTable(args.table("table", session));
    ComputeTableStatistics compute = table.computeStatistics();
    Long snapshotId = args.longValue("snapshot_id");
    if (snapshotId != null) {
      compute.snapshot(snapshotId);
    }
    List<String> columns = args.stringList("columns");
    if (!columns.isEmpty()) {
      compute.columns(columns);
    }
    StatisticsFile file = compute.commit();
    return file == null ? List.of() : rows(new Object[] {file.path()});
  }

  /** Iceberg's {@code remove_orphan_files}: one row per orphan file found (deleted unless {@code dry_run}). */
  private static List<Object[]> removeOrphanFiles(Arguments args, FloeSession session) throws SQLException {
    Table table = session.catalog().loadTable(args.table("table", session));
    if (args.has("location")) {
      throw DdlErrors.notSupported("remove_orphan_files with location (it always scans the table's location)");
    }
    DeleteOrphanFiles delete = table.deleteOrphanFiles().dryRun(args.booleanValue("dry_run", false));
    Long olderThan = args.timestampMillis("older_than");
    if (olderThan != null) {
      delete.olderThan(olderThan);
    }
    List<Object[]> rows = new ArrayList<>();
    for (String file : delete.execute().orphanFiles()) {
      rows.add(new Object[] {file});
    }
    return rows;
  }

  /**
   * Iceberg's {@code rewrite_data_files}: bin-packs small files ({@code strategy => 'binpack'}, the default) or sorts
   * them ({@code 'sort'} with {@code sort_order => 'col [ASC|DESC], ...'}); options {@code target-file-size-bytes},
   * {@code min-input-files}, {@code max-file-group-size-bytes}.
   */
  private static List<Object[]> rewriteDataFiles(Arguments args, FloeSession session) throws SQLException {
    Table table = session.catalog().loadTable(args.table("table", session));
    if (args.has("where")) {
      throw DdlErrors.notSupported("rewrite_data_files with where (it rewrites the small files of every partition)");
    }
    RewriteDataFiles rewrite = table.rewriteDataFiles();
    String strategy = args.has("strategy") ? args.string("strategy").toLowerCase(Locale.ROOT) : "binpack";
    if (strategy.equals("sort")) {
      if (!args.has("sort_order")) {
        throw DdlErrors.invalid("rewrite_data_files with strategy 'sort' needs sort_order => 'column [ASC|DESC], ...'");
      }
      for (String key : args.string("sort_order").split(",")) {
        String[] parts = key.trim().split("\\s+");
        boolean ascending = parts.length < 2 || !parts[1].equalsIgnoreCase("DESC");
        rewrite.sortBy(parts[0], ascending);
      }
    } else if (!strategy.equals("binpack")) {
      throw DdlErrors.invalid("unknown rewrite strategy " + strategy + " (binpack or sort)");
    }
    for (Map.Entry<String, String> option : args.map("options").entrySet()) {
      long value = Long.parseLong(option.getValue());
      switch (option.getKey()) {
        case "target-file-size-bytes" -> rewrite.targetFileSizeBytes(value);
        case "min-input-files" -> rewrite.minInputFiles(Math.toIntExact(value));
        case "max-file-group-size-bytes" -> rewrite.maxFileGroupSizeBytes(value);
        default -> throw DdlErrors.notSupported("rewrite_data_files option " + option.getKey()
            + " (supported: target-file-size-bytes, min-input-files, max-file-group-size-bytes)");
      }
    }
    RewriteDataFiles.Result result = rewrite.execute();
    return rows(new Object[] {result.rewrittenFiles(), result.addedFiles(), result.rewrittenBytes(), 0,
        result.removedDeleteFiles()});
  }

  private static List<Object[]> rows(Object[] row) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(row);
    return rows;
  }
}
