package io.floe.s3;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

/**
 * Runs a put-if-absent ({@code PutObject} or {@code CompleteMultipartUpload} with {@code If-None-Match: *}) with
 * Floe's own retries, because the SDK's cannot tell a lost race from its own success: when an attempt fails in a
 * way that may have been applied (a 5xx, a dropped connection, a timeout) and a retry then gets 412, the object
 * may be this writer's own. It is, if its ETag is the one this write produces (the MD5 of the bytes, or of the
 * parts' MD5s for a multipart upload); then the write succeeded. Otherwise another writer won:
 * {@link FileAlreadyExistsException}. Throttling (503, 429) and 409 ConditionalRequestConflict were not applied
 * and are simply retried.
 */
final class ConditionalWrite {
  private static final Logger LOG = LoggerFactory.getLogger(ConditionalWrite.class);

  /** One attempt of the write (through the single-attempt client). */
  interface Attempt {
    void run() throws SdkException;
  }

  private ConditionalWrite() {
  }

  /**
   * @param expectedETag the ETag a successful attempt leaves (computed only if needed)
   * @throws FileAlreadyExistsException if the key was taken by another writer
   * @throws IOException if it failed, or (after the retries) its outcome is unknown: the message says which
   */
  static void run(S3Context ctx, S3Location location, String action, Attempt attempt, Supplier<String> expectedETag)
      throws IOException {
    boolean maybeApplied = false;
    SdkException last = null;
    for (int tries = 1; tries <= ctx.props.numRetries() + 1; tries++) {
      if (tries > 1) {
        ctx.backoff.sleep(tries - 1);
      }
      try {
        attempt.run();
        return;
      } catch (SdkException e) {
        last = e;
        if (maybeApplied && !S3Errors.isRetryable(e) && isOwnObject(ctx, location, expectedETag.get())) {
          LOG.info("{} of {} landed on an attempt whose answer was lost", action, location);
          return;
        }
        if (S3Errors.isPreconditionFailed(e)) {
          throw (FileAlreadyExistsException) S3Errors.translate(e, action, location, ctx.endpoint());
        }
        if (!S3Errors.isRetryable(e)) {
          throw S3Errors.translate(e, action, location, ctx.endpoint());
        }
        maybeApplied |= !S3Errors.isRefusedRetryable(e);
        LOG.debug("{} of {} failed (attempt {}), retrying: {}", action, location, tries, e.toString());
      }
    }
    if (maybeApplied && isOwnObject(ctx, location, expectedETag.get())) {
      return;
    }
    throw new IOException("cannot " + action + " " + location + " at " + ctx.endpoint() + " after "
        + (ctx.props.numRetries() + 1) + " attempts" + (maybeApplied ? " (an attempt may have been applied: outcome unknown)" : "")
        + ": " + S3Errors.message(last), last);
  }

  /** Whether the object at the location has the ETag this writer's bytes produce. */
  private static boolean isOwnObject(S3Context ctx, S3Location location, String expectedETag) {
    try {
      String etag = ctx.clients.retrying().headObject(HeadObjectRequest.builder().bucket(location.bucket())
          .key(location.key()).build()).eTag();
      return etag != null && normalize(etag).equals(normalize(expectedETag));
    } catch (SdkException e) {
      LOG.debug("cannot check whether {} is this writer's: {}", location, e.toString());
      return false;
    }
  }

  static String normalize(String etag) {
    return etag.replace("\"", "").toLowerCase(Locale.ROOT);
  }

  /** The ETag S3 gives a single-part object: the hex MD5 of its bytes. */
  static String singlePartETag(byte[] md5) {
    return HexFormat.of().formatHex(md5);
  }

  /**
   * The ETag S3 gives a multipart object: the MD5 of the parts' binary MD5s, then "-" and the part count; empty
   * (matching nothing) if a part's ETag is not an MD5 (encrypted objects).
   */
  static String multipartETag(java.util.List<String> partETags) {
    java.security.MessageDigest md5 = ByteChunks.md5Digest();
    for (String part : partETags) {
      String hex = normalize(part);
      if (!hex.matches("[0-9a-f]{32}")) {
        return "";
      }
      md5.update(HexFormat.of().parseHex(hex));
    }
    return HexFormat.of().formatHex(md5.digest()) + "-" + partETags.size();
  }
}
