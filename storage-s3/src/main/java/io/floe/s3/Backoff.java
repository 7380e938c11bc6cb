package io.floe.s3;

import java.io.InterruptedIOException;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter between {@code minWaitMs} and {@code maxWaitMs}, for Floe's own retries. */
record Backoff(int maxRetries, long minWaitMs, long maxWaitMs) {

  static Backoff from(S3FileIOProperties p) {
    return new Backoff(p.numRetries(), p.retryMinWaitMs(), p.retryMaxWaitMs());
  }

  /** Sleeps before retry number {@code retry} (1 for the first retry). */
  void sleep(int retry) throws InterruptedIOException {
    long cap = Math.min(maxWaitMs, minWaitMs * (1L << Math.min(20, retry - 1)));
    long wait = cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while backing off before an S3 retry");
    }
  }
}
