package io.floe.s3;

import io.floe.io.InputFile;
import io.floe.io.SeekableInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** An S3 object to read. Its length comes from the caller (a listing, a manifest) or one HEAD, then is kept. */
final class S3InputFile implements InputFile {
  private final S3Context ctx;
  private final S3Location location;
  private final String name;
  private volatile long length;

  S3InputFile(S3Context ctx, String name, S3Location location, long length) {
    this.ctx = ctx;
    this.name = name;
    this.location = location;
    this.length = length;
  }

  @Override
  public long getLength() throws IOException {
    if (length < 0) {
      HeadObjectResponse head = head();
      if (head == null) {
        throw new java.io.FileNotFoundException(location + " not found at " + ctx.endpoint());
      }
      length = head.contentLength();
    }
    return length;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    return new S3InputStream(ctx, location, length, this::getLength);
  }

  @Override
  public String location() {
    return name;
  }

  @Override
  public boolean exists() {
    try {
      HeadObjectResponse head = head();
      if (head != null) {
        length = head.contentLength();
      }
      return head != null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The object's metadata, or null if there is no such object. */
  private HeadObjectResponse head() throws IOException {
    try {
      return ctx.clients.retrying().headObject(HeadObjectRequest.builder().bucket(location.bucket()).key(location.key()).build());
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e) && !"NoSuchBucket".equals(S3Errors.errorCode(e))) {
        return null;
      }
      throw S3Errors.translate(e, "look up", location, ctx.endpoint());
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
