package io.floe.puffin;

import io.floe.io.InputFile;
import io.floe.io.SeekableInputStream;
import io.floe.metadata.InvalidMetadataException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a Puffin file: its footer (the blobs' metadata and the file's properties) and the bytes of its blobs,
 * decompressed. Given the file and footer sizes (as a table's statistics entry records them), the footer takes one
 * read. Bad content gives an {@link InvalidMetadataException}, an LZ4-compressed footer or blob an
 * {@link UnsupportedOperationException}, an IO failure an {@link UncheckedIOException}; all name the file.
 */
public final class PuffinReader implements AutoCloseable {
  private static final int MIN_FOOTER_SIZE = PuffinFooter.MAGIC.length + PuffinFooter.TAIL_LENGTH;

  private final InputFile file;
  private final String name;
  private final long knownFileSize;
  private final long knownFooterSize;
  private SeekableInputStream stream;
  private long fileSize;
  private long footerStart;
  private PuffinFooter footer;

  public PuffinReader(InputFile file) {
    this(file, -1, -1);
  }

  /** A reader of a file whose size and footer size are known; -1 for either when it is not. */
  public PuffinReader(InputFile file, long fileSize, long footerSize) {
    this.file = file;
    this.name = "Puffin file " + file.location();
    this.knownFileSize = fileSize;
    this.knownFooterSize = footerSize;
  }

  /** The footer, read on the first call. */
  public PuffinFooter footer() {
    if (footer == null) {
      try {
        footer = readFooter();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
      }
    }
    return footer;
  }

  public List<PuffinBlobMetadata> blobs() {
    return footer().blobs();
  }

  public Map<String, String> properties() {
    return footer().properties();
  }

  /** The uncompressed bytes of one of this file's blobs. */
  public byte[] read(PuffinBlobMetadata blob) {
    footer();
    String what = "Puffin blob '" + blob.type() + "' at offset " + blob.offset() + " of " + file.location();
    if (blob.offset() < PuffinFooter.MAGIC.length || blob.length() < 0 || blob.length() > Integer.MAX_VALUE
        || blob.offset() + blob.length() > footerStart) {
      throw new InvalidMetadataException(what + " has length " + blob.length() + " and does not lie between the magic"
          + " and the footer (at " + footerStart + ")");
    }
    PuffinCodec codec = PuffinCodec.forName(blob.compressionCodec(), what);
    byte[] stored;
    try {
      stored = readFully(blob.offset(), (int) blob.length());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + ": " + e.getMessage(), e);
    }
    return codec.decompress(stored, what);
  }

  private PuffinFooter readFooter() throws IOException {
    fileSize = knownFileSize >= 0 ? knownFileSize : file.getLength();
    if (fileSize < PuffinFooter.MAGIC.length + MIN_FOOTER_SIZE) {
      throw truncated("it has " + fileSize + " bytes, fewer than an empty Puffin file's "
          + (PuffinFooter.MAGIC.length + MIN_FOOTER_SIZE));
    }
    byte[] footerBytes;
    if (knownFooterSize >= 0) {
      checkFooterSize(knownFooterSize);
      footerBytes = readFully(fileSize - knownFooterSize, (int) knownFooterSize);
    } else {
      byte[] tail = readFully(fileSize - PuffinFooter.TAIL_LENGTH, PuffinFooter.TAIL_LENGTH);
      checkMagic(tail, PuffinFooter.TAIL_LENGTH - PuffinFooter.MAGIC.length, fileSize - PuffinFooter.MAGIC.length);
      long footerSize = MIN_FOOTER_SIZE + (long) littleEndianInt(tail, 0);
      checkFooterSize(footerSize);
      footerBytes = readFully(fileSize - footerSize, (int) footerSize);
    }
    footerStart = fileSize - footerBytes.length;
    checkMagic(readFully(0, PuffinFooter.MAGIC.length), 0, 0);
    checkMagic(footerBytes, 0, footerStart);
    int tail = footerBytes.length - PuffinFooter.TAIL_LENGTH;
    checkMagic(footerBytes, footerBytes.length - PuffinFooter.MAGIC.length, fileSize - PuffinFooter.MAGIC.length);
    int payloadSize = littleEndianInt(footerBytes, tail);
    if (payloadSize != footerBytes.length - MIN_FOOTER_SIZE) {
      throw new InvalidMetadataException(name + " has a footer of " + footerBytes.length + " bytes whose payload size"
          + " says " + payloadSize + " bytes; a footer is 16 bytes longer than its payload");
    }
    checkFlags(footerBytes, tail + 4);
    return PuffinFooter.parse(new String(footerBytes, PuffinFooter.MAGIC.length, payloadSize, StandardCharsets.UTF_8),
        name);
  }

  private void checkFooterSize(long footerSize) {
    if (footerSize < MIN_FOOTER_SIZE) {
      throw new InvalidMetadataException(name + " cannot have a footer of " + footerSize + " bytes (at least "
          + MIN_FOOTER_SIZE + ")");
    }
    if (footerSize > fileSize - PuffinFooter.MAGIC.length) {
      throw truncated("its footer has " + footerSize + " bytes but the file only " + fileSize);
    }
  }

  private void checkFlags(byte[] footerBytes, int at) {
    byte[] flags = Arrays.copyOfRange(footerBytes, at, at + 4);
    if ((flags[0] & ~PuffinFooter.FLAG_COMPRESSED_PAYLOAD) != 0 || flags[1] != 0 || flags[2] != 0 || flags[3] != 0) {
      throw new InvalidMetadataException(name + " sets unknown footer flags " + Arrays.toString(flags));
    }
    if (flags[0] != 0) {
      throw new UnsupportedOperationException("not supported: LZ4-compressed Puffin footer in " + file.location());
    }
  }

  private void checkMagic(byte[] bytes, int at, long fileOffset) {
    if (!Arrays.equals(bytes, at, at + PuffinFooter.MAGIC.length, PuffinFooter.MAGIC, 0, PuffinFooter.MAGIC.length)) {
      throw new InvalidMetadataException(name + " is not a Puffin file: expected the magic PFA1 at offset " + fileOffset
          + " but found " + Arrays.toString(Arrays.copyOfRange(bytes, at, at + PuffinFooter.MAGIC.length)));
    }
  }

  private InvalidMetadataException truncated(String why) {
    return new InvalidMetadataException(name + " is truncated or not a Puffin file: " + why);
  }

  private static int littleEndianInt(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
  }

  private byte[] readFully(long offset, int length) throws IOException {
    if (stream == null) {
      stream = file.newStream();
    }
    byte[] bytes = new byte[length];
    stream.seek(offset);
    try {
      stream.readFully(bytes, 0, length);
    } catch (EOFException e) {
      throw truncated("reading " + length + " bytes at offset " + offset + " reached its end");
    }
    return bytes;
  }

  @Override
  public void close() {
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close " + name + ": " + e.getMessage(), e);
      }
      stream = null;
    }
  }
}
