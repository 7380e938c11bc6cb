package io.floe.expressions;

import io.floe.data.Metrics;
import io.floe.types.Comparators;
import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.SingleValueSerialization;
import io.floe.types.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * Decides from column statistics whether a data file (or a Parquet row group) might hold rows matching a bound
 * filter: {@link #mightMatch} is false only when no row can match. Follows Iceberg's inclusive metrics evaluation:
 * value, null and NaN counts and lower/upper bounds (single-value encoded) are used when present and a missing
 * statistic means "might match". String bounds may be truncated prefixes (a lower bound below, an upper bound
 * above every value), which keeps every test here correct. NaN is never part of bounds; a NaN lower bound (left
 * by some writers) is ignored. Columns inside lists or maps are never pruned.
 */
public final class MetricsEvaluator {
  private static final int IN_PREDICATE_LIMIT = 200;

  private final Schema schema;
  private final Expression expr;

  public MetricsEvaluator(Schema schema, Expression bound) {
    this.schema = schema;
    this.expr = RewriteNot.rewrite(bound);
  }

  /** False when the file or row group with these metrics cannot contain a matching row. */
  public boolean mightMatch(Metrics metrics) {
    if (metrics.recordCount() == 0) {
      return false;
    }
    if (metrics.recordCount() < 0) {
      return true;
    }
    return BoundExpressions.eval(expr, p -> new Stats(metrics, p).mightMatch());
  }

  /** The statistics of one predicate's column in one file. */
  private final class Stats {
    private final BoundPredicate p;
    private final int id;
    private final Type type;
    private final Long valueCount;
    private final Long nullCount;
    private final Long nanCount;
    private final ByteBuffer lower;
    private final ByteBuffer upper;

    Stats(Metrics m, BoundPredicate p) {
      this.p = p;
      this.id = p.fieldId();
      this.type = p.field().type();
      boolean usable = hasStats(id);
      this.valueCount = usable ? m.valueCounts().get(id) : null;
      this.nullCount = usable ? m.nullValueCounts().get(id) : null;
      this.nanCount = usable ? m.nanValueCounts().get(id) : null;
      this.lower = usable ? m.lowerBounds().get(id) : null;
      this.upper = usable ? m.upperBounds().get(id) : null;
    }

    boolean mightMatch() {
      return switch (p.op()) {
        case IS_NULL -> nullCount == null || nullCount != 0;
        case NOT_NULL -> !nullsOnly();
        case IS_NAN -> !nullsOnly() && (nanCount == null || nanCount != 0);
        case NOT_NAN -> !nansOnly();
        case LT -> !nullsOnly() && !nansOnly() && (lowerValue() == null || compare(lowerValue(), p.literal()) < 0);
        case LT_EQ -> !nullsOnly() && !nansOnly() && (lowerValue() == null || compare(lowerValue(), p.literal()) <= 0);
        case GT -> !nullsOnly() && !nansOnly() && (upper == null || compare(upperValue(), p.literal()) > 0);
        case GT_EQ -> !nullsOnly() && !nansOnly() && (upper == null || compare(upperValue(), p.literal()) >= 0);
        case EQ -> !nullsOnly() && !nansOnly() && inRange(p.literal());
        case IN -> !nullsOnly() && !nansOnly() && (p.literals().size() > IN_PREDICATE_LIMIT || p.literals().stream().anyMatch(this::inRange));
        case STARTS_WITH -> !nullsOnly() && startsWithMightMatch();
        case NOT_STARTS_WITH -> notStartsWithMightMatch();
        // bounds need not be actual values, so they cannot show that every value equals the literal
        case NOT_EQ, NOT_IN -> true;
      };
    }

    private boolean inRange(Object literal) {
      Object lo = lowerValue();
      if (lo != null && compare(lo, literal) > 0) {
        return false;
      }
      return upper == null || compare(upperValue(), literal) >= 0;
    }

    private boolean startsWithMightMatch() {
      byte[] prefix = utf8(p.literal());
      // a bound cut to the prefix's length compares to the prefix as every value starting with it would
      if (lower != null && compareCut(lower, prefix) > 0) {
        return false;
      }
      return upper == null || compareCut(upper, prefix) >= 0;
    }

    private boolean notStartsWithMightMatch() {
      if (nullCount == null || nullCount != 0) {
        return true;
      }
      byte[] prefix = utf8(p.literal());
      // every value lies between the bounds; when both start with the prefix, so does every value
      return lower == null || upper == null || !startsWith(lower, prefix) || !startsWith(upper, prefix);
    }

    private boolean nullsOnly() {
      return valueCount != null && nullCount != null && valueCount - nullCount == 0;
    }

    private boolean nansOnly() {
      return nanCount != null && valueCount != null && nanCount.equals(valueCount);
    }

    private Object lowerValue() {
      if (lower == null) {
        return null;
      }
      Object v = SingleValueSerialization.fromBytes(type, lower);
      return RowEvaluator.isNaN(v) ? null : v;
    }

    private Object upperValue() {
      return SingleValueSerialization.fromBytes(type, upper);
    }

    private int compare(Object a, Object b) {
      Comparator<Object> cmp = Comparators.forType(type);
      return cmp.compare(a, b);
    }
  }

  private boolean hasStats(int fieldId) {
    NestedField field = schema.findField(fieldId);
    if (field == null || !field.type().isPrimitive()) {
      return false;
    }
    for (int parent = schema.parentId(fieldId); parent >= 0; parent = schema.parentId(parent)) {
      Type t = schema.findField(parent).type();
      if (t instanceof ListType || t instanceof MapType) {
        return false;
      }
    }
    return true;
  }

  private static byte[] utf8(Object s) {
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Compares the first {@code min(prefix length, bound length)} bytes of the bound with the prefix, unsigned. */
  static int compareCut(ByteBuffer bound, byte[] prefix) {
    ByteBuffer cut = bound.duplicate();
    cut.limit(cut.position() + Math.min(prefix.length, cut.remaining()));
    return Comparators.compareUnsigned(cut, ByteBuffer.wrap(prefix));
  }

  static boolean startsWith(ByteBuffer bound, byte[] prefix) {
    return bound.remaining() >= prefix.length && compareCut(bound, prefix) == 0;
  }
}
