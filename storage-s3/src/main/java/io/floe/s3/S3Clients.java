package io.floe.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The two S3 clients of an {@link S3FileIO}, sharing one connection pool: {@code retrying} lets the SDK retry
 * throttling, 5xx and connection errors with exponential backoff and jitter (every idempotent call);
 * {@code singleAttempt} makes one attempt, for put-if-absent writes whose retries Floe runs itself because a
 * retried conditional write that answers 412 may have been its own first attempt.
 */
record S3Clients(S3Client retrying, S3Client singleAttempt, SdkHttpClient http) implements AutoCloseable {

  static S3Clients create(S3FileIOProperties p) {
    SdkHttpClient http = Apache5HttpClient.builder()
        .maxConnections(p.maxConnections())
        .connectionTimeout(Duration.ofMillis(p.connectionTimeoutMs()))
        .socketTimeout(Duration.ofMillis(p.socketTimeoutMs()))
        .build();
    try {
      AwsCredentialsProvider credentials = credentials(p);
      Region region = region(p);
      S3Client retrying = builder(p, http, credentials, region, retryStrategy(p, p.numRetries() + 1)).build();
      S3Client single = builder(p, http, credentials, region, retryStrategy(p, 1)).build();
      return new S3Clients(retrying, single, http);
    } catch (RuntimeException e) {
      http.close();
      throw e;
    }
  }

  private static S3ClientBuilder builder(S3FileIOProperties p, SdkHttpClient http, AwsCredentialsProvider credentials,
      Region region, RetryStrategy retry) {
    S3ClientBuilder b = S3Client.builder()
        .httpClient(http)
        .credentialsProvider(credentials)
        .region(region)
        .forcePathStyle(p.pathStyleAccess())
        .overrideConfiguration(o -> o.retryStrategy(retry));
    if (p.endpoint() != null) {
      b.endpointOverride(p.endpoint());
    }
    return b;
  }

  private static RetryStrategy retryStrategy(S3FileIOProperties p, int maxAttempts) {
    BackoffStrategy backoff = BackoffStrategy.exponentialDelay(Duration.ofMillis(Math.max(1, p.retryMinWaitMs())),
        Duration.ofMillis(Math.max(1, p.retryMaxWaitMs())));
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(maxAttempts)
        .backoffStrategy(backoff)
        .throttlingBackoffStrategy(backoff)
        .circuitBreakerEnabled(false)
        .build();
  }

  private static AwsCredentialsProvider credentials(S3FileIOProperties p) {
    if (p.accessKeyId() == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(p.sessionToken() == null
        ? AwsBasicCredentials.create(p.accessKeyId(), p.secretAccessKey())
        : AwsSessionCredentials.create(p.accessKeyId(), p.secretAccessKey(), p.sessionToken()));
  }

  private static Region region(S3FileIOProperties p) {
    if (p.region() != null) {
      return Region.of(p.region());
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      if (p.endpoint() != null) {
        return Region.US_EAST_1;
      }
      throw new IllegalArgumentException("no AWS region for S3: set " + S3FileIOProperties.CLIENT_REGION
          + " or AWS_REGION (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public void close() {
    try {
      retrying.close();
      singleAttempt.close();
    } finally {
      http.close();
    }
  }
}
