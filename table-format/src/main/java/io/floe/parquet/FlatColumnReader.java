package io.floe.parquet;

import io.floe.types.PrimitiveType;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.VersionParser;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * Decodes one top-level primitive column of a row group directly into the vector of each batch: page by page
 * through {@link PageColumnReader} when it covers the column, otherwise value by value through Parquet's
 * {@link ColumnReader}.
 */
final class FlatColumnReader {
  /** Column readers want a converter; values are pulled, so it only says "decode dictionaries for me". */
  private static final PrimitiveConverter NO_CONVERTER = new PrimitiveConverter() {
  };

  private final int position;
  private final ColumnDescriptor descriptor;
  private final VectorSink sink;
  private final VersionParser.ParsedVersion writerVersion;
  private final PageColumnReader pages;
  private ColumnReader reader;

  FlatColumnReader(FileProjection.Flat plan, String createdBy) {
    this.position = plan.position();
    this.descriptor = plan.descriptor();
    this.sink = VectorSink.forType((PrimitiveType) plan.field().type());
    this.writerVersion = parseVersion(createdBy);
    this.pages = PageColumnReader.of(descriptor, (PrimitiveType) plan.field().type(), writerVersion);
  }

  private static VersionParser.ParsedVersion parseVersion(String createdBy) {
    try {
      return createdBy == null ? null : VersionParser.parse(createdBy);
    } catch (VersionParser.VersionParseException | RuntimeException e) {
      return null;
    }
  }

  void startRowGroup(PageReadStore store) {
    if (pages != null) {
      pages.startRowGroup(store.getPageReader(descriptor));
      return;
    }
    this.reader = new ColumnReaderImpl(descriptor, store.getPageReader(descriptor), NO_CONVERTER, writerVersion);
  }

  /** The column's index in the projection (and its batches). */
  int position() {
    return position;
  }

  /** Whether {@link #read} writes every value slot of the vector, so its data buffer need not be zeroed first. */
  boolean writesEveryValue() {
    return pages != null && pages.writesEveryValue();
  }

  /** Decodes the next {@code count} values into rows 0..count-1 of the batch. */
  void read(VectorSchemaRoot batch, int count) {
    if (pages != null) {
      pages.read(batch.getVector(position), count);
      return;
    }
    sink.bind(batch.getVector(position));
    sink.readColumn(reader, count, descriptor.getMaxDefinitionLevel());
  }

  /**
   * Whether the column can skip values and decode only selected rows ({@link #read(VectorSchemaRoot, int, int[],
   * int)}, {@link #skip}): when it is decoded page by page.
   */
  boolean selective() {
    return pages != null;
  }

  /**
   * Of the next {@code count} values, decodes those of rows {@code rows[0..selected)} (increasing) into the same
   * rows of the batch; the other rows stay null. Only where {@link #selective()}.
   */
  void read(VectorSchemaRoot batch, int count, int[] rows, int selected) {
    pages.read(batch.getVector(position), count, rows, selected);
  }

  /** Passes over the next {@code count} values without decoding them. Only where {@link #selective()}. */
  void skip(int count) {
    pages.skip(count);
  }
}
