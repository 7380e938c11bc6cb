package io.floe.partition;

import io.floe.types.Type;

/** The arithmetic behind {@link Transform}: bucket hashing, truncation and date/time units. */
final class Transforms {
  private Transforms() {
  }

  static boolean identityCanTransform(Type t) {
    return t.isPrimitive();
  }

  static boolean bucketCanTransform(Type t) {
    throw new UnsupportedOperationException("not yet");
  }

  static boolean truncateCanTransform(Type t) {
    throw new UnsupportedOperationException("not yet");
  }

  static boolean isDateOrTimestamp(Type t) {
    throw new UnsupportedOperationException("not yet");
  }

  static boolean isTimestamp(Type t) {
    throw new UnsupportedOperationException("not yet");
  }

  static int bucket(Type t, Object v, int n) {
    throw new UnsupportedOperationException("not yet");
  }

  static Object truncate(Type t, Object v, int width) {
    throw new UnsupportedOperationException("not yet");
  }

  static int years(Type t, Object v) {
    throw new UnsupportedOperationException("not yet");
  }

  static int months(Type t, Object v) {
    throw new UnsupportedOperationException("not yet");
  }

  static int days(Type t, Object v) {
    throw new UnsupportedOperationException("not yet");
  }

  static int hours(Type t, Object v) {
    throw new UnsupportedOperationException("not yet");
  }

  static String humanIdentity(Type t, Object v) {
    throw new UnsupportedOperationException("not yet");
  }

  static String humanYear(Object v) {
    throw new UnsupportedOperationException("not yet");
  }

  static String humanMonth(Object v) {
    throw new UnsupportedOperationException("not yet");
  }

  static String humanDay(Object v) {
    throw new UnsupportedOperationException("not yet");
  }

  static String humanHour(Object v) {
    throw new UnsupportedOperationException("not yet");
  }
}
