package io.floe.s3;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration of an {@link S3FileIO}, read from the property names Apache Iceberg's S3FileIO uses, so a
 * catalog's properties work unchanged. Unset properties take the defaults below; an invalid value fails naming
 * the property.
 *
 * @param endpoint {@code s3.endpoint}: an S3-compatible endpoint (MinIO, a test server); null for AWS
 * @param pathStyleAccess {@code s3.path-style-access}: {@code http://host/bucket/key} instead of virtual hosts
 * @param accessKeyId {@code s3.access-key-id}; with the secret, static credentials; null for the AWS default chain
 * @param secretAccessKey {@code s3.secret-access-key}
 * @param sessionToken {@code s3.session-token}: makes the static credentials session credentials
 * @param region {@code client.region}; null for the AWS default region chain (us-east-1 with a custom endpoint)
 * @param multipartSize {@code s3.multipart.part-size-bytes} (alias {@code s3.multipart.size}): part size, at
 *     least 5 MiB; default 32 MiB
 * @param multipartThresholdFactor {@code s3.multipart.threshold}: objects above this factor times the part size
 *     are uploaded in parts; default 1.5
 * @param uploadThreads {@code s3.multipart.num-threads}: threads shared by part uploads and read-ahead
 * @param deleteBatchSize {@code s3.delete.batch-size}: keys per DeleteObjects request, at most 1000 (default)
 * @param numRetries {@code s3.retry.num-retries}: retries after a throttled, 5xx or failed request; default 5
 * @param retryMinWaitMs {@code s3.retry.min-wait-ms}: first backoff (exponential with full jitter); default 100
 * @param retryMaxWaitMs {@code s3.retry.max-wait-ms}: backoff cap; default 20000
 * @param maxConnections {@code http-client.apache.max-connections}; default 64
 * @param connectionTimeoutMs {@code http-client.apache.connection-timeout-ms}; default 10000
 * @param socketTimeoutMs {@code http-client.apache.socket-timeout-ms}: a response silent this long is retried;
 *     default 60000
 * @param verifyConditionalWrites {@code s3.conditional-writes.verify}: probe that the endpoint honours
 *     {@code If-None-Match: *} before a table is created on it; default true
 */
public record S3FileIOProperties(URI endpoint, boolean pathStyleAccess, String accessKeyId, String secretAccessKey,
    String sessionToken, String region, long multipartSize, double multipartThresholdFactor, int uploadThreads,
    int deleteBatchSize, int numRetries, long retryMinWaitMs, long retryMaxWaitMs, int maxConnections,
    long connectionTimeoutMs, long socketTimeoutMs, boolean verifyConditionalWrites) {

  public static final String ENDPOINT = "s3.endpoint";
  public static final String PATH_STYLE_ACCESS = "s3.path-style-access";
  public static final String ACCESS_KEY_ID = "s3.access-key-id";
  public static final String SECRET_ACCESS_KEY = "s3.secret-access-key";
  public static final String SESSION_TOKEN = "s3.session-token";
  public static final String CLIENT_REGION = "client.region";
  public static final String MULTIPART_SIZE = "s3.multipart.part-size-bytes";
  public static final String MULTIPART_SIZE_ALIAS = "s3.multipart.size";
  public static final String MULTIPART_THRESHOLD = "s3.multipart.threshold";
  public static final String MULTIPART_THREADS = "s3.multipart.num-threads";
  public static final String DELETE_BATCH_SIZE = "s3.delete.batch-size";
  public static final String RETRY_NUM_RETRIES = "s3.retry.num-retries";
  public static final String RETRY_MIN_WAIT_MS = "s3.retry.min-wait-ms";
  public static final String RETRY_MAX_WAIT_MS = "s3.retry.max-wait-ms";
  public static final String MAX_CONNECTIONS = "http-client.apache.max-connections";
  public static final String CONNECTION_TIMEOUT_MS = "http-client.apache.connection-timeout-ms";
  public static final String SOCKET_TIMEOUT_MS = "http-client.apache.socket-timeout-ms";
  public static final String VERIFY_CONDITIONAL_WRITES = "s3.conditional-writes.verify";

  /** S3's smallest part (all parts but the last must be at least this big). */
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
  static final int MAX_PARTS = 10_000;
  static final int MAX_DELETE_BATCH = 1000;

  /**
   * Iceberg S3FileIO properties Floe does not implement, with the value that means "off" (null: any value is
   * refused). Setting one fails rather than silently writing unencrypted, untagged or wrongly placed objects.
   */
  private static final Map<String, String> UNSUPPORTED = Map.ofEntries(
      Map.entry("s3.sse.type", "none"), Map.entry("s3.sse.key", ""), Map.entry("s3.sse.md5", ""),
      Map.entry("s3.acl", ""), Map.entry("s3.write.storage-class", ""), Map.entry("s3.acceleration-enabled", "false"),
      Map.entry("s3.dualstack-enabled", "false"), Map.entry("s3.remote-signing-enabled", "false"),
      Map.entry("s3.use-arn-region-enabled", "false"), Map.entry("s3.access-grants.enabled", "false"),
      Map.entry("s3.delete-enabled", "true"), Map.entry("s3.write.table-tag-enabled", "false"),
      Map.entry("s3.write.namespace-tag-enabled", "false"), Map.entry("s3.client-factory-impl", ""));
  private static final java.util.List<String> UNSUPPORTED_PREFIXES = java.util.List.of("s3.access-points.",
      "s3.write.tags.", "s3.delete.tags.");

  /**
   * Reads the configuration from properties. Unknown keys are ignored, as Iceberg does; Iceberg S3 features Floe
   * does not implement (encryption, ACLs, tags, access points, ...) fail with UnsupportedOperationException.
   */
  public static S3FileIOProperties from(Map<String, String> props) {
    for (Map.Entry<String, String> e : props.entrySet()) {
      String off = UNSUPPORTED.get(e.getKey());
      boolean refused = off != null ? !off.equalsIgnoreCase(e.getValue().trim())
          : UNSUPPORTED_PREFIXES.stream().anyMatch(e.getKey()::startsWith);
      if (refused) {
        throw new UnsupportedOperationException("not supported: S3FileIO property " + e.getKey() + "=" + e.getValue()
            + " (Floe's S3FileIO implements endpoint, credentials, region, multipart, retry, delete batch and"
            + " HTTP client properties)");
      }
    }
    String endpoint = props.get(ENDPOINT);
    URI endpointUri = null;
    if (endpoint != null && !endpoint.isBlank()) {
      try {
        endpointUri = URI.create(endpoint.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid " + ENDPOINT + ": " + endpoint, e);
      }
      if (endpointUri.getScheme() == null || endpointUri.getHost() == null) {
        throw new IllegalArgumentException("invalid " + ENDPOINT + " (expected http(s)://host[:port]): " + endpoint);
      }
    }
    String accessKey = blankToNull(props.get(ACCESS_KEY_ID));
    String secretKey = blankToNull(props.get(SECRET_ACCESS_KEY));
    if ((accessKey == null) != (secretKey == null)) {
      throw new IllegalArgumentException(ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + " must be set together");
    }
    String sizeText = props.containsKey(MULTIPART_SIZE) ? props.get(MULTIPART_SIZE) : props.get(MULTIPART_SIZE_ALIAS);
    long partSize = sizeText == null ? 32L * 1024 * 1024 : parseLong(MULTIPART_SIZE, sizeText);
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException(MULTIPART_SIZE + " must be at least 5 MiB (" + MIN_PART_SIZE + "), got " + partSize);
    }
    double threshold = parseDouble(MULTIPART_THRESHOLD, props.getOrDefault(MULTIPART_THRESHOLD, "1.5"));
    if (threshold < 1.0) {
      throw new IllegalArgumentException(MULTIPART_THRESHOLD + " must be at least 1.0, got " + threshold);
    }
    int threads = (int) parseLong(MULTIPART_THREADS, props.getOrDefault(MULTIPART_THREADS,
        Integer.toString(Math.max(8, 2 * Runtime.getRuntime().availableProcessors()))));
    int batch = (int) parseLong(DELETE_BATCH_SIZE, props.getOrDefault(DELETE_BATCH_SIZE, Integer.toString(MAX_DELETE_BATCH)));
    if (batch < 1 || batch > MAX_DELETE_BATCH) {
      throw new IllegalArgumentException(DELETE_BATCH_SIZE + " must be in [1, 1000], got " + batch);
    }
    long minWait = parseLong(RETRY_MIN_WAIT_MS, props.getOrDefault(RETRY_MIN_WAIT_MS, "100"));
    long maxWait = parseLong(RETRY_MAX_WAIT_MS, props.getOrDefault(RETRY_MAX_WAIT_MS, "20000"));
    if (minWait < 0 || maxWait < minWait) {
      throw new IllegalArgumentException(RETRY_MIN_WAIT_MS + " / " + RETRY_MAX_WAIT_MS + " must satisfy 0 <= min <= max, got "
          + minWait + " / " + maxWait);
    }
    return new S3FileIOProperties(endpointUri,
        parseBoolean(PATH_STYLE_ACCESS, props.getOrDefault(PATH_STYLE_ACCESS, "false")),
        accessKey, secretKey, blankToNull(props.get(SESSION_TOKEN)), blankToNull(props.get(CLIENT_REGION)),
        partSize, threshold, positive(MULTIPART_THREADS, threads), batch,
        (int) nonNegative(RETRY_NUM_RETRIES, parseLong(RETRY_NUM_RETRIES, props.getOrDefault(RETRY_NUM_RETRIES, "5"))),
        minWait, maxWait,
        positive(MAX_CONNECTIONS, (int) parseLong(MAX_CONNECTIONS, props.getOrDefault(MAX_CONNECTIONS, "64"))),
        nonNegative(CONNECTION_TIMEOUT_MS, parseLong(CONNECTION_TIMEOUT_MS, props.getOrDefault(CONNECTION_TIMEOUT_MS, "10000"))),
        nonNegative(SOCKET_TIMEOUT_MS, parseLong(SOCKET_TIMEOUT_MS, props.getOrDefault(SOCKET_TIMEOUT_MS, "60000"))),
        parseBoolean(VERIFY_CONDITIONAL_WRITES, props.getOrDefault(VERIFY_CONDITIONAL_WRITES, "true")));
  }

  /** The size above which an upload goes multipart. */
  long multipartThreshold() {
    return (long) (multipartSize * multipartThresholdFactor);
  }

  /** The endpoint for messages: the configured one, or AWS's. */
  String endpointDescription() {
    return endpoint == null ? "AWS S3" + (region == null ? "" : " (" + region + ")") : endpoint.toString();
  }

  /** Like the record's own, without the secret key and session token. */
  @Override
  public String toString() {
    return "S3FileIOProperties[endpoint=" + endpoint + ", pathStyleAccess=" + pathStyleAccess + ", accessKeyId="
        + accessKeyId + ", secretAccessKey=" + (secretAccessKey == null ? null : "****") + ", sessionToken="
        + (sessionToken == null ? null : "****") + ", region=" + region + ", multipartSize=" + multipartSize
        + ", multipartThresholdFactor=" + multipartThresholdFactor + ", uploadThreads=" + uploadThreads
        + ", deleteBatchSize=" + deleteBatchSize + ", numRetries=" + numRetries + ", retryMinWaitMs=" + retryMinWaitMs
        + ", retryMaxWaitMs=" + retryMaxWaitMs + ", maxConnections=" + maxConnections + ", connectionTimeoutMs="
        + connectionTimeoutMs + ", socketTimeoutMs=" + socketTimeoutMs + ", verifyConditionalWrites="
        + verifyConditionalWrites + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static long parseLong(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid " + name + " (expected an integer): " + value, e);
    }
  }

  private static double parseDouble(String name, String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid " + name + " (expected a number): " + value, e);
    }
  }

  private static boolean parseBoolean(String name, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException("invalid " + name + " (expected true or false): " + value);
    }
    return v.equals("true");
  }

  private static int positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }

  private static long nonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }
    return value;
  }
}
