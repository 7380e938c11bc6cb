package io.floe.engine.planner;

import io.floe.engine.exchange.SkewSettings;

/**
 * How the physical planner distributes work: {@code workers} local tasks per parallel fragment (1: serial), joins
 * whose build side is estimated at most {@code broadcastRowLimit} rows broadcast it, skew salting of partitioned
 * joins, and whether joins filter their probe side's rows by their build keys before the exchange
 * ({@code joinKeyFilters}, see {@link io.floe.engine.exec.JoinKeyFilter}).
 */
public record DistributionSettings(int workers, long broadcastRowLimit, SkewSettings skew, boolean joinKeyFilters) {
  /** Broadcast joins up to this many estimated build rows by default. */
  public static final long DEFAULT_BROADCAST_ROW_LIMIT = 100_000;

  public DistributionSettings {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1: " + workers);
    }
  }

  public static DistributionSettings of(int workers) {
    return new DistributionSettings(workers, DEFAULT_BROADCAST_ROW_LIMIT, SkewSettings.DEFAULT, true);
  }
}
