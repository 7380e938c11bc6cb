package io.floe.parquet;

import com.github.luben.zstd.ZstdDecompressCtx;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * The page decompressors of one Parquet file reader: ZSTD and SNAPPY pages are decompressed in one call from the
 * page's bytes into an array of the page's uncompressed size (one ZSTD context reused for every page, no codec
 * streams); other codecs go through Parquet's own factory. Not thread-safe, like the reader it belongs to.
 */
final class PageDecompressors implements CompressionCodecFactory {
  private final CodecFactory others = new CodecFactory(new PlainParquetConfiguration(), 0);
  private ZstdPages zstd;
  private SnappyPages snappy;

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return others.getCompressor(codec);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    switch (codec) {
      case ZSTD:
        if (zstd == null) {
          zstd = new ZstdPages();
        }
        return zstd;
      case SNAPPY:
        if (snappy == null) {
          snappy = new SnappyPages();
        }
        return snappy;
      default:
        return others.getDecompressor(codec);
    }
  }

  @Override
  public void release() {
    if (zstd != null) {
      zstd.release();
      zstd = null;
    }
    others.release();
  }

  /** Decompresses whole pages between arrays (direct buffers where both sides are direct). */
  private abstract static class WholePages implements BytesInputDecompressor {
    /** Decompresses {@code length} bytes of {@code in} from {@code offset} into all of {@code out}; the size made. */
    abstract int decompress(byte[] in, int offset, int length, byte[] out) throws IOException;

    abstract String codec();

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      ByteBuffer in = bytes.toByteBuffer();
      byte[] out = new byte[uncompressedSize];
      int made;
      if (in.hasArray()) {
        made = decompress(in.array(), in.arrayOffset() + in.position(), in.remaining(), out);
      } else {
        byte[] copy = new byte[in.remaining()];
        in.duplicate().get(copy);
        made = decompress(copy, 0, copy.length, out);
      }
      checkSize(made, uncompressedSize);
      return BytesInput.from(out);
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
        throws IOException {
      ByteBuffer in = input.duplicate();
      in.limit(in.position() + compressedSize);
      BytesInput page = decompress(BytesInput.from(in), uncompressedSize);
      output.put(page.toByteBuffer());
    }

    final void checkSize(long made, int expected) throws IOException {
      if (made != expected) {
        throw new IOException(codec() + " page decompressed to " + made + " bytes, its header says " + expected);
      }
    }

    @Override
    public void release() {
    }
  }

  private static final class ZstdPages extends WholePages {
    private final ZstdDecompressCtx context = new ZstdDecompressCtx();

    @Override
    int decompress(byte[] in, int offset, int length, byte[] out) throws IOException {
      try {
        return context.decompressByteArray(out, 0, out.length, in, offset, length);
      } catch (RuntimeException e) {
        throw new IOException("cannot decompress a ZSTD page: " + e.getMessage(), e);
      }
    }

    @Override
    String codec() {
      return "ZSTD";
    }

    @Override
    public void release() {
      context.close();
    }
  }

  private static final class SnappyPages extends WholePages {
    @Override
    int decompress(byte[] in, int offset, int length, byte[] out) throws IOException {
      return Snappy.uncompress(in, offset, length, out, 0);
    }

    @Override
    String codec() {
      return "SNAPPY";
    }
  }
}
