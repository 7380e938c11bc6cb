package io.floe.s3;

import io.floe.io.FileIO;
import io.floe.io.FileInfo;
import io.floe.io.InputFile;
import io.floe.io.OutputFile;
import io.floe.io.SupportsAtomicCreateCheck;
import io.floe.io.SupportsBulkDelete;
import io.floe.io.SupportsListing;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link FileIO} on S3 and S3-compatible stores (AWS SDK v2), for {@code s3://bucket/key} locations
 * ({@code s3a://} and {@code s3n://} too).
 *
 * <ul>
 *   <li>{@link OutputFile#create()} is a put-if-absent: the object is published by a {@code PutObject} or
 *       {@code CompleteMultipartUpload} carrying {@code If-None-Match: *}; a taken key fails with
 *       {@link java.nio.file.FileAlreadyExistsException}. This makes Floe's commits (create
 *       {@code v<N+1>.metadata.json} if absent) atomic without a catalog, on stores that honour conditional writes;
 *       {@link #verifyConditionalWrites} refuses those that silently ignore the header.</li>
 *   <li>Writes are buffered and sent as one PUT up to {@code s3.multipart.threshold} times the part size, as a
 *       multipart upload with parts sent in parallel above; a failed or aborted write aborts its upload.</li>
 *   <li>Reads are ranged GETs (see {@link S3InputStream}): the footer in one request, nearby reads coalesced,
 *       sequential reads prefetched in parallel.</li>
 *   <li>Throttling (503 SlowDown), 5xx and connection errors are retried with exponential backoff and jitter.</li>
 * </ul>
 *
 * <p>Configured with Iceberg's property names ({@link S3FileIOProperties}); without keys it uses the AWS default
 * credential chain. Thread-safe; close it to release its connections and threads.
 */
public final class S3FileIO implements FileIO, SupportsListing, SupportsBulkDelete, SupportsAtomicCreateCheck {
  private volatile S3Context ctx;
  private final Set<String> verifiedBuckets = ConcurrentHashMap.newKeySet();

  /** An IO to configure with {@link #initialize(Map)} (as Iceberg's catalogs do). */
  public S3FileIO() {
  }

  public S3FileIO(Map<String, String> properties) {
    initialize(properties);
  }

  /** Configures the IO; fails naming a property with an invalid value. */
  public synchronized void initialize(Map<String, String> properties) {
    if (ctx != null) {
      throw new IllegalStateException("S3FileIO is already initialized");
    }
    ctx = new S3Context(S3FileIOProperties.from(properties));
  }

  public S3FileIOProperties properties() {
    return context().props;
  }

  @Override
  public InputFile newInputFile(String location) {
    return new S3InputFile(context(), location, S3Location.parse(location), -1);
  }

  /** An input file whose length is already known (from a listing or a manifest): no HEAD request. */
  public InputFile newInputFile(String location, long length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative length " + length + " for " + location);
    }
    return new S3InputFile(context(), location, S3Location.parse(location), length);
  }

  @Override
  public OutputFile newOutputFile(String location) {
    return new S3OutputFile(context(), location, S3Location.parse(location));
  }

  @Override
  public void deleteFile(String location) {
    S3Deletes.delete(context(), S3Location.parse(location));
  }

  /** Deletes the files with {@code DeleteObjects} ({@code s3.delete.batch-size} keys per request). */
  @Override
  public void deleteFiles(Collection<String> locations) {
    if (!locations.isEmpty()) {
      S3Deletes.deleteAll(context(), locations);
    }
  }

  /** Every object under the prefix taken as a directory ({@code s3://b/t} lists {@code t/...}, not {@code t2/...}). */
  @Override
  public List<FileInfo> listPrefix(String prefix) {
    S3Context c = context();
    S3Location dir = S3Location.parse(prefix);
    ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(dir.bucket()).prefix(dir.directoryPrefix()).build();
    List<FileInfo> files = new ArrayList<>();
    try {
      for (S3Object o : c.clients.retrying().listObjectsV2Paginator(request).contents()) {
        files.add(new FileInfo(dir.withKey(o.key()).toString(), o.size(), o.lastModified().toEpochMilli()));
      }
    } catch (SdkException e) {
      throw new UncheckedIOException(S3Errors.translate(e, "list", dir, c.endpoint()));
    }
    return files;
  }

  /**
   * Verifies that the endpoint honours {@code If-None-Match: *} for the bucket of {@code location}: writes a probe
   * object there twice with it (the second must fail with 412) and deletes it. Fails with
   * {@link ConditionalWritesUnsupportedException} if the second write succeeded.
   */
  public void verifyConditionalWrites(String location) {
    ConditionalWriteProbe.verify(context(), S3Location.parse(location));
  }

  /**
   * Called when a table is created: runs {@link #verifyConditionalWrites} once per bucket, unless
   * {@code s3.conditional-writes.verify} is false.
   */
  @Override
  public void verifyAtomicCreate(String location) {
    S3Location l = S3Location.parse(location);
    if (context().props.verifyConditionalWrites() && !verifiedBuckets.contains(l.bucket())) {
      verifyConditionalWrites(location);
      verifiedBuckets.add(l.bucket());
    }
  }

  private S3Context context() {
    S3Context c = ctx;
    if (c == null) {
      throw new IllegalStateException("S3FileIO is not initialized: call initialize(properties)");
    }
    return c;
  }

  @Override
  public synchronized void close() {
    if (ctx != null) {
      ctx.close();
    }
  }

  @Override
  public String toString() {
    return "S3FileIO[" + (ctx == null ? "uninitialized" : ctx.endpoint()) + "]";
  }
}
