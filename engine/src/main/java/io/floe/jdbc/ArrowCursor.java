package io.floe.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
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
  private final Batches batches;
  private final long maxRows;
  private VectorSchemaRoot batch;
  private int row;
  private long rowsSeen;
  private boolean done;

  /** A cursor over {@code batches} of {@code schema}, stopping after {@code maxRows} rows (0: no limit). */
  ArrowCursor(Schema schema, Batches batches, long maxRows) {
    this.columns = schema.getFields().stream().map(ColumnInfo::of).toList();
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
    FieldVector vector = batch.getVector(column);
    return vector.isNull(row) ? null : read(vector, row);
  }

  private static Object read(FieldVector vector, int i) {
    if (vector instanceof BitVector v) {
      return v.get(i) != 0;
    } else if (vector instanceof TinyIntVector v) {
      return v.get(i);
    } else if (vector instanceof SmallIntVector v) {
      return v.get(i);
    } else if (vector instanceof IntVector v) {
      return v.get(i);
    } else if (vector instanceof BigIntVector v) {
      return v.get(i);
    } else if (vector instanceof Float4Vector v) {
      return v.get(i);
    } else if (vector instanceof Float8Vector v) {
      return v.get(i);
    } else if (vector instanceof DecimalVector v) {
      return v.getObject(i);
    } else if (vector instanceof VarCharVector v) {
      return new String(v.get(i), StandardCharsets.UTF_8);
    } else if (vector instanceof DateDayVector v) {
      return LocalDate.ofEpochDay(v.get(i));
    } else if (vector instanceof TimeMicroVector v) {
      return LocalTime.ofNanoOfDay(v.get(i) * 1000L);
    } else if (vector instanceof TimeStampVector v) {
      long micros = v.get(i);
      LocalDateTime utc = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
          (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000, ZoneOffset.UTC);
      return ((ArrowType.Timestamp) v.getField().getType()).getTimezone() == null ? utc : utc.atOffset(ZoneOffset.UTC);
    } else if (vector instanceof VarBinaryVector v) {
      return v.get(i);
    } else if (vector instanceof FixedSizeBinaryVector v) {
      return v.get(i);
    }
    return vector.getObject(i);
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
