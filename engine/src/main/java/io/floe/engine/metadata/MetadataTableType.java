package io.floe.engine.metadata;

import static io.floe.engine.metadata.MetadataColumn.optional;
import static io.floe.engine.metadata.MetadataColumn.required;
import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.floe.table.Table;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * The metadata tables of a table {@code t}, queried as {@code "t$snapshots"} etc., with Iceberg's column names.
 * Maps (a snapshot's summary) and structs (a file's partition) are rendered as strings.
 */
public enum MetadataTableType {
  SNAPSHOTS("snapshots", SnapshotLogRows::snapshots,
      required("committed_at", TIMESTAMP_WITH_LOCAL_TIME_ZONE), required("snapshot_id", BIGINT),
      optional("parent_id", BIGINT), optional("operation", VARCHAR), optional("manifest_list", VARCHAR),
      required("summary", VARCHAR)),
  HISTORY("history", SnapshotLogRows::history,
      required("made_current_at", TIMESTAMP_WITH_LOCAL_TIME_ZONE), required("snapshot_id", BIGINT),
      optional("parent_id", BIGINT), required("is_current_ancestor", BOOLEAN)),
  FILES("files", ManifestRows::files,
      required("content", INTEGER), required("file_path", VARCHAR), required("file_format", VARCHAR),
      required("spec_id", INTEGER), required("partition", VARCHAR), required("record_count", BIGINT),
      required("file_size_in_bytes", BIGINT), optional("sort_order_id", INTEGER)),
  MANIFESTS("manifests", ManifestRows::manifests,
      required("content", INTEGER), required("path", VARCHAR), required("length", BIGINT),
      required("partition_spec_id", INTEGER), required("added_snapshot_id", BIGINT),
      required("added_data_files_count", INTEGER), required("existing_data_files_count", INTEGER),
      required("deleted_data_files_count", INTEGER), required("added_delete_files_count", INTEGER),
      required("existing_delete_files_count", INTEGER), required("deleted_delete_files_count", INTEGER),
      required("partition_summaries", VARCHAR)),
  PARTITIONS("partitions", ManifestRows::partitions,
      required("partition", VARCHAR), required("spec_id", INTEGER), required("record_count", BIGINT),
      required("file_count", INTEGER), required("total_data_file_size_in_bytes", BIGINT),
      optional("last_updated_at", TIMESTAMP_WITH_LOCAL_TIME_ZONE), optional("last_updated_snapshot_id", BIGINT)),
  REFS("refs", SnapshotLogRows::refs,
      required("name", VARCHAR), required("type", VARCHAR), required("snapshot_id", BIGINT),
      optional("max_reference_age_in_ms", BIGINT), optional("min_snapshots_to_keep", INTEGER),
      optional("max_snapshot_age_in_ms", BIGINT));

  /** Separates a table's name from its metadata table's suffix: {@code orders$snapshots}. */
  public static final String SEPARATOR = "$";

  private final String suffix;
  private final Function<Table, List<Object[]>> rows;
  private final List<MetadataColumn> columns;

  MetadataTableType(String suffix, Function<Table, List<Object[]>> rows, MetadataColumn... columns) {
    this.suffix = suffix;
    this.rows = rows;
    this.columns = List.of(columns);
  }

  /** The suffix after {@link #SEPARATOR}, e.g. {@code snapshots}. */
  public String suffix() {
    return suffix;
  }

  public List<MetadataColumn> columns() {
    return columns;
  }

  /** The name of this metadata table of {@code tableName}. */
  public String tableName(String tableName) {
    return tableName + SEPARATOR + suffix;
  }

  public RelDataType rowType(RelDataTypeFactory factory) {
    return MetadataColumn.rowType(columns, factory);
  }

  /** This metadata table's rows for {@code table} as last loaded. */
  public List<Object[]> rows(Table table) {
    return rows.apply(table);
  }

  /** The type whose suffix is {@code suffix} (any case). */
  public static Optional<MetadataTableType> bySuffix(String suffix) {
    for (MetadataTableType type : values()) {
      if (type.suffix.equals(suffix.toLowerCase(Locale.ROOT))) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
