package io.floe.partition;

import io.floe.types.Type;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partition transform of the Iceberg spec. {@link #toString()} is the spec's name ({@code bucket[16]},
 * {@code truncate[4]}, {@code day} ...) and {@link #parse(String)} reads it back.
 */
public sealed interface Transform permits Transform.Identity, Transform.Bucket, Transform.Truncate, Transform.Year,
    Transform.Month, Transform.Day, Transform.Hour, Transform.Void {

  /** Whether this transform accepts a source column of this type. */
  boolean canTransform(Type sourceType);

  /** The type of the partition values it produces from a source of this type. */
  Type resultType(Type sourceType);

  /** Applies the transform to an internal value of the source type; null gives null. */
  Object apply(Type sourceType, Object value);

  /** The value as it appears in partition paths, e.g. {@code 2024-05-01} for a day. */
  String toHumanString(Type sourceType, Object partitionValue);

  /** True when a &lt;= b implies apply(a) &lt;= apply(b) (used to project range predicates). */
  boolean preservesOrder();

  Pattern BUCKET = Pattern.compile("bucket\\[(\\d+)]");
  Pattern TRUNCATE = Pattern.compile("truncate\\[(\\d+)]");

  static Transform parse(String name) {
    String n = name.trim().toLowerCase(java.util.Locale.ROOT);
    Matcher m = BUCKET.matcher(n);
    if (m.matches()) {
      return new Bucket(Integer.parseInt(m.group(1)));
    }
    m = TRUNCATE.matcher(n);
    if (m.matches()) {
      return new Truncate(Integer.parseInt(m.group(1)));
    }
    return switch (n) {
      case "identity" -> new Identity();
      case "year" -> new Year();
      case "month" -> new Month();
      case "day" -> new Day();
      case "hour" -> new Hour();
      case "void" -> new Void();
      default -> throw new IllegalArgumentException("unknown partition transform: " + name);
    };
  }

  /** The source value itself. */
  record Identity() implements Transform {
    @Override public boolean canTransform(Type t) { return Transforms.identityCanTransform(t); }
    @Override public Type resultType(Type t) { return t; }
    @Override public Object apply(Type t, Object v) { return v; }
    @Override public String toHumanString(Type t, Object v) { return Transforms.humanIdentity(t, v); }
    @Override public boolean preservesOrder() { return true; }
    @Override public String toString() { return "identity"; }
  }

  /** Murmur3 hash of the value, modulo {@code numBuckets}. */
  record Bucket(int numBuckets) implements Transform {
    public Bucket {
      if (numBuckets <= 0) {
        throw new IllegalArgumentException("bucket count must be positive: " + numBuckets);
      }
    }
    @Override public boolean canTransform(Type t) { return Transforms.bucketCanTransform(t); }
    @Override public Type resultType(Type t) { return io.floe.types.Types.INT; }
    @Override public Object apply(Type t, Object v) { return v == null ? null : Transforms.bucket(t, v, numBuckets); }
    @Override public String toHumanString(Type t, Object v) { return v == null ? "null" : v.toString(); }
    @Override public boolean preservesOrder() { return false; }
    @Override public String toString() { return "bucket[" + numBuckets + "]"; }
  }

  /** Truncation to {@code width}: integers to a multiple of width, strings to width code points. */
  record Truncate(int width) implements Transform {
    public Truncate {
      if (width <= 0) {
        throw new IllegalArgumentException("truncate width must be positive: " + width);
      }
    }
    @Override public boolean canTransform(Type t) { return Transforms.truncateCanTransform(t); }
    @Override public Type resultType(Type t) { return t; }
    @Override public Object apply(Type t, Object v) { return v == null ? null : Transforms.truncate(t, v, width); }
    @Override public String toHumanString(Type t, Object v) { return Transforms.humanIdentity(t, v); }
    @Override public boolean preservesOrder() { return true; }
    @Override public String toString() { return "truncate[" + width + "]"; }
  }

  /** Years from 1970. */
  record Year() implements Transform {
    @Override public boolean canTransform(Type t) { return Transforms.isDateOrTimestamp(t); }
    @Override public Type resultType(Type t) { return io.floe.types.Types.INT; }
    @Override public Object apply(Type t, Object v) { return v == null ? null : Transforms.years(t, v); }
    @Override public String toHumanString(Type t, Object v) { return Transforms.humanYear(v); }
    @Override public boolean preservesOrder() { return true; }
    @Override public String toString() { return "year"; }
  }

  /** Months from 1970-01. */
  record Month() implements Transform {
    @Override public boolean canTransform(Type t) { return Transforms.isDateOrTimestamp(t); }
    @Override public Type resultType(Type t) { return io.floe.types.Types.INT; }
    @Override public Object apply(Type t, Object v) { return v == null ? null : Transforms.months(t, v); }
    @Override public String toHumanString(Type t, Object v) { return Transforms.humanMonth(v); }
    @Override public boolean preservesOrder() { return true; }
    @Override public String toString() { return "month"; }
  }

  /** Days from 1970-01-01, as a date. */
  record Day() implements Transform {
    @Override public boolean canTransform(Type t) { return Transforms.isDateOrTimestamp(t); }
    @Override public Type resultType(Type t) { return io.floe.types.Types.DATE; }
    @Override public Object apply(Type t, Object v) { return v == null ? null : Transforms.days(t, v); }
    @Override public String toHumanString(Type t, Object v) { return Transforms.humanDay(v); }
    @Override public boolean preservesOrder() { return true; }
    @Override public String toString() { return "day"; }
  }

  /** Hours from 1970-01-01 00:00. */
  record Hour() implements Transform {
    @Override public boolean canTransform(Type t) { return Transforms.isTimestamp(t); }
    @Override public Type resultType(Type t) { return io.floe.types.Types.INT; }
    @Override public Object apply(Type t, Object v) { return v == null ? null : Transforms.hours(t, v); }
    @Override public String toHumanString(Type t, Object v) { return Transforms.humanHour(v); }
    @Override public boolean preservesOrder() { return true; }
    @Override public String toString() { return "hour"; }
  }

  /** Always null. */
  record Void() implements Transform {
    @Override public boolean canTransform(Type t) { return true; }
    @Override public Type resultType(Type t) { return t; }
    @Override public Object apply(Type t, Object v) { return null; }
    @Override public String toHumanString(Type t, Object v) { return "null"; }
    @Override public boolean preservesOrder() { return false; }
    @Override public String toString() { return "void"; }
  }
}
