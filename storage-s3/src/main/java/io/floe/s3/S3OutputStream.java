package io.floe.s3;

import io.floe.io.PositionOutputStream;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Writes an S3 object; it becomes visible, whole, on {@link #close()}. Up to the multipart threshold the bytes are
 * buffered and sent by one {@code PutObject}; past it a multipart upload starts and parts go up in parallel while
 * writing continues. An exclusive stream ({@link S3OutputFile#create()}) ends with a put-if-absent
 * ({@code If-None-Match: *}); a taken key fails with {@link java.nio.file.FileAlreadyExistsException}. A failure,
 * or {@link #abort()}, aborts the multipart upload: nothing is left under the key.
 */
final class S3OutputStream extends PositionOutputStream {
  private static final Logger LOG = LoggerFactory.getLogger(S3OutputStream.class);

  private final S3Context ctx;
  private final S3Location location;
  private final boolean exclusive;
  private final ByteChunks buffer = new ByteChunks();
  private MultipartUpload upload;
  private long pos;
  private boolean closed;

  S3OutputStream(S3Context ctx, S3Location location, boolean exclusive) {
    this.ctx = ctx;
    this.location = location;
    this.exclusive = exclusive;
  }

  @Override
  public long getPos() {
    return pos;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("stream of " + location + " is closed");
    }
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    buffer.write(b, off, len);
    pos += len;
    try {
      if (upload == null && buffer.size() > ctx.props.multipartThreshold()) {
        upload = new MultipartUpload(ctx, location);
        LOG.debug("writing {} as multipart upload {}", location, upload.uploadId());
      }
      if (upload != null && buffer.fullBytes() >= ctx.props.multipartSize()) {
        upload.uploadPart(buffer.takeFullChunks());
      }
    } catch (IOException | RuntimeException e) {
      fail(e);
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (upload == null) {
        putObject();
      } else {
        if (buffer.size() > 0 || upload.partCount() == 0) {
          upload.uploadPart(buffer.takeAll());
        }
        upload.complete(exclusive);
      }
    } catch (IOException | RuntimeException e) {
      if (upload != null) {
        upload.abort(e);
      }
      throw e;
    } finally {
      buffer.clear();
    }
  }

  private void putObject() throws IOException {
    PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(location.bucket()).key(location.key())
        .contentLength(buffer.size());
    RequestBody body = RequestBody.fromContentProvider(buffer::newInputStream, buffer.size(), "application/octet-stream");
    if (!exclusive) {
      try {
        ctx.clients.retrying().putObject(request.build(), body);
      } catch (SdkException e) {
        throw S3Errors.translate(e, "write", location, ctx.endpoint());
      }
      return;
    }
    PutObjectRequest conditional = request.ifNoneMatch("*").build();
    ConditionalWrite.run(ctx, location, "create (put-if-absent)", () -> ctx.clients.singleAttempt().putObject(conditional, body),
        () -> ConditionalWrite.singlePartETag(buffer.md5()));
  }

  /** Discards what was written: an open multipart upload is aborted; nothing becomes visible. */
  @Override
  public void abort() {
    if (closed) {
      return;
    }
    closed = true;
    buffer.clear();
    if (upload != null) {
      upload.abort(null);
    }
  }

  private void fail(Throwable cause) {
    closed = true;
    buffer.clear();
    if (upload != null) {
      upload.abort(cause);
    }
  }
}
