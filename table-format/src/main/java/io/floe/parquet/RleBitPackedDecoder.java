package io.floe.parquet;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Parquet's RLE / bit-packed hybrid encoding (definition levels, dictionary ids) decoded in bulk: a run-length run
 * fills the output with one value, a bit-packed run is unpacked eight values at a time straight into the output.
 * Reads from a heap copy of the encoded bytes; values past the end of the data read as an error.
 */
final class RleBitPackedDecoder {
  private final byte[] data;
  private final int end;
  private final int bitWidth;
  private final int rleValueBytes;
  private final BytePacker packer;
  /** One group of eight unpacked values, for a group only partly consumed. */
  private final int[] group = new int[8];
  private int position;
  /** Values left in the current run. */
  private int runLeft;
  private boolean rleRun;
  private int rleValue;
  /** Unconsumed values of {@link #group}: from groupPosition to 8. */
  private int groupPosition = 8;

  /** Decodes the bytes from {@code buffer}'s position to its limit, values of {@code bitWidth} bits (0 to 32). */
  RleBitPackedDecoder(ByteBuffer buffer, int bitWidth) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new ParquetDecodingException("invalid bit width " + bitWidth + " of RLE / bit-packed data");
    }
    if (buffer.hasArray()) {
      this.data = buffer.array();
      this.position = buffer.arrayOffset() + buffer.position();
      this.end = buffer.arrayOffset() + buffer.limit();
    } else {
      this.data = new byte[buffer.remaining()];
      buffer.duplicate().get(data);
      this.position = 0;
      this.end = data.length;
    }
    this.bitWidth = bitWidth;
    this.rleValueBytes = (bitWidth + 7) / 8;
    this.packer = Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
  }

  /** Decodes the next {@code n} values into {@code out[offset..offset+n)}. */
  void read(int[] out, int offset, int n) {
    while (n > 0) {
      if (runLeft == 0) {
        nextRun();
      }
      int k = Math.min(n, runLeft);
      if (rleRun) {
        Arrays.fill(out, offset, offset + k, rleValue);
      } else {
        readPacked(out, offset, k);
      }
      runLeft -= k;
      offset += k;
      n -= k;
    }
  }

  /** Passes over the next {@code n} values: whole groups of eight of a bit-packed run are not unpacked. */
  void skip(int n) {
    while (n > 0) {
      if (runLeft == 0) {
        nextRun();
      }
      int k = Math.min(n, runLeft);
      if (!rleRun) {
        int buffered = Math.min(k, 8 - groupPosition);
        groupPosition += buffered;
        int rest = k - buffered;
        position += rest / 8 * bitWidth;
        if (rest % 8 > 0) {
          unpackGroup(group, 0);
          groupPosition = rest % 8;
        }
      }
      runLeft -= k;
      n -= k;
    }
  }

  /** The next {@code k} values of the current bit-packed run (k at most what is left of it). */
  private void readPacked(int[] out, int offset, int k) {
    int done = 0;
    int buffered = Math.min(k, 8 - groupPosition);
    if (buffered > 0) {
      System.arraycopy(group, groupPosition, out, offset, buffered);
      groupPosition += buffered;
      done = buffered;
    }
    while (k - done >= 8) {
      unpackGroup(out, offset + done);
      done += 8;
    }
    if (done < k) {
      unpackGroup(group, 0);
      int rest = k - done;
      System.arraycopy(group, 0, out, offset + done, rest);
      groupPosition = rest;
    }
  }

  /** Unpacks the next eight values; a last group cut short by the end of the data is read as zero-padded. */
  private void unpackGroup(int[] out, int offset) {
    if (position + bitWidth <= end) {
      packer.unpack8Values(data, position, out, offset);
    } else {
      byte[] padded = new byte[bitWidth];
      System.arraycopy(data, position, padded, 0, Math.max(0, end - position));
      packer.unpack8Values(padded, 0, out, offset);
    }
    position += bitWidth;
  }

  private void nextRun() {
    int header = readUnsignedVarInt();
    if ((header & 1) == 0) {
      rleRun = true;
      runLeft = header >>> 1;
      int value = 0;
      for (int i = 0; i < rleValueBytes; i++) {
        value |= (readByte() & 0xFF) << (8 * i);
      }
      rleValue = value;
    } else {
      rleRun = false;
      runLeft = (header >>> 1) * 8;
      groupPosition = 8;
    }
    if (runLeft <= 0) {
      throw new ParquetDecodingException("invalid RLE / bit-packed run header " + header);
    }
  }

  private int readUnsignedVarInt() {
    int value = 0;
    int shift = 0;
    int b;
    do {
      b = readByte();
      value |= (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0 && shift < 35);
    return value;
  }

  private int readByte() {
    if (position >= end) {
      throw new ParquetDecodingException("RLE / bit-packed data ends before its values");
    }
    return data[position++];
  }
}
