package io.floe.metadata;

import io.floe.partition.PartitionField;
import io.floe.partition.PartitionSpec;
import io.floe.partition.Transform;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test fixtures: a schema with every type and nesting, and full table metadata over it. */
public final class MetadataFixtures {
  public static final long SNAPSHOT_1 = 3051729675574597004L;
  public static final long SNAPSHOT_2 = 5766120837219148357L;

  private MetadataFixtures() {
  }

  /** Schema 0: every primitive type plus a list, a map of structs and a nested struct. */
  public static Schema schema0() {
    return new Schema(0, List.of(
        new NestedField(1, "id", Types.LONG, true, "the id"),
        NestedField.optional(2, "name", Types.STRING),
        NestedField.optional(3, "tags", Types.list(4, Types.STRING, false)),
        NestedField.optional(5, "props", Types.map(6, Types.STRING, 7,
            Types.struct(NestedField.required(8, "x", Types.INT), NestedField.optional(9, "y", Types.DOUBLE)), false)),
        NestedField.optional(10, "ts", Types.TIMESTAMPTZ),
        NestedField.optional(11, "day", Types.DATE),
        NestedField.optional(12, "price", Types.decimal(10, 2)),
        NestedField.optional(13, "uid", Types.UUID),
        NestedField.optional(14, "raw", Types.fixed(4)),
        NestedField.optional(15, "bin", Types.BINARY),
        NestedField.optional(16, "flag", Types.BOOLEAN),
        NestedField.optional(17, "f", Types.FLOAT),
        NestedField.optional(18, "t", Types.TIME),
        NestedField.optional(19, "local_ts", Types.TIMESTAMP),
        NestedField.optional(20, "point", Types.struct(
            NestedField.required(21, "lat", Types.DOUBLE),
            NestedField.required(22, "lon", Types.list(23, Types.LONG, true))))),
        Set.of(1));
  }

  /** Schema 1: schema 0 plus a column {@code category}. */
  public static Schema schema1() {
    Schema s0 = schema0();
    List<NestedField> columns = new java.util.ArrayList<>(s0.columns());
    columns.add(NestedField.optional(24, "category", Types.STRING));
    return new Schema(1, columns, Set.of(1));
  }

  public static PartitionSpec spec0(Schema schema) {
    return new PartitionSpec(0, schema, List.of(
        new PartitionField(11, 1000, "day", new Transform.Identity()),
        new PartitionField(1, 1001, "id_bucket", new Transform.Bucket(16))));
  }

  public static PartitionSpec spec1(Schema schema) {
    return new PartitionSpec(1, schema, List.of(
        new PartitionField(10, 1002, "ts_day", new Transform.Day()),
        new PartitionField(2, 1003, "name_trunc", new Transform.Truncate(4)),
        new PartitionField(24, 1004, "category", new Transform.Identity())));
  }

  /** Metadata with two schemas, two specs, two sort orders, two snapshots, a branch and a tag, and both logs. */
  public static TableMetadata full(String location) {
    Schema s0 = schema0();
    Schema s1 = schema1();
    SortOrder order = new SortOrder(1, List.of(
        new SortOrder.SortField("identity", 1, true, true),
        new SortOrder.SortField("day", 10, false, false)));
    Snapshot snap1 = new Snapshot(1, SNAPSHOT_1, null, 1_700_000_000_000L, location + "/metadata/snap-1.avro",
        Map.of("operation", "append", "added-data-files", "2", "added-records", "30"), 0);
    Snapshot snap2 = new Snapshot(2, SNAPSHOT_2, SNAPSHOT_1, 1_700_000_100_000L, location + "/metadata/snap-2.avro",
        Map.of("operation", "overwrite", "deleted-data-files", "1"), 1);
    return new TableMetadata(null, 2, "9c12d441-03fe-4693-9a96-a0705ddf69c1", location, 2, 1_700_000_100_001L, 24,
        List.of(s0, s1), 1, List.of(spec0(s1), spec1(s1)), 1, 1004,
        List.of(SortOrder.unsorted(), order), 1,
        Map.of("owner", "floe", "write.format.default", "parquet"),
        SNAPSHOT_2, List.of(snap1, snap2),
        Map.of("main", new SnapshotRef(SNAPSHOT_2, SnapshotRef.Type.BRANCH, 3, 86_400_000L, null),
            "release", new SnapshotRef(SNAPSHOT_1, SnapshotRef.Type.TAG, null, null, 604_800_000L)),
        List.of(new SnapshotLogEntry(1_700_000_000_000L, SNAPSHOT_1), new SnapshotLogEntry(1_700_000_100_000L, SNAPSHOT_2)),
        List.of(new MetadataLogEntry(1_699_999_999_000L, location + "/metadata/v1.metadata.json"),
            new MetadataLogEntry(1_700_000_000_001L, location + "/metadata/v2.metadata.json")),
        List.of(new StatisticsFile(SNAPSHOT_2, location + "/metadata/stats-2.puffin", 413, 102, null,
            List.of(new StatisticsFile.BlobMetadata("apache-datasketches-theta-v1", SNAPSHOT_2, 2, List.of(1),
                Map.of("ndv", "3")), new StatisticsFile.BlobMetadata("apache-datasketches-theta-v1", SNAPSHOT_2, 2,
                List.of(2), Map.of())))),
        List.of(new PartitionStatisticsFile(SNAPSHOT_1, location + "/metadata/partition-stats-1.parquet", 777)));
  }

  /** A new table without snapshots. */
  public static TableMetadata empty(String location) {
    Schema s0 = schema0();
    return new TableMetadata(null, 2, "4a3c4f0e-7e43-4c7c-9e0f-5e8e14a2f5b1", location, 0, 1_700_000_000_000L, 23,
        List.of(s0), 0, List.of(PartitionSpec.unpartitioned(s0)), 0, 999, List.of(SortOrder.unsorted()), 0,
        Map.of(), null, List.of(), Map.of(), List.of(), List.of(), List.of(), List.of());
  }
}
