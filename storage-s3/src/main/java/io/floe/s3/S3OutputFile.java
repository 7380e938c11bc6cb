package io.floe.s3;

import io.floe.io.InputFile;
import io.floe.io.OutputFile;
import io.floe.io.PositionOutputStream;

/**
 * An S3 object to write. {@link #create()} is a put-if-absent ({@code If-None-Match: *} on the {@code PutObject} or
 * {@code CompleteMultipartUpload} that publishes the object): atomic and exclusive on a store that honours it,
 * which {@link S3FileIO#verifyConditionalWrites(String)} checks.
 */
final class S3OutputFile implements OutputFile {
  private final S3Context ctx;
  private final String name;
  private final S3Location location;

  S3OutputFile(S3Context ctx, String name, S3Location location) {
    this.ctx = ctx;
    this.name = name;
    this.location = location;
  }

  /** Opens the object for writing; a taken key fails with FileAlreadyExistsException on close (nothing is written). */
  @Override
  public PositionOutputStream create() {
    return new S3OutputStream(ctx, location, true);
  }

  @Override
  public PositionOutputStream createOrOverwrite() {
    return new S3OutputStream(ctx, location, false);
  }

  @Override
  public String location() {
    return name;
  }

  @Override
  public InputFile toInputFile() {
    return new S3InputFile(ctx, name, location, -1);
  }

  @Override
  public String toString() {
    return name;
  }
}
