package io.floe.manifest;

import io.floe.data.GenericRecord;
import io.floe.data.Metrics;
import io.floe.partition.PartitionField;
import io.floe.partition.PartitionSpec;
import io.floe.partition.Transform;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test fixtures: a table schema with one column per partition type, and a spec partitioning by each identity. */
final class ManifestFixtures {
  static final List<String> PARTITION_COLUMNS = List.of("day", "name", "price", "uid", "ts", "flag", "score", "t",
      "local_ts", "bin", "cnt", "f", "raw");

  private ManifestFixtures() {
  }

  static Schema schema() {
    return new Schema(0, List.of(
        NestedField.required(1, "id", Types.LONG),
        NestedField.optional(2, "day", Types.DATE),
        NestedField.optional(3, "name", Types.STRING),
        NestedField.optional(4, "price", Types.decimal(9, 2)),
        NestedField.optional(5, "uid", Types.UUID),
        NestedField.optional(6, "ts", Types.TIMESTAMPTZ),
        NestedField.optional(7, "flag", Types.BOOLEAN),
        NestedField.optional(8, "score", Types.DOUBLE),
        NestedField.optional(9, "t", Types.TIME),
        NestedField.optional(10, "local_ts", Types.TIMESTAMP),
        NestedField.optional(11, "bin", Types.BINARY),
        NestedField.optional(12, "cnt", Types.INT),
        NestedField.optional(13, "f", Types.FLOAT),
        NestedField.optional(14, "raw", Types.fixed(4))));
  }

  /** Identity partitions on the given columns, field ids from 1000 in order. */
  static PartitionSpec identitySpec(int specId, Schema schema, List<String> columns) {
    List<PartitionField> fields = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      fields.add(new PartitionField(schema.requireField(columns.get(i)).id(), 1000 + i, columns.get(i),
          new Transform.Identity()));
    }
    return new PartitionSpec(specId, schema, fields);
  }

  /** A partition tuple for {@link #PARTITION_COLUMNS}; {@code n} varies the values. */
  static GenericRecord partition(PartitionSpec spec, int n) {
    return GenericRecord.of(spec.partitionType(),
        19_000 + n,
        "name-" + n,
        new BigDecimal(BigInteger(12_345 + n), 2),
        new UUID(0x1234_5678_9abc_def0L + n, -n),
        1_700_000_000_000_000L + n,
        n % 2 == 0,
        n == 2 ? Double.NaN : 1.5 * n,
        3_600_000_000L + n,
        1_600_000_000_000_000L - n,
        ByteBuffer.wrap(new byte[] {(byte) n, 2, 3}),
        -n,
        n == 1 ? null : 0.25f * n,
        ByteBuffer.wrap(new byte[] {9, 8, 7, (byte) n}));
  }

  private static java.math.BigInteger BigInteger(long v) {
    return java.math.BigInteger.valueOf(v);
  }

  static ByteBuffer longBound(long v) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, v);
  }

  static Metrics metrics(long rows, long minId, long maxId) {
    return new Metrics(rows, Map.of(1, 8 * rows, 3, 100L), Map.of(1, rows, 3, rows), Map.of(1, 0L, 3, 1L),
        Map.of(8, 0L), Map.of(1, longBound(minId)), Map.of(1, longBound(maxId)));
  }

  static DataFile dataFile(String path, PartitionSpec spec, GenericRecord partition, long rows, long minId, long maxId) {
    return new DataFile(FileContent.DATA, path, "PARQUET", spec.specId(), partition, rows, 1000 + rows,
        metrics(rows, minId, maxId), List.of(4L, 500L), null, 0);
  }
}
