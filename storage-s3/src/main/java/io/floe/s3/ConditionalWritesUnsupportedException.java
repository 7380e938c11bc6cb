package io.floe.s3;

/**
 * The S3 endpoint does not honour {@code If-None-Match: *}: put-if-absent commits there could silently overwrite
 * each other, so Floe refuses to create tables on it.
 */
public class ConditionalWritesUnsupportedException extends UnsupportedOperationException {
  private final String endpoint;
  private final String bucket;

  public ConditionalWritesUnsupportedException(String endpoint, String bucket, String detail) {
    super("not supported: the S3 endpoint " + endpoint + " ignores conditional writes (If-None-Match: *) in bucket "
        + bucket + " (" + detail + "). Commits without a catalog rely on them to be atomic; use a store that honours"
        + " them (AWS S3 does) or a catalog.");
    this.endpoint = endpoint;
    this.bucket = bucket;
  }

  public String endpoint() {
    return endpoint;
  }

  public String bucket() {
    return bucket;
  }
}
