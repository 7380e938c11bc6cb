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
import org.apache.parquet.column.values.dictionary.DictionaryValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes a non-repeated primitive column chunk page by page straight into Arrow vectors: definition levels into
 * the validity buffer, values in tight per-type loops over the page (runs of PLAIN fixed-width values without nulls
 * are copied in bulk). Covers booleans, ints, longs, floats, doubles (also widened to long and double), decimals
 * stored as ints or longs, and strings and binaries; {@link #of} says whether a column is covered. The per-kind
 * loops look alike on purpose: each calls one typed read of the page values, keeping the hot loop unboxed.
 */
final class PageColumnReader {
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
  private ValuesReader v1Levels;
  private RunLengthBitPackingHybridDecoder v2Levels;
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
    if (vector instanceof BaseFixedWidthVector fixed) {
      while (fixed.getValueCapacity() < count) {
        fixed.reAlloc();
      }
    }
    if (levels.length < count) {
      levels = new int[count];
    }
    int row = 0;
    while (row < count) {
      if (pageRemaining == 0) {
        nextPage();
      }
      int n = Math.min(count - row, pageRemaining);
      boolean dense = readLevels(n) == n;
      decode(vector, row, n, dense);
      if (dense && kind != Kind.BINARY) {
        setValid(vector.getValidityBuffer(), row, n);
      }
      row += n;
      pageRemaining -= n;
    }
  }

  private static void setValid(ArrowBuf validity, int from, int n) {
    for (int i = from; i < from + n; i++) {
      BitVectorHelper.setBit(validity, i);
    }
  }

  /** Reads the definition levels of the next {@code n} values into {@link #levels}; returns how many are defined. */
  private int readLevels(int n) {
    if (maxDef == 0) {
      return n;
    }
    int defined = 0;
    try {
      for (int i = 0; i < n; i++) {
        int level = v1Levels != null ? v1Levels.readInteger() : v2Levels.readInt();
        levels[i] = level;
        if (level == maxDef) {
          defined++;
        }
      }
    } catch (IOException e) {
      throw new ParquetDecodingException("cannot read the definition levels of column " + descriptor, e);
    }
    return defined;
  }

  private void decode(ValueVector vector, int row, int n, boolean dense) {
    ArrowBuf data = kind == Kind.BINARY ? null : vector.getDataBuffer();
    ArrowBuf validity = vector.getValidityBuffer();
    int end = row + n;
    switch (kind) {
      case BOOLEAN -> {
        for (int i = row; i < end; i++) {
          if (dense || defined(i - row, validity, i)) {
            BitVectorHelper.setValidityBit(data, i, values.readBoolean() ? 1 : 0);
          }
        }
      }
      case INT -> {
        if (dense && values.copyFixed(data, (long) row * 4, n * 4)) {
          return;
        }
        for (int i = row; i < end; i++) {
          if (dense || defined(i - row, validity, i)) {
            data.setInt((long) i * 4, values.readInt());
          }
        }
      }
      case LONG -> {
        if (dense && values.copyFixed(data, (long) row * 8, n * 8)) {
          return;
        }
        for (int i = row; i < end; i++) {
          if (dense || defined(i - row, validity, i)) {
            data.setLong((long) i * 8, values.readLong());
          }
        }
      }
      case FLOAT -> {
        if (dense && values.copyFixed(data, (long) row * 4, n * 4)) {
          return;
        }
        for (int i = row; i < end; i++) {
          if (dense || defined(i - row, validity, i)) {
            data.setFloat((long) i * 4, values.readFloat());
          }
        }
      }
      case DOUBLE -> {
        if (dense && values.copyFixed(data, (long) row * 8, n * 8)) {
          return;
        }
        for (int i = row; i < end; i++) {
          if (dense || defined(i - row, validity, i)) {
            data.setDouble((long) i * 8, values.readDouble());
          }
        }
      }
      case INT_AS_LONG -> {
        for (int i = row; i < end; i++) {
          if (dense || defined(i - row, validity, i)) {
            data.setLong((long) i * 8, values.readInt());
          }
        }
      }
      case FLOAT_AS_DOUBLE -> {
        for (int i = row; i < end; i++) {
          if (dense || defined(i - row, validity, i)) {
            data.setDouble((long) i * 8, values.readFloat());
          }
        }
      }
      case INT_AS_DECIMAL, LONG_AS_DECIMAL -> {
        boolean fromInt = kind == Kind.INT_AS_DECIMAL;
        for (int i = row; i < end; i++) {
          if (dense || defined(i - row, validity, i)) {
            long value = fromInt ? values.readInt() : values.readLong();
            data.setLong((long) i * 16, value);
            data.setLong((long) i * 16 + 8, value >> 63);
          }
        }
      }
      case BINARY -> {
        BaseVariableWidthVector target = (BaseVariableWidthVector) vector;
        for (int i = row; i < end; i++) {
          if (dense || levels[i - row] == maxDef) {
            values.readBinary(target, i);
          }
        }
      }
      default -> throw new IllegalStateException("unknown kind " + kind);
    }
  }

  /** Whether the value at level index {@code k} is defined, marking row {@code i} valid when it is. */
  private boolean defined(int k, ArrowBuf validity, int i) {
    if (levels[k] != maxDef) {
      return false;
    }
    BitVectorHelper.setBit(validity, i);
    return true;
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
        v1Levels = v1.getDlEncoding().getValuesReader(descriptor, ValuesType.DEFINITION_LEVEL);
        v1Levels.initFromPage(pageRemaining, in);
        v2Levels = null;
        values = values(v1.getValueEncoding(), in);
      } else {
        DataPageV2 v2 = (DataPageV2) page;
        v1Levels = null;
        v2Levels = maxDef == 0 ? null : new RunLengthBitPackingHybridDecoder(
            BytesUtils.getWidthFromMaxInt(maxDef), v2.getDefinitionLevels().toInputStream());
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
      DictionaryValuesReader ids = new DictionaryValuesReader(dictionary.dictionary());
      ids.initFromPage(pageRemaining, in);
      return new PageValues.DictionaryIds(ids, dictionary);
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
