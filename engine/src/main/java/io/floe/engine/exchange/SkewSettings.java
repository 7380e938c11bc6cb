package io.floe.engine.exchange;

/**
 * When a partitioned join salts heavy-hitter keys: the first {@code sampleRows} rows of the salted side are
 * sampled at run time; a key holding at least {@code minKeyShare} of them is heavy and its rows are spread over
 * up to {@code 2 * share * tasks} salted sub-partitions.
 */
public record SkewSettings(boolean enabled, int sampleRows, double minKeyShare) {
  public static final SkewSettings DEFAULT = new SkewSettings(true, 10_000, 0.1);
  public static final SkewSettings DISABLED = new SkewSettings(false, 0, 1);

  public SkewSettings {
    if (enabled && (sampleRows < 1 || minKeyShare <= 0 || minKeyShare > 1)) {
      throw new IllegalArgumentException("skew sampling needs sampleRows >= 1 and 0 < minKeyShare <= 1: "
          + sampleRows + ", " + minKeyShare);
    }
  }
}
