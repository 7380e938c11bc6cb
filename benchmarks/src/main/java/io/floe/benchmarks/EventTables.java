package io.floe.benchmarks;

import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.iceberg.TableProperties;

/**
 * The small "events" table of the commit and planning benchmarks, defined identically for Floe and Iceberg:
 * {@code id long, ts timestamp, region string, amount double}, partitioned by {@code day(ts)} (and optionally
 * {@code bucket(id)}).
 */
final class EventTables {
  static final String[] REGIONS = {"AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"};
  /** Day 0 of the generated data. */
  static final LocalDateTime EPOCH_DAY_0 = LocalDateTime.of(2022, 1, 1, 0, 0);
  static final long MICROS_PER_DAY = 86_400_000_000L;
  /** Iceberg tables are created as v2 tables, like Floe's. */
  static final Map<String, String> ICEBERG_PROPERTIES = Map.of(TableProperties.FORMAT_VERSION, "2");

  private EventTables() {
  }

  static Schema floeSchema() {
    return new Schema(
        NestedField.required(1, "id", Types.LONG),
        NestedField.required(2, "ts", Types.TIMESTAMP),
        NestedField.optional(3, "region", Types.STRING),
        NestedField.optional(4, "amount", Types.DOUBLE));
  }

  static org.apache.iceberg.Schema icebergSchema() {
    return new org.apache.iceberg.Schema(
        org.apache.iceberg.types.Types.NestedField.required(1, "id", org.apache.iceberg.types.Types.LongType.get()),
        org.apache.iceberg.types.Types.NestedField.required(2, "ts", org.apache.iceberg.types.Types.TimestampType.withoutZone()),
        org.apache.iceberg.types.Types.NestedField.optional(3, "region", org.apache.iceberg.types.Types.StringType.get()),
        org.apache.iceberg.types.Types.NestedField.optional(4, "amount", org.apache.iceberg.types.Types.DoubleType.get()));
  }

  static io.floe.partition.PartitionSpec floeSpec(Schema schema, int buckets) {
    io.floe.partition.PartitionSpec.Builder b = io.floe.partition.PartitionSpec.builderFor(schema).day("ts");
    return buckets > 0 ? b.bucket("id", buckets).build() : b.build();
  }

  static org.apache.iceberg.PartitionSpec icebergSpec(org.apache.iceberg.Schema schema, int buckets) {
    org.apache.iceberg.PartitionSpec.Builder b = org.apache.iceberg.PartitionSpec.builderFor(schema).day("ts");
    return buckets > 0 ? b.bucket("id", buckets).build() : b.build();
  }

  /** Microseconds from the epoch of the start of generated day {@code day}. */
  static long dayStartMicros(int day) {
    return EPOCH_DAY_0.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + day * MICROS_PER_DAY;
  }

  /** Days from 1970-01-01 of generated day {@code day} (the value of the {@code ts_day} partition field). */
  static int epochDay(int day) {
    return (int) EPOCH_DAY_0.toLocalDate().toEpochDay() + day;
  }
}
