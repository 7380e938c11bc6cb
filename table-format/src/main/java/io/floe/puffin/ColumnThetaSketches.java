package io.floe.puffin;

import io.floe.arrow.ArrowRowView;
import io.floe.arrow.ArrowRows;
import io.floe.arrow.ArrowSchemas;
import io.floe.data.Record;
import io.floe.metadata.StatisticsFile;
import io.floe.types.ByteBuffers;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.SingleValueSerialization;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.datasketches.common.Family;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Sketch;
import org.apache.datasketches.theta.Union;
import org.apache.datasketches.theta.UpdateSketch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Theta sketches of table columns, for the Puffin blob type {@value #BLOB_TYPE}: per the Puffin spec, one Alpha
 * family sketch with the default seed per column, fed with each non-null value in Iceberg's single-value
 * serialization ({@link SingleValueSerialization}), so that Iceberg, Trino and Spark read the same distinct counts.
 *
 * <p>Fed Arrow batches of {@link ArrowSchemas}' types; top-level primitive columns are sketched, nested ones and
 * fields inside them skipped. Fixed-width values, strings and binaries are serialized straight from the vectors'
 * buffers into reused arrays (strings and binaries longer than {@value #MAX_REUSED_LENGTH} bytes get a new one);
 * uuid and fixed values go through {@link SingleValueSerialization}. Not thread-safe.
 */
public final class ColumnThetaSketches {
  /** The Puffin blob type of a theta sketch. */
  public static final String BLOB_TYPE = "apache-datasketches-theta-v1";
  /** The blob property holding the distinct count estimate, in decimal digits. */
  public static final String NDV_PROPERTY = "ndv";

  private static final Logger LOG = LoggerFactory.getLogger(ColumnThetaSketches.class);
  private static final int MAX_REUSED_LENGTH = 256;
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * A column's sketch: the compact sketch (the blob's bytes) and its distinct count estimate, rounded. The estimate
   * is the compact sketch's, which readers of the blob get too (an Alpha update sketch estimates a little
   * differently); Iceberg's Spark action also takes it from the compact sketch.
   */
  public record Result(int fieldId, byte[] compactSketch, long ndv) {
    /** The Puffin blob of this sketch, with the {@value #NDV_PROPERTY} property. */
    public PuffinBlob toBlob(long snapshotId, long sequenceNumber, PuffinCodec codec) {
      return new PuffinBlob(BLOB_TYPE, List.of(fieldId), snapshotId, sequenceNumber, compactSketch, codec,
          Map.of(NDV_PROPERTY, Long.toString(ndv)));
    }
  }

  /** A sketched column: its field, its position among the schema's columns (for rows), its sketch. */
  private record Column(NestedField field, int position, UpdateSketch sketch) {
  }

  private final List<Column> columns = new ArrayList<>();
  /** Reused arrays by length, for the serialized values of up to {@link #MAX_REUSED_LENGTH} bytes. */
  private final byte[][] arrays = new byte[MAX_REUSED_LENGTH + 1][];
  private final byte[] decimal = new byte[16];

  /** Sketches of these columns of the table schema; ids of nested columns, or of fields inside them, are skipped. */
  public ColumnThetaSketches(Schema schema, Collection<Integer> fieldIds) {
    for (int id : fieldIds) {
      NestedField field = schema.findField(id);
      if (field == null) {
        throw new IllegalArgumentException("no field with id " + id + " in schema " + schema.columnNames());
      }
      if (!field.type().isPrimitive() || !schema.columns().contains(field)) {
        LOG.debug("not sketching field {} ('{}'): only top-level primitive columns are", id, schema.findColumnName(id));
        continue;
      }
      columns.add(new Column(field, schema.columns().indexOf(field),
          UpdateSketch.builder().setFamily(Family.ALPHA).build()));
    }
  }

  /**
   * The distinct count estimates a statistics file lists: the {@value #NDV_PROPERTY} of each of its theta sketch
   * blobs over one field, by field id (a value that is not a count is left out, with a warning).
   */
  public static Map<Integer, Long> distinctCounts(StatisticsFile file) {
    Map<Integer, Long> counts = new HashMap<>();
    for (StatisticsFile.BlobMetadata blob : file.blobMetadata()) {
      String ndv = blob.properties().get(NDV_PROPERTY);
      if (BLOB_TYPE.equals(blob.type()) && blob.fields().size() == 1 && ndv != null) {
        try {
          counts.put(blob.fields().get(0), Long.parseLong(ndv.trim()));
        } catch (NumberFormatException e) {
          LOG.warn("statistics file {}: ndv '{}' of field {} is not a count; left out", file.path(), ndv,
              blob.fields().get(0));
        }
      }
    }
    return counts;
  }

  /** The ids of the sketched columns. */
  public List<Integer> fieldIds() {
    return columns.stream().map(c -> c.field().id()).toList();
  }

  /** Adds the non-null values of the sketched columns of a batch, found by field id (else by name). */
  public void update(VectorSchemaRoot batch) {
    for (Column column : columns) {
      update(column, find(batch, column.field()), batch.getRowCount());
    }
  }

  /** Adds the non-null values of the sketched columns of a batch whose vectors are the schema's columns, in order. */
  public void updateByPosition(VectorSchemaRoot batch) {
    for (Column column : columns) {
      update(column, batch.getVector(column.position()), batch.getRowCount());
    }
  }

  private void update(Column column, FieldVector vector, int rows) {
    PrimitiveType type = column.field().type().asPrimitive();
    UpdateSketch sketch = column.sketch();
    switch (type.typeId()) {
      case BOOLEAN -> {
        if (vector instanceof BitVector bits) {
          updateBooleans(bits, rows, sketch);
        } else {
          updateGeneric(column.field(), vector, rows, sketch);
        }
      }
      case INT, DATE, FLOAT -> {
        if (isFixedWidth(vector, 4)) {
          updateFixedWidth((BaseFixedWidthVector) vector, 4, rows, sketch);
        } else {
          updateGeneric(column.field(), vector, rows, sketch);
        }
      }
      case LONG, TIME, TIMESTAMP, TIMESTAMPTZ, DOUBLE -> {
        if (isFixedWidth(vector, 8)) {
          updateFixedWidth((BaseFixedWidthVector) vector, 8, rows, sketch);
        } else {
          updateGeneric(column.field(), vector, rows, sketch);
        }
      }
      case DECIMAL -> {
        if (vector instanceof DecimalVector d && d.getScale() == type.scale()) {
          updateDecimals(d, rows, sketch);
        } else {
          updateGeneric(column.field(), vector, rows, sketch);
        }
      }
      case STRING, BINARY -> {
        if (vector instanceof BaseVariableWidthVector v) {
          updateVariableWidth(v, rows, sketch);
        } else {
          updateGeneric(column.field(), vector, rows, sketch);
        }
      }
      default -> updateGeneric(column.field(), vector, rows, sketch);
    }
  }

  /**
   * Adds the non-null values of the sketched columns of one row of the schema, in their internal form
   * ({@link io.floe.data.Values#toInternal}), serialized as {@link SingleValueSerialization} does.
   */
  public void update(Record row) {
    for (Column column : columns) {
      Object value = row.get(column.position());
      if (value == null) {
        continue;
      }
      UpdateSketch sketch = column.sketch();
      switch (column.field().type().asPrimitive().typeId()) {
        case INT, DATE -> {
          byte[] bytes = array(4);
          INT_LE.set(bytes, 0, (int) (Integer) value);
          sketch.update(bytes);
        }
        case LONG, TIME, TIMESTAMP, TIMESTAMPTZ -> {
          byte[] bytes = array(8);
          LONG_LE.set(bytes, 0, (long) (Long) value);
          sketch.update(bytes);
        }
        case DOUBLE -> {
          byte[] bytes = array(8);
          LONG_LE.set(bytes, 0, Double.doubleToRawLongBits((Double) value));
          sketch.update(bytes);
        }
        case STRING -> sketch.update(value.toString().getBytes(StandardCharsets.UTF_8));
        case DECIMAL -> sketch.update(SingleValueSerialization.unscaledBytes(column.field().type().asPrimitive(),
            (BigDecimal) value));
        default -> sketch.update(ByteBuffers.toByteArray(
            SingleValueSerialization.toBytes(column.field().type(), value)));
      }
    }
  }

  /**
   * The union of sketches of one field made from different rows, as one sketch fed every row would estimate
   * (exactly so while the rows hold fewer distinct values than a sketch keeps).
   */
  public static Result union(int fieldId, List<byte[]> compactSketches) {
    Union union = SetOperation.builder().buildUnion();
    for (byte[] sketch : compactSketches) {
      union.union(Sketch.wrap(Memory.wrap(sketch)));
    }
    CompactSketch result = union.getResult();
    return new Result(fieldId, result.toByteArray(), Math.round(result.getEstimate()));
  }

  /** The sketches so far, by field id in the order the ids were given. */
  public Map<Integer, Result> results() {
    Map<Integer, Result> results = new LinkedHashMap<>();
    for (Column column : columns) {
      int id = column.field().id();
      CompactSketch compact = column.sketch().compact();
      results.put(id, new Result(id, compact.toByteArray(), Math.round(compact.getEstimate())));
    }
    return results;
  }

  private static FieldVector find(VectorSchemaRoot batch, NestedField field) {
    FieldVector byName = null;
    for (FieldVector vector : batch.getFieldVectors()) {
      if (ArrowSchemas.fieldId(vector.getField()) == field.id()) {
        return vector;
      }
      if (byName == null && vector.getName().equals(field.name())) {
        byName = vector;
      }
    }
    if (byName == null) {
      throw new IllegalArgumentException("the batch has no column with field id " + field.id() + " ('" + field.name()
          + "'), only " + batch.getSchema().getFields());
    }
    return byName;
  }

  private static boolean isFixedWidth(FieldVector vector, int width) {
    return vector instanceof BaseFixedWidthVector v && !(vector instanceof BitVector) && v.getTypeWidth() == width;
  }

  private void updateBooleans(BitVector vector, int rows, UpdateSketch sketch) {
    byte[] bytes = array(1);
    for (int i = 0; i < rows; i++) {
      if (!vector.isNull(i)) {
        bytes[0] = (byte) vector.get(i);
        sketch.update(bytes);
      }
    }
  }

  /**
   * int, date and float: 4 bytes; long, time, timestamps and double: 8 bytes; little-endian (a float's or double's
   * raw bits, as Arrow holds them).
   */
  private void updateFixedWidth(BaseFixedWidthVector vector, int width, int rows, UpdateSketch sketch) {
    ArrowBuf data = vector.getDataBuffer();
    byte[] bytes = array(width);
    for (int i = 0; i < rows; i++) {
      if (!vector.isNull(i)) {
        if (width == 4) {
          INT_LE.set(bytes, 0, data.getInt(4L * i));
        } else {
          LONG_LE.set(bytes, 0, data.getLong(8L * i));
        }
        sketch.update(bytes);
      }
    }
  }

  /** The unscaled value's shortest big-endian two's complement bytes, as {@code BigInteger.toByteArray()}. */
  private void updateDecimals(DecimalVector vector, int rows, UpdateSketch sketch) {
    ArrowBuf data = vector.getDataBuffer();
    for (int i = 0; i < rows; i++) {
      if (vector.isNull(i)) {
        continue;
      }
      data.getBytes(16L * i, decimal, 0, 16); // little-endian two's complement
      int length = 16;
      while (length > 1 && (decimal[length - 1] == 0 && decimal[length - 2] >= 0
          || decimal[length - 1] == -1 && decimal[length - 2] < 0)) {
        length--;
      }
      byte[] bytes = array(length);
      for (int b = 0; b < length; b++) {
        bytes[b] = decimal[length - 1 - b];
      }
      sketch.update(bytes);
    }
  }

  /** Strings (UTF-8, as Arrow holds them) and binaries: their bytes. */
  private void updateVariableWidth(BaseVariableWidthVector vector, int rows, UpdateSketch sketch) {
    ArrowBuf data = vector.getDataBuffer();
    for (int i = 0; i < rows; i++) {
      if (!vector.isNull(i)) {
        int start = vector.getStartOffset(i);
        int length = vector.getEndOffset(i) - start;
        byte[] bytes = array(length);
        data.getBytes(start, bytes, 0, length);
        sketch.update(bytes);
      }
    }
  }

  /** Any other vector: its internal values, serialized by {@link SingleValueSerialization}. */
  private static void updateGeneric(NestedField field, FieldVector vector, int rows, UpdateSketch sketch) {
    ArrowRowView row = ArrowRows.rowView(new VectorSchemaRoot(List.of(vector)), new Schema(List.of(field)), 0);
    for (int i = 0; i < rows; i++) {
      Object value = row.at(i).get(0);
      if (value != null) {
        sketch.update(ByteBuffers.toByteArray(SingleValueSerialization.toBytes(field.type(), value)));
      }
    }
  }

  private byte[] array(int length) {
    if (length > MAX_REUSED_LENGTH) {
      return new byte[length];
    }
    byte[] array = arrays[length];
    if (array == null) {
      array = new byte[length];
      arrays[length] = array;
    }
    return array;
  }
}
