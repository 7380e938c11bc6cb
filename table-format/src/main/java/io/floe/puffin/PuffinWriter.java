package io.floe.puffin;

import io.floe.io.OutputFile;
import io.floe.io.PositionOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Puffin file: the magic, then each blob as it is {@linkplain #write written}, then on {@link #finish()} (or
 * {@link #close()}) the uncompressed JSON footer. The file is created with {@link OutputFile#create()}, so it
 * appears whole when finished; after a failure it is aborted and never appears.
 */
public final class PuffinWriter implements AutoCloseable {
  private final String location;
  private final Map<String, String> properties;
  private final PositionOutputStream stream;
  private final List<PuffinBlobMetadata> blobs = new ArrayList<>();
  private PuffinFileInfo result;
  private boolean failed;

  /** A writer of a file without file properties. */
  public PuffinWriter(OutputFile file) {
    this(file, Map.of());
  }

  /** A writer with these file properties (such as {@code created-by}, which the spec recommends). */
  public PuffinWriter(OutputFile file, Map<String, String> properties) {
    this.location = file.location();
    this.properties = new LinkedHashMap<>(properties);
    try {
      this.stream = file.create();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Puffin file " + location + ": " + e.getMessage(), e);
    }
    write(() -> {
      stream.write(PuffinFooter.MAGIC);
      return 0;
    });
  }

  /** Appends a blob, compressed with its codec; returns its footer entry. */
  public PuffinBlobMetadata write(PuffinBlob blob) {
    checkOpen();
    byte[] stored = blob.codec().compress(blob.data());
    long offset = write(() -> {
      long start = stream.getPos();
      stream.write(stored);
      return start;
    });
    PuffinBlobMetadata metadata = new PuffinBlobMetadata(blob.type(), blob.fields(), blob.snapshotId(),
        blob.sequenceNumber(), offset, stored.length, blob.codec().codecName(), blob.properties());
    blobs.add(metadata);
    return metadata;
  }

  /** Writes the footer and closes the file; returns what was written. */
  public PuffinFileInfo finish() {
    checkOpen();
    byte[] payload = new PuffinFooter(blobs, properties).toJsonBytes();
    long fileSize = write(() -> {
      stream.write(PuffinFooter.MAGIC);
      stream.write(payload);
      // the payload size (4 bytes, little-endian) and 4 flag bytes: the payload is not compressed
      stream.write(new byte[] {(byte) payload.length, (byte) (payload.length >>> 8), (byte) (payload.length >>> 16),
          (byte) (payload.length >>> 24), 0, 0, 0, 0});
      stream.write(PuffinFooter.MAGIC);
      long end = stream.getPos();
      stream.close();
      return end;
    });
    long footerSize = PuffinFooter.MAGIC.length + payload.length + PuffinFooter.TAIL_LENGTH;
    result = new PuffinFileInfo(location, fileSize, footerSize, blobs);
    return result;
  }

  /** What was written; only once finished. */
  public PuffinFileInfo result() {
    if (result == null) {
      throw new IllegalStateException("Puffin file " + location + " is not finished");
    }
    return result;
  }

  /** Finishes the file unless that is done or a write failed (then the file was aborted). */
  @Override
  public void close() {
    if (result == null && !failed) {
      finish();
    }
  }

  private void checkOpen() {
    if (result != null || failed) {
      throw new IllegalStateException("Puffin file " + location + (failed ? " failed" : " is finished"));
    }
  }

  /** A write to the stream, returning a position. */
  private interface Io {
    long run() throws IOException;
  }

  /** Runs a write and returns its position; on failure aborts the file, so that nothing of it appears. */
  private long write(Io io) {
    try {
      return io.run();
    } catch (IOException | RuntimeException e) {
      failed = true;
      try {
        stream.abort();
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof IOException ioe) {
        throw new UncheckedIOException("cannot write Puffin file " + location + ": " + e.getMessage(), ioe);
      }
      throw (RuntimeException) e;
    }
  }
}
