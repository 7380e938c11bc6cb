package io.floe.expressions;

import io.floe.data.Metrics;
import io.floe.types.Comparators;
import io.floe.types.SingleValueSerialization;
import io.floe.types.Type;
import io.floe.types.TypeId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * Tests a predicate against the lower and upper bounds of a set of values (a file's column, a manifest's
 * partition field): false only when no value between the bounds can satisfy it. A null bound is unknown. The
 * bounds may be looser than the true minimum and maximum (e.g. truncated strings) without making any test wrong.
 */
final class Bounds {
  /** Above this many IN literals the bounds are not checked. */
  static final int IN_PREDICATE_LIMIT = 200;

  private final Type type;
  private final ByteBuffer lowerBytes;
  private final ByteBuffer upperBytes;
  private final Object lower;
  private final Object upper;

  /**
   * Bounds in the single-value encoding; a NaN lower bound (left by some writers) is treated as unknown, and so
   * are both bounds of a uuid (see {@link #trustsBounds}).
   */
  Bounds(Type type, ByteBuffer lowerBytes, ByteBuffer upperBytes) {
    boolean trusted = trustsBounds(type);
    this.type = type;
    this.lowerBytes = trusted ? lowerBytes : null;
    this.upperBytes = trusted ? upperBytes : null;
    Object lo = this.lowerBytes == null ? null : SingleValueSerialization.fromBytes(type, this.lowerBytes);
    this.lower = RowEvaluator.isNaN(lo) ? null : lo;
    this.upper = this.upperBytes == null ? null : SingleValueSerialization.fromBytes(type, this.upperBytes);
  }

  /** The bounds that {@code metrics} holds for the column of {@code p}. */
  static Bounds of(Metrics metrics, BoundPredicate p) {
    return new Bounds(p.field().type(), metrics.lowerBounds().get(p.fieldId()),
        metrics.upperBounds().get(p.fieldId()));
  }

  /** The lower bound, decoded (null: unknown). */
  Object lower() {
    return lower;
  }

  /** The upper bound, decoded (null: unknown). */
  Object upper() {
    return upper;
  }

  /**
   * Whether lower and upper bounds of values of this type can be used to prune. Not for uuids: Floe writes uuid
   * bounds in the spec's order (unsigned big-endian bytes, {@link io.floe.types.Comparators#compareUuids}), but
   * Apache Iceberg 1.12 writes them in {@link java.util.UUID#compareTo}'s signed order and newer Iceberg in the
   * spec's, and nothing in a file or manifest says which order its uuid bounds follow. Both orders agree on which
   * bounds are present, so presence may still be used (e.g. a partition summary without a lower bound holds only
   * nulls), and so may null and NaN counts.
   */
  static boolean trustsBounds(Type type) {
    return type.typeId() != TypeId.UUID;
  }

  /** For comparisons, IN, starts-with and their negations; not for null or NaN checks. */
  boolean mightMatch(BoundPredicate p) {
    return switch (p.op()) {
      case LT -> lower == null || compare(lower, p.literal()) < 0;
      case LT_EQ -> lower == null || compare(lower, p.literal()) <= 0;
      case GT -> upper == null || compare(upper, p.literal()) > 0;
      case GT_EQ -> upper == null || compare(upper, p.literal()) >= 0;
      case EQ -> inRange(p.literal());
      case IN -> p.literals().size() > IN_PREDICATE_LIMIT || p.literals().stream().anyMatch(this::inRange);
      case STARTS_WITH -> startsWithMightMatch(utf8(p.literal()));
      case NOT_STARTS_WITH -> !allStartWith(utf8(p.literal()));
      // bounds need not be actual values, so they cannot show that every value equals a literal
      case NOT_EQ, NOT_IN -> true;
      case IS_NULL, NOT_NULL, IS_NAN, NOT_NAN -> throw new IllegalArgumentException("bounds say nothing about " + p);
    };
  }

  /**
   * For comparisons, IN, starts-with and their negations: whether every value between the bounds satisfies
   * {@code p} (false when a bound it needs is unknown). Bounds need not be actual values, but every value lies
   * between them, which is all these tests use.
   */
  boolean mustMatch(BoundPredicate p) {
    return switch (p.op()) {
      case LT -> upper != null && compare(upper, p.literal()) < 0;
      case LT_EQ -> upper != null && compare(upper, p.literal()) <= 0;
      case GT -> lower != null && compare(lower, p.literal()) > 0;
      case GT_EQ -> lower != null && compare(lower, p.literal()) >= 0;
      case EQ -> onlyValue(p.literal());
      case IN -> p.literals().stream().anyMatch(this::onlyValue);
      case NOT_EQ -> outOfRange(p.literal());
      case NOT_IN -> p.literals().stream().allMatch(this::outOfRange);
      case STARTS_WITH -> allStartWith(utf8(p.literal()));
      case NOT_STARTS_WITH -> !startsWithMightMatch(utf8(p.literal()));
      case IS_NULL, NOT_NULL, IS_NAN, NOT_NAN -> throw new IllegalArgumentException("bounds say nothing about " + p);
    };
  }

  /** Both bounds equal {@code literal}: every value does. */
  private boolean onlyValue(Object literal) {
    return lower != null && upper != null && compare(lower, literal) == 0 && compare(upper, literal) == 0;
  }

  private boolean outOfRange(Object literal) {
    return lower != null && compare(lower, literal) > 0 || upper != null && compare(upper, literal) < 0;
  }

  private boolean inRange(Object literal) {
    return (lower == null || compare(lower, literal) <= 0) && (upper == null || compare(upper, literal) >= 0);
  }

  private boolean startsWithMightMatch(byte[] prefix) {
    // a bound cut to the prefix's length compares to the prefix as every value starting with it would
    return (lowerBytes == null || compareCut(lowerBytes, prefix) <= 0) && (upperBytes == null || compareCut(upperBytes, prefix) >= 0);
  }

  /** Every value lies between the bounds; when both start with the prefix, so does every value. */
  private boolean allStartWith(byte[] prefix) {
    return lowerBytes != null && upperBytes != null && startsWith(lowerBytes, prefix) && startsWith(upperBytes, prefix);
  }

  private int compare(Object a, Object b) {
    Comparator<Object> cmp = Comparators.forType(type);
    return cmp.compare(a, b);
  }

  private static byte[] utf8(Object s) {
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Compares the first {@code min(prefix length, bound length)} bytes of the bound with the prefix, unsigned. */
  private static int compareCut(ByteBuffer bound, byte[] prefix) {
    ByteBuffer cut = bound.duplicate();
    cut.limit(cut.position() + Math.min(prefix.length, cut.remaining()));
    return Comparators.compareUnsigned(cut, ByteBuffer.wrap(prefix));
  }

  private static boolean startsWith(ByteBuffer bound, byte[] prefix) {
    return bound.remaining() >= prefix.length && compareCut(bound, prefix) == 0;
  }
}
