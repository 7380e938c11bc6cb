package io.floe.parquet;

import io.floe.types.PrimitiveType;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.ValueVector;
import org.apache.parquet.CorruptDeltaByteArrays;
import org.apache.parquet.VersionParser;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.RequiresPreviousReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes a non-repeated primitive column chunk page by page straight into Arrow vectors, a run of values at a
 * time: definition levels in bulk ({@link RleBitPackedDecoder}), validity bits of null-free runs a byte at a time,
 * values read in bulk into a primitive scratch array, spread to their rows when there are nulls and stored per type
 * (runs of PLAIN fixed-width values without nulls are one memory copy; strings go through {@link BinaryRunWriter}).
 * Covers booleans, ints, longs, floats, doubles (also widened to long and double), decimals stored as ints or
 * longs, and strings and binaries; {@link #of} says whether a column is covered. A batch's values may also be
 * decoded for selected rows only, the others passed over ({@link #read(ValueVector, int, int[], int)},
 * {@link #skip}). The per-type store loops look alike on purpose: each is one unboxed loop over a primitive array.
 */
final class PageColumnReader {
  /**
   * Strings and booleans are decoded run by run of selected rows only when the batch has at least this many rows
   * per run: skipping to a run and decoding it costs about as much as decoding this many values in one pass.
   */
  private static final int SKIPPED_RUN_VALUES = 64;
  /** How a column's physical values become vector values. */
  private enum Kind { BOOLEAN, INT, LONG, FLOAT, DOUBLE, INT_AS_LONG, FLOAT_AS_DOUBLE, INT_AS_DECIMAL, LONG_AS_DECIMAL,
    BINARY }

  private final ColumnDescriptor descriptor;
  private final Kind kind;
  private final int maxDef;
  private final VersionParser.ParsedVersion writerVersion;
  private int[] levels = new int[0];
  private PageReader pages;
  private PageValues.DecodedDictionary dictionary;
  private int pageRemaining;
  /** Definition levels of the page: RLE (every v2 page, v1 pages as written today) or Parquet's reader (BIT_PACKED). */
  private RleBitPackedDecoder levelDecoder;
  private ValuesReader v1Levels;
  private final DecodeScratch scratch = new DecodeScratch();
  private final BinaryRunWriter binaries = new BinaryRunWriter();
  private PageValues values;
  private ValuesReader previousReader;

  private PageColumnReader(ColumnDescriptor descriptor, Kind kind, VersionParser.ParsedVersion writerVersion) {
    this.descriptor = descriptor;
    this.kind = kind;
    this.maxDef = descriptor.getMaxDefinitionLevel();
    this.writerVersion = writerVersion;
  }

  /** A reader of the column as {@code type}, or null when this reader does not cover it. */
  static PageColumnReader of(ColumnDescriptor descriptor, PrimitiveType type, VersionParser.ParsedVersion writerVersion) {
    Kind kind = descriptor.getMaxRepetitionLevel() == 0 ? kind(descriptor.getPrimitiveType().getPrimitiveTypeName(), type)
        : null;
    return kind == null ? null : new PageColumnReader(descriptor, kind, writerVersion);
  }

  private static Kind kind(PrimitiveTypeName physical, PrimitiveType type) {
    switch (type.typeId()) {
      case BOOLEAN:
        return physical == PrimitiveTypeName.BOOLEAN ? Kind.BOOLEAN : null;
      case INT:
      case DATE:
        return physical == PrimitiveTypeName.INT32 ? Kind.INT : null;
      case LONG:
      case TIME:
      case TIMESTAMP:
      case TIMESTAMPTZ:
        return physical == PrimitiveTypeName.INT64 ? Kind.LONG : physical == PrimitiveTypeName.INT32 ? Kind.INT_AS_LONG : null;
      case FLOAT:
        return physical == PrimitiveTypeName.FLOAT ? Kind.FLOAT : null;
      case DOUBLE:
        return physical == PrimitiveTypeName.DOUBLE ? Kind.DOUBLE : physical == PrimitiveTypeName.FLOAT ? Kind.FLOAT_AS_DOUBLE : null;
      case DECIMAL:
        return physical == PrimitiveTypeName.INT64 ? Kind.LONG_AS_DECIMAL : physical == PrimitiveTypeName.INT32 ? Kind.INT_AS_DECIMAL : null;
      case STRING:
      case BINARY:
        return physical == PrimitiveTypeName.BINARY ? Kind.BINARY : null;
      default:
        return null;
    }
  }

  /**
   * Whether {@link #read} writes every value slot of the rows it decodes (null rows as zero), so that the vector's
   * data buffer need not be zeroed first: fixed-width values other than booleans (whose bits are set per value).
   */
  boolean writesEveryValue() {
    return kind != Kind.BOOLEAN && kind != Kind.BINARY;
  }

  void startRowGroup(PageReader reader) {
    this.pages = reader;
    this.pageRemaining = 0;
    this.previousReader = null;
    DictionaryPage page = reader.readDictionaryPage();
    try {
      this.dictionary = page == null ? null
          : new PageValues.DecodedDictionary(page.getEncoding().initDictionary(descriptor, page), kind == Kind.BINARY);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode the dictionary of column " + descriptor, e);
    }
  }

  /** Decodes the next {@code count} values into rows 0..count-1 of {@code vector} (newly allocated, all null). */
  void read(ValueVector vector, int count) {
    prepare(vector, count);
    readRows(vector, 0, count);
  }

  /**
   * Of the next {@code count} values, decodes those of rows {@code rows[0..selected)} (increasing) into the same rows
   * of {@code vector} (newly allocated, all null); the other rows stay null. For fewer than half the rows,
   * fixed-width values are picked from each page's part without nulls (PLAIN ones read by offset, dictionary ones
   * looked up only for the selected rows, the ids of all unpacked), parts with nulls decoded whole and parts without
   * selected rows passed over. Strings and booleans skip the values between runs of selected rows (without decoding
   * them) when the runs are sparse. Otherwise every value is decoded.
   */
  void read(ValueVector vector, int count, int[] rows, int selected) {
    prepare(vector, count);
    if (kind != Kind.BINARY && kind != Kind.BOOLEAN) {
      if (2L * selected < count) {
        gather(vector, count, rows, selected);
      } else {
        readRows(vector, 0, count);
      }
    } else if (SKIPPED_RUN_VALUES * runs(rows, selected) < count) {
      readRuns(vector, count, rows, selected);
    } else {
      readRows(vector, 0, count);
    }
  }

  /** The runs of consecutive rows among {@code rows[0..count)}. */
  private static int runs(int[] rows, int count) {
    int runs = count == 0 ? 0 : 1;
    for (int i = 1; i < count; i++) {
      if (rows[i] != rows[i - 1] + 1) {
        runs++;
      }
    }
    return runs;
  }

  /**
   * {@link #read(ValueVector, int, int[], int)} page by page: the values of a page's part without selected rows are
   * passed over, those of a part without nulls picked ({@link #gatherFixed}), others decoded whole.
   */
  private void gather(ValueVector vector, int count, int[] rows, int selected) {
    int row = 0;
    int i = 0;
    while (row < count) {
      if (pageRemaining == 0) {
        nextPage();
      }
      int n = Math.min(count - row, pageRemaining);
      int j = i;
      while (j < selected && rows[j] < row + n) {
        j++;
      }
      int defined = readLevels(n);
      if (j == i) {
        values.skip(defined, plainWidth());
      } else if (defined == n) {
        gatherFixed(vector, row, n, rows, i, j);
      } else {
        decodeFixed(vector, row, n, defined);
        setValidWhereDefined(vector.getValidityBuffer(), row, n);
      }
      row += n;
      pageRemaining -= n;
      i = j;
    }
  }

  /** Selected rows {@code rows[from..to)} of the {@code n} rows from {@code row}, whose values are all defined. */
  private void gatherFixed(ValueVector vector, int row, int n, int[] rows, int from, int to) {
    ArrowBuf data = vector.getDataBuffer();
    switch (kind) {
      case INT, INT_AS_LONG, INT_AS_DECIMAL -> {
        int[] v = scratch.ints(n);
        values.gatherInts(v, n, rows, from, to, row);
        for (int k = from; k < to; k++) {
          long r = rows[k];
          int value = v[k - from];
          if (kind == Kind.INT) {
            data.setInt(r * 4, value);
          } else if (kind == Kind.INT_AS_LONG) {
            data.setLong(r * 8, value);
          } else {
            data.setLong(r * 16, value);
            data.setLong(r * 16 + 8, value >> 31);
          }
        }
      }
      case LONG, LONG_AS_DECIMAL -> {
        long[] v = scratch.longs(n);
        values.gatherLongs(v, n, rows, from, to, row);
        for (int k = from; k < to; k++) {
          long r = rows[k];
          if (kind == Kind.LONG) {
            data.setLong(r * 8, v[k - from]);
          } else {
            data.setLong(r * 16, v[k - from]);
            data.setLong(r * 16 + 8, v[k - from] >> 63);
          }
        }
      }
      case FLOAT, FLOAT_AS_DOUBLE -> {
        float[] v = scratch.floats(n);
        values.gatherFloats(v, n, rows, from, to, row);
        for (int k = from; k < to; k++) {
          if (kind == Kind.FLOAT) {
            data.setFloat(rows[k] * 4L, v[k - from]);
          } else {
            data.setDouble(rows[k] * 8L, v[k - from]);
          }
        }
      }
      case DOUBLE -> {
        double[] v = scratch.doubles(n);
        values.gatherDoubles(v, n, rows, from, to, row);
        for (int k = from; k < to; k++) {
          data.setDouble(rows[k] * 8L, v[k - from]);
        }
      }
      default -> throw new IllegalStateException("not a fixed-width kind: " + kind);
    }
    ArrowBuf validity = vector.getValidityBuffer();
    for (int k = from; k < to; k++) {
      BitVectorHelper.setBit(validity, rows[k]);
    }
  }

  /**
   * {@link #read(ValueVector, int, int[], int)} run by run: the values between runs of selected rows are passed over
   * without being decoded.
   */
  private void readRuns(ValueVector vector, int count, int[] rows, int selected) {
    int next = 0;
    int i = 0;
    while (i < selected) {
      int start = rows[i];
      int end = start + 1;
      for (i++; i < selected && rows[i] == end; i++) {
        end++;
      }
      skip(start - next);
      readRows(vector, start, end - start);
      next = end;
    }
    skip(count - next);
  }

  /** Passes over the next {@code count} values without decoding them (their definition levels are read). */
  void skip(int count) {
    int left = count;
    while (left > 0) {
      if (pageRemaining == 0) {
        nextPage();
      }
      int n = Math.min(Math.min(left, pageRemaining), Math.max(levels.length, 1024));
      if (levels.length < n) {
        levels = new int[n];
      }
      values.skip(readLevels(n), plainWidth());
      pageRemaining -= n;
      left -= n;
    }
  }

  /** The bytes of one PLAIN value of the column's physical type; 0 for byte arrays. */
  private int plainWidth() {
    return switch (kind) {
      case BINARY, BOOLEAN -> 0;
      case LONG, DOUBLE, LONG_AS_DECIMAL -> 8;
      default -> 4;
    };
  }

  private void prepare(ValueVector vector, int count) {
    if (vector instanceof BaseFixedWidthVector fixed) {
      while (fixed.getValueCapacity() < count) {
        fixed.reAlloc();
      }
    }
    if (levels.length < count) {
      levels = new int[count];
    }
  }

  /** Decodes the next {@code count} values into rows {@code first..first+count-1} of {@code vector}. */
  private void readRows(ValueVector vector, int first, int count) {
    int row = first;
    int end = first + count;
    while (row < end) {
      if (pageRemaining == 0) {
        nextPage();
      }
      int n = Math.min(end - row, pageRemaining);
      int defined = readLevels(n);
      if (kind == Kind.BINARY) {
        decodeBinary((BaseVariableWidthVector) vector, row, n, defined);
      } else {
        decodeFixed(vector, row, n, defined);
        if (defined == n) {
          ValidityBits.setRange(vector.getValidityBuffer(), row, n);
        } else {
          setValidWhereDefined(vector.getValidityBuffer(), row, n);
        }
      }
      row += n;
      pageRemaining -= n;
    }
  }

  private void setValidWhereDefined(ArrowBuf validity, int row, int n) {
    for (int k = 0; k < n; k++) {
      if (levels[k] == maxDef) {
        BitVectorHelper.setBit(validity, row + k);
      }
    }
  }

  /** Reads the definition levels of the next {@code n} values into {@link #levels}; returns how many are defined. */
  private int readLevels(int n) {
    if (maxDef == 0) {
      return n;
    }
    if (levelDecoder != null) {
      levelDecoder.read(levels, 0, n);
    } else {
      for (int i = 0; i < n; i++) {
        levels[i] = v1Levels.readInteger();
      }
    }
    int defined = 0;
    for (int i = 0; i < n; i++) {
      if (levels[i] == maxDef) {
        defined++;
      }
    }
    return defined;
  }

  /**
   * Decodes {@code n} rows from {@code row} of a fixed-width vector, {@code defined} of them with a value: dense
   * runs of PLAIN values of the vector's width are copied, everything else is read into a primitive scratch array,
   * spread to its rows when there are nulls, and stored (widening ints, floats and decimals on the way).
   */
  private void decodeFixed(ValueVector vector, int row, int n, int defined) {
    ArrowBuf data = vector.getDataBuffer();
    boolean dense = defined == n;
    switch (kind) {
      case BOOLEAN -> {
        for (int k = 0; k < n; k++) {
          if (dense || levels[k] == maxDef) {
            BitVectorHelper.setValidityBit(data, row + k, values.readBoolean() ? 1 : 0);
          }
        }
      }
      case INT -> {
        if (!dense || !values.copyFixed(data, (long) row * 4, n * 4)) {
          int[] v = scratch.ints(n);
          values.readInts(v, defined);
          spread(v, n, defined);
          for (int k = 0; k < n; k++) {
            data.setInt((long) (row + k) * 4, v[k]);
          }
        }
      }
      case FLOAT -> {
        if (!dense || !values.copyFixed(data, (long) row * 4, n * 4)) {
          float[] v = scratch.floats(n);
          values.readFloats(v, defined);
          spread(v, n, defined);
          for (int k = 0; k < n; k++) {
            data.setFloat((long) (row + k) * 4, v[k]);
          }
        }
      }
      case LONG -> {
        if (!dense || !values.copyFixed(data, (long) row * 8, n * 8)) {
          long[] v = scratch.longs(n);
          values.readLongs(v, defined);
          spread(v, n, defined);
          for (int k = 0; k < n; k++) {
            data.setLong((long) (row + k) * 8, v[k]);
          }
        }
      }
      case DOUBLE -> {
        if (!dense || !values.copyFixed(data, (long) row * 8, n * 8)) {
          double[] v = scratch.doubles(n);
          values.readDoubles(v, defined);
          spread(v, n, defined);
          for (int k = 0; k < n; k++) {
            data.setDouble((long) (row + k) * 8, v[k]);
          }
        }
      }
      case INT_AS_LONG -> {
        int[] v = scratch.ints(n);
        values.readInts(v, defined);
        spread(v, n, defined);
        for (int k = 0; k < n; k++) {
          data.setLong((long) (row + k) * 8, v[k]);
        }
      }
      case FLOAT_AS_DOUBLE -> {
        float[] v = scratch.floats(n);
        values.readFloats(v, defined);
        spread(v, n, defined);
        for (int k = 0; k < n; k++) {
          data.setDouble((long) (row + k) * 8, v[k]);
        }
      }
      case INT_AS_DECIMAL -> {
        int[] v = scratch.ints(n);
        values.readInts(v, defined);
        spread(v, n, defined);
        for (int k = 0; k < n; k++) {
          long offset = (long) (row + k) * 16;
          data.setLong(offset, v[k]);
          data.setLong(offset + 8, v[k] >> 31);
        }
      }
      case LONG_AS_DECIMAL -> {
        long[] v = scratch.longs(n);
        values.readLongs(v, defined);
        spread(v, n, defined);
        for (int k = 0; k < n; k++) {
          long offset = (long) (row + k) * 16;
          data.setLong(offset, v[k]);
          data.setLong(offset + 8, v[k] >> 63);
        }
      }
      default -> throw new IllegalStateException("not a fixed-width kind: " + kind);
    }
  }

  /**
   * Moves the {@code defined} values at the start of {@code v} to the positions of the defined levels among the
   * first {@code n}, zero at the others (back to front, so in place).
   */
  private void spread(int[] v, int n, int defined) {
    if (defined == n) {
      return;
    }
    int k = defined - 1;
    for (int i = n - 1; i >= 0; i--) {
      v[i] = levels[i] == maxDef ? v[k--] : 0;
    }
  }

  private void spread(long[] v, int n, int defined) {
    if (defined == n) {
      return;
    }
    int k = defined - 1;
    for (int i = n - 1; i >= 0; i--) {
      v[i] = levels[i] == maxDef ? v[k--] : 0;
    }
  }

  private void spread(float[] v, int n, int defined) {
    if (defined == n) {
      return;
    }
    int k = defined - 1;
    for (int i = n - 1; i >= 0; i--) {
      v[i] = levels[i] == maxDef ? v[k--] : 0;
    }
  }

  private void spread(double[] v, int n, int defined) {
    if (defined == n) {
      return;
    }
    int k = defined - 1;
    for (int i = n - 1; i >= 0; i--) {
      v[i] = levels[i] == maxDef ? v[k--] : 0;
    }
  }

  /** Decodes {@code n} rows from {@code row} of a variable-width vector: runs of values between runs of nulls. */
  private void decodeBinary(BaseVariableWidthVector vector, int row, int n, int defined) {
    binaries.begin(vector, row);
    if (defined == n) {
      values.readBinaries(binaries, n);
    } else {
      int k = 0;
      while (k < n) {
        int start = k;
        boolean present = levels[k] == maxDef;
        while (k < n && (levels[k] == maxDef) == present) {
          k++;
        }
        if (present) {
          values.readBinaries(binaries, k - start);
        } else {
          binaries.appendNulls(k - start);
        }
      }
    }
    binaries.finish();
  }

  private void nextPage() {
    DataPage page = pages.readPage();
    if (page == null) {
      throw new ParquetDecodingException("column " + descriptor + " has fewer values than its row group");
    }
    pageRemaining = page.getValueCount();
    try {
      if (page instanceof DataPageV1 v1) {
        ByteBufferInputStream in = v1.getBytes().toInputStream();
        v1.getRlEncoding().getValuesReader(descriptor, ValuesType.REPETITION_LEVEL).initFromPage(pageRemaining, in);
        if (maxDef > 0 && v1.getDlEncoding() == Encoding.RLE) {
          int length = BytesUtils.readIntLittleEndian(in);
          levelDecoder = new RleBitPackedDecoder(in.slice(length), BytesUtils.getWidthFromMaxInt(maxDef));
          v1Levels = null;
        } else {
          v1Levels = v1.getDlEncoding().getValuesReader(descriptor, ValuesType.DEFINITION_LEVEL);
          v1Levels.initFromPage(pageRemaining, in);
          levelDecoder = null;
        }
        values = values(v1.getValueEncoding(), in);
      } else {
        DataPageV2 v2 = (DataPageV2) page;
        v1Levels = null;
        levelDecoder = maxDef == 0 ? null : new RleBitPackedDecoder(v2.getDefinitionLevels().toByteBuffer(),
            BytesUtils.getWidthFromMaxInt(maxDef));
        values = values(v2.getDataEncoding(), v2.getData().toInputStream());
      }
    } catch (IOException e) {
      throw new ParquetDecodingException("cannot read a page of column " + descriptor, e);
    }
  }

  private PageValues values(Encoding encoding, ByteBufferInputStream in) throws IOException {
    if (encoding.usesDictionary()) {
      if (dictionary == null) {
        throw new ParquetDecodingException("column " + descriptor + " has dictionary-encoded pages but no dictionary");
      }
      int bitWidth = BytesUtils.readIntLittleEndianOnOneByte(in);
      return new PageValues.DictionaryIds(new RleBitPackedDecoder(in.slice(in.available()), bitWidth), dictionary);
    }
    if (encoding == Encoding.PLAIN && kind != Kind.BOOLEAN) {
      return new PageValues.Plain(in.slice(in.available()));
    }
    ValuesReader reader = encoding.getValuesReader(descriptor, ValuesType.VALUES);
    if (CorruptDeltaByteArrays.requiresSequentialReads(writerVersion, encoding)
        && previousReader instanceof RequiresPreviousReader) {
      ((RequiresPreviousReader) reader).setPreviousReader(previousReader);
    }
    reader.initFromPage(pageRemaining, in);
    previousReader = reader;
    return new PageValues.Decoded(reader);
  }
}
