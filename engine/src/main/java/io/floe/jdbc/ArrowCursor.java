package io.floe.jdbc;

import io.floe.engine.exec.ArrowBatches;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** A cursor over a query's Arrow batches, pulled one batch at a time as the rows are read. */
final class ArrowCursor implements Cursor {
  /** Where the batches come from. */
  interface Batches extends AutoCloseable {
    /** The next batch (the cursor closes it), or null at the end. */
    VectorSchemaRoot next() throws SQLException;

    @Override
    void close();
  }

  private static final long MICROS_PER_SECOND = 1_000_000L;

  private final List<ColumnInfo> columns;
  private final List<Field> fields;
  /** What nested values' parts are, per field of the schema (computed once, not per value). */
  private final Map<Field, Part> parts = new IdentityHashMap<>();
  private final Batches batches;
  private final long maxRows;
  private VectorSchemaRoot batch;
  /** The current batch's columns in the engine's representation, read when first asked for. */
  private Object[][] values;
  private int row;
  private long rowsSeen;
  private boolean done;

  /** A cursor over {@code batches} of {@code schema}, stopping after {@code maxRows} rows (0: no limit). */
  ArrowCursor(Schema schema, Batches batches, long maxRows) {
    this.fields = schema.getFields();
    this.columns = fields.stream().map(ColumnInfo::of).toList();
    this.batches = batches;
    this.maxRows = maxRows;
  }

  @Override
  public List<ColumnInfo> columns() {
    return columns;
  }

  @Override
  public boolean next() throws SQLException {
    if (done) {
      return false;
    }
    if (maxRows > 0 && rowsSeen >= maxRows) {
      close();
      return false;
    }
    row++;
    while (batch == null || row >= batch.getRowCount()) {
      closeBatch();
      try {
        batch = batches.next();
      } catch (SQLException e) {
        close();
        throw e;
      }
      row = 0;
      values = new Object[columns.size()][];
      if (batch == null) {
        close();
        return false;
      }
    }
    rowsSeen++;
    return true;
  }

  @Override
  public Object value(int column) {
    if (values[column] == null) {
      values[column] = ArrowBatches.read(batch.getVector(column), batch.getRowCount());
    }
    Object value = values[column][row];
    if (value == null) {
      return null;
    }
    int jdbcType = columns.get(column).jdbcType();
    return JdbcTypes.isNested(jdbcType) ? nested(value, fields.get(column)) : jdbcValue(value, jdbcType);
  }

  /** A field of a nested value: its JDBC view and, for a ROW, its fields' names. */
  private record Part(ColumnInfo info, List<String> fieldNames) {
  }

  private Part part(Field field) {
    return parts.computeIfAbsent(field, f -> new Part(ColumnInfo.of(f),
        f.getChildren().stream().map(Field::getName).toList()));
  }

  /**
   * An ARRAY ({@link FloeArray}), MAP ({@link Map}) or ROW ({@link FloeStruct}) value whose elements, keys, values
   * and fields are what {@code getObject} returns for their types.
   */
  private Object nested(Object value, Field field) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Map) {
      List<Field> entry = field.getChildren().get(0).getChildren();
      Map<Object, Object> map = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> map.put(element(k, entry.get(0)), element(v, entry.get(1))));
      return Collections.unmodifiableMap(map);
    }
    List<?> items = (List<?>) value;
    Object[] out = new Object[items.size()];
    List<Field> children = field.getChildren();
    for (int i = 0; i < out.length; i++) {
      out[i] = element(items.get(i), type instanceof ArrowType.List ? children.get(0) : children.get(i));
    }
    return type instanceof ArrowType.List ? new FloeArray(part(children.get(0)).info(), out)
        : new FloeStruct(part(field).fieldNames(), out);
  }

  private Object element(Object value, Field field) {
    if (value == null) {
      return null;
    }
    int jdbcType = part(field).info().jdbcType();
    if (JdbcTypes.isNested(jdbcType)) {
      return nested(value, field);
    }
    try {
      return ValueConversions.standard(jdbcValue(value, jdbcType), jdbcType);
    } catch (SQLException e) {
      throw new IllegalStateException("element " + field.getName() + " of a nested value: " + e.getMessage(), e);
    }
  }

  /** A value in the engine's representation as the cursor's class for the column's JDBC type. */
  private static Object jdbcValue(Object value, int jdbcType) {
    switch (jdbcType) {
      case Types.TINYINT:
        return ((Number) value).byteValue();
      case Types.SMALLINT:
        return ((Number) value).shortValue();
      case Types.INTEGER:
        return ((Number) value).intValue();
      case Types.REAL:
        return ((Number) value).floatValue();
      case Types.DATE:
        return LocalDate.ofEpochDay(((Number) value).longValue());
      case Types.TIME:
        return LocalTime.ofNanoOfDay((Long) value * 1000L);
      case Types.TIMESTAMP:
        return utc((Long) value);
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return utc((Long) value).atOffset(ZoneOffset.UTC);
      default:
        return value;
    }
  }

  private static LocalDateTime utc(long micros) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
        (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000, ZoneOffset.UTC);
  }

  private void closeBatch() {
    if (batch != null) {
      batch.close();
      batch = null;
    }
  }

  @Override
  public void close() {
    done = true;
    closeBatch();
    batches.close();
  }
}
