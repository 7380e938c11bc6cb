package io.floe.puffin;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import io.floe.metadata.InvalidMetadataException;

/** The compression of a Puffin blob, named in the footer's {@code compression-codec}; LZ4 is neither read nor written. */
public enum PuffinCodec {
  NONE(null),
  LZ4("lz4"),
  ZSTD("zstd");

  private static final int ZSTD_LEVEL = 3;

  private final String codecName;

  PuffinCodec(String codecName) {
    this.codecName = codecName;
  }

  /** The name in the footer, or {@code null} for uncompressed blobs. */
  public String codecName() {
    return codecName;
  }

  /** The codec of a footer's {@code compression-codec} ({@code null}: uncompressed); {@code what} names the blob. */
  public static PuffinCodec forName(String name, String what) {
    if (name == null) {
      return NONE;
    }
    for (PuffinCodec codec : values()) {
      if (name.equals(codec.codecName)) {
        return codec;
      }
    }
    throw new InvalidMetadataException("unknown compression codec '" + name + "' of " + what
        + " (a Puffin blob is uncompressed, lz4 or zstd)");
  }

  byte[] compress(byte[] data) {
    return switch (this) {
      case NONE -> data;
      case ZSTD -> Zstd.compress(data, ZSTD_LEVEL);
      case LZ4 -> throw new UnsupportedOperationException("not supported: writing lz4-compressed Puffin blobs");
    };
  }

  /** The uncompressed bytes of a blob; {@code what} names the blob and its file in errors. */
  byte[] decompress(byte[] data, String what) {
    return switch (this) {
      case NONE -> data;
      case ZSTD -> decompressZstd(data, what);
      case LZ4 -> throw new UnsupportedOperationException("not supported: lz4-compressed " + what);
    };
  }

  private static byte[] decompressZstd(byte[] data, String what) {
    long size = Zstd.getFrameContentSize(data);
    if (size < 0 || size > Integer.MAX_VALUE) {
      throw new InvalidMetadataException("zstd-compressed " + what + " is not a zstd frame with its content size");
    }
    try {
      byte[] out = Zstd.decompress(data, (int) size);
      if (out.length != size) {
        throw new InvalidMetadataException("zstd-compressed " + what + " decompresses to " + out.length
            + " bytes, not the " + size + " its frame announces");
      }
      return out;
    } catch (ZstdException e) {
      throw new InvalidMetadataException("zstd-compressed " + what + " cannot be decompressed: " + e.getMessage(), e);
    }
  }
}
