package io.floe.commit;

import io.floe.metadata.TableMetadata;
import java.util.concurrent.ThreadLocalRandom;

/** How often and how long to retry a commit that lost a race: exponential backoff with full jitter. */
public record RetryPolicy(int numRetries, long minWaitMs, long maxWaitMs, long totalTimeoutMs) {
  public static final String NUM_RETRIES = "commit.retry.num-retries";
  public static final String MIN_WAIT_MS = "commit.retry.min-wait-ms";
  public static final String MAX_WAIT_MS = "commit.retry.max-wait-ms";
  public static final String TOTAL_TIMEOUT_MS = "commit.retry.total-timeout-ms";

  public static RetryPolicy from(TableMetadata metadata) {
    return new RetryPolicy(
        (int) metadata.propertyAsLong(NUM_RETRIES, 10),
        metadata.propertyAsLong(MIN_WAIT_MS, 20),
        metadata.propertyAsLong(MAX_WAIT_MS, 5_000),
        metadata.propertyAsLong(TOTAL_TIMEOUT_MS, 1_800_000));
  }

  /** Sleeps before retry number {@code attempt} (1-based). */
  public void backoff(int attempt) {
    long cap = Math.min(maxWaitMs, minWaitMs * (1L << Math.min(20, attempt)));
    long wait = minWaitMs + ThreadLocalRandom.current().nextLong(Math.max(1, cap - minWaitMs + 1));
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommitFailedException("interrupted while waiting to retry a commit", e);
    }
  }
}
