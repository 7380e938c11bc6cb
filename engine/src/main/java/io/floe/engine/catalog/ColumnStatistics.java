package io.floe.engine.catalog;

import io.floe.data.Metrics;
import io.floe.expressions.Expressions;
import io.floe.manifest.DataFile;
import io.floe.metadata.Snapshot;
import io.floe.metadata.StatisticsFile;
import io.floe.puffin.ColumnThetaSketches;
import io.floe.scan.FileScanTask;
import io.floe.table.Table;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.SingleValueSerialization;
import io.floe.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How many distinct values a table's columns hold in one snapshot, for the cost model. From what the snapshot's
 * manifests hold per data file (value and null counts, lower and upper bounds), an upper bound:
 * <ul>
 *   <li>a file holds at most as many distinct non-null values of a column as it has non-null values;</li>
 *   <li>a file whose lower and upper bound are equal holds one distinct non-null value (two for a float or double
 *       column that may hold NaN, which bounds leave out);</li>
 *   <li>a file's values of an integer-like column (int, bigint, date, time, timestamp, decimal as its unscaled
 *       value, boolean) lie in {@code [lower, upper]}, so there are at most {@code upper - lower + 1} of them;</li>
 *   <li>over the table: at most the sum of the files' bounds, and, for an integer-like column whose files all have
 *       bounds, at most the width of the union of the files' ranges;</li>
 *   <li>NULL counts as one more value when a file may hold nulls.</li>
 * </ul>
 * Where the table has a statistics file (Puffin) for the snapshot, or else for its nearest ancestor that has one,
 * whose theta sketch blob of the column carries an {@code ndv} property (written by Floe's
 * {@link io.floe.table.ComputeTableStatistics}, Trino's ANALYZE or Spark's {@code compute_table_stats}), that
 * estimate (plus one for NULL) is used instead when it is below the bound. A column without counts in a file is
 * bounded by that file's row count. Computed once per snapshot and statistics file and cached.
 */
public final class ColumnStatistics {
  private static final int CACHED_SNAPSHOTS = 256;
  private static final Map<String, ColumnStatistics> CACHE = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ColumnStatistics> eldest) {
          return size() > CACHED_SNAPSHOTS;
        }
      });

  private static final ColumnStatistics EMPTY = new ColumnStatistics(Map.of());

  private final Map<Integer, Double> distinctBounds;

  private ColumnStatistics(Map<Integer, Double> distinctBounds) {
    this.distinctBounds = Map.copyOf(distinctBounds);
  }

  /** The statistics of {@code snapshot} of {@code table} (no columns for no snapshot). */
  public static ColumnStatistics of(Table table, Snapshot snapshot) {
    if (snapshot == null) {
      return EMPTY;
    }
    StatisticsFile statistics = table.metadata().latestStatisticsFile(snapshot);
    String key = snapshot.manifestList() + (statistics == null ? "" : "|" + statistics.path());
    ColumnStatistics cached = CACHE.get(key);
    if (cached == null) {
      List<FileScanTask> files = table.newScan().useSnapshot(snapshot.snapshotId())
          .filter(Expressions.alwaysTrue()).planFiles();
      cached = compute(table.schema().columns(), files.stream().map(FileScanTask::file).toList(),
          statistics == null ? Map.of() : ColumnThetaSketches.distinctCounts(statistics));
      CACHE.put(key, cached);
    }
    return cached;
  }

  /** At most how many distinct values (NULL counted as one) the column with {@code fieldId} holds, if known. */
  public OptionalDouble distinctValues(int fieldId) {
    Double bound = distinctBounds.get(fieldId);
    return bound == null ? OptionalDouble.empty() : OptionalDouble.of(bound);
  }

  /**
   * The distinct counts of {@code columns} over {@code files}: their bounds, or {@code estimates} (by field id, NULL
   * not counted) plus one for NULL where those are lower.
   */
  static ColumnStatistics compute(List<NestedField> columns, List<DataFile> files, Map<Integer, Long> estimates) {
    Map<Integer, Double> bounds = new HashMap<>();
    for (NestedField column : columns) {
      if (column.type() instanceof PrimitiveType type) {
        Bound bound = distinctBound(column.id(), type, column.isOptional(), files);
        Long estimate = estimates.get(column.id());
        bounds.put(column.id(), estimate == null ? bound.values()
            : Math.min(bound.values(), estimate + (bound.mayHoldNull() ? 1 : 0)));
      }
    }
    return new ColumnStatistics(bounds);
  }

  /** At most how many distinct values a column holds, NULL included, and whether it may hold NULL. */
  private record Bound(double values, boolean mayHoldNull) {
  }

  private static Bound distinctBound(int fieldId, PrimitiveType type, boolean optional, List<DataFile> files) {
    double sumOfFiles = 0;
    boolean mayHoldNull = false;
    boolean allRanged = isIntegerLike(type);
    List<BigInteger[]> ranges = new ArrayList<>();
    for (DataFile file : files) {
      Metrics metrics = file.metrics();
      Long values = metrics.valueCounts().get(fieldId);
      Long nulls = metrics.nullValueCounts().get(fieldId);
      long nonNull = values == null ? file.recordCount() : values - (nulls == null ? 0 : nulls);
      mayHoldNull |= nulls == null ? optional && file.recordCount() > 0 : nulls > 0;
      if (nonNull <= 0) {
        continue;
      }
      ByteBuffer lower = metrics.lowerBounds().get(fieldId);
      ByteBuffer upper = metrics.upperBounds().get(fieldId);
      boolean bounded = lower != null && upper != null && type.typeId() != TypeId.UUID;
      double fileBound = nonNull;
      if (bounded && lower.equals(upper)) {
        fileBound = Math.min(fileBound, mayHoldNaN(type, metrics.nanValueCounts().get(fieldId)) ? 2 : 1);
      }
      if (bounded && allRanged) {
        BigInteger low = ordinal(type, lower);
        BigInteger high = ordinal(type, upper);
        ranges.add(new BigInteger[] {low, high});
        fileBound = Math.min(fileBound, high.subtract(low).add(BigInteger.ONE).doubleValue());
      } else {
        allRanged = false;
      }
      sumOfFiles += fileBound;
    }
    double bound = allRanged ? Math.min(sumOfFiles, unionWidth(ranges)) : sumOfFiles;
    return new Bound(bound + (mayHoldNull ? 1 : 0), mayHoldNull);
  }

  private static boolean mayHoldNaN(PrimitiveType type, Long nanCount) {
    boolean floating = type.typeId() == TypeId.FLOAT || type.typeId() == TypeId.DOUBLE;
    return floating && (nanCount == null || nanCount > 0);
  }

  private static boolean isIntegerLike(PrimitiveType type) {
    return switch (type.typeId()) {
      case BOOLEAN, INT, LONG, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, DECIMAL -> true;
      default -> false;
    };
  }

  /** The value of a bound of an integer-like column as an integer: decimals by their unscaled value. */
  private static BigInteger ordinal(PrimitiveType type, ByteBuffer bytes) {
    Object value = SingleValueSerialization.fromBytes(type, bytes);
    if (value instanceof Boolean b) {
      return b ? BigInteger.ONE : BigInteger.ZERO;
    }
    if (value instanceof BigDecimal d) {
      return d.unscaledValue();
    }
    return BigInteger.valueOf(((Number) value).longValue());
  }

  /** How many integers the union of the closed ranges covers. */
  private static double unionWidth(List<BigInteger[]> ranges) {
    ranges.sort(Comparator.comparing((BigInteger[] r) -> r[0]));
    BigInteger total = BigInteger.ZERO;
    BigInteger[] current = null;
    for (BigInteger[] range : ranges) {
      if (current != null && range[0].compareTo(current[1].add(BigInteger.ONE)) <= 0) {
        current[1] = current[1].max(range[1]);
        continue;
      }
      if (current != null) {
        total = total.add(current[1].subtract(current[0]).add(BigInteger.ONE));
      }
      current = new BigInteger[] {range[0], range[1]};
    }
    if (current != null) {
      total = total.add(current[1].subtract(current[0]).add(BigInteger.ONE));
    }
    return total.doubleValue();
  }
}
