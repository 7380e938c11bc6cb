package io.floe.s3;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Ranged GETs of one object. A response whose body breaks off (a dropped connection, a timeout) is resumed
 * from the first missing byte, with backoff, up to the configured number of retries; the SDK retries the
 * requests themselves.
 */
final class RangeReader {
  private static final Logger LOG = LoggerFactory.getLogger(RangeReader.class);

  private final S3Context ctx;
  private final S3Location location;

  RangeReader(S3Context ctx, S3Location location) {
    this.ctx = ctx;
    this.location = location;
  }

  /** The bytes [start, start + len) of the object; fails if the object is shorter. */
  byte[] read(long start, int len) throws IOException {
    byte[] data = new byte[len];
    read(start, data, 0, len, null);
    return data;
  }

  /**
   * Reads [start, start + len) into {@code dest}. When {@code totalLength} is given (one element), the object's
   * length from the response is stored there (for a first read of an object of unknown length, which may then
   * get fewer bytes than asked: the return value).
   */
  int read(long start, byte[] dest, int off, int len, long[] totalLength) throws IOException {
    int done = 0;
    int failures = 0;
    while (done < len) {
      long from = start + done;
      String range = "bytes=" + from + "-" + (start + len - 1);
      GetObjectRequest request = GetObjectRequest.builder().bucket(location.bucket()).key(location.key()).range(range).build();
      ResponseInputStream<GetObjectResponse> body;
      try {
        body = ctx.clients.retrying().getObject(request);
      } catch (SdkException e) {
        if (totalLength != null && S3Errors.status(e) == 416 && from == 0) {
          totalLength[0] = 0; // an empty object has no byte 0
          return 0;
        }
        throw S3Errors.translate(e, "read " + range + " of", location, ctx.endpoint());
      }
      try (InputStream in = body) {
        GetObjectResponse response = body.response();
        if (totalLength != null) {
          totalLength[0] = totalFromContentRange(response.contentRange());
          len = (int) Math.max(done, Math.min(len, totalLength[0] - start));
        }
        String contentRange = response.contentRange();
        if (contentRange == null || !contentRange.startsWith("bytes " + from + "-")) {
          throw new EOFException(location + " at " + ctx.endpoint() + " did not honour " + range + " (Content-Range: "
              + contentRange + ")");
        }
        long sent = response.contentLength() == null ? len - done : response.contentLength();
        if (sent < len - done) {
          throw new EOFException(location + " at " + ctx.endpoint() + " is shorter than expected: " + range + " returned "
              + sent + " bytes (" + response.contentRange() + ")");
        }
        int n = readFully(in, dest, off + done, len - done);
        done += n;
        if (done < len) {
          throw new IOException("response ended after " + n + " of " + sent + " bytes");
        }
      } catch (EOFException e) {
        throw e;
      } catch (IOException | SdkException e) {
        failures++;
        if (failures > ctx.props.numRetries() || !S3Errors.isRetryable(e)) {
          throw new IOException("cannot read " + range + " of " + location + " at " + ctx.endpoint() + " after "
              + failures + " broken response(s): " + e, e);
        }
        LOG.debug("response for {} {} broke off after {} bytes, resuming: {}", location, range, done, e.toString());
        ctx.backoff.sleep(failures);
      }
    }
    return len;
  }

  private static int readFully(InputStream in, byte[] b, int off, int len) throws IOException {
    int done = 0;
    while (done < len) {
      int n = in.read(b, off + done, len - done);
      if (n < 0) {
        break;
      }
      done += n;
    }
    return done;
  }

  private long totalFromContentRange(String contentRange) throws IOException {
    int slash = contentRange == null ? -1 : contentRange.lastIndexOf('/');
    if (slash < 0 || contentRange.endsWith("*")) {
      throw new IOException(location + " at " + ctx.endpoint() + " answered a ranged GET without a Content-Range length: "
          + contentRange);
    }
    return Long.parseLong(contentRange.substring(slash + 1).trim());
  }
}
