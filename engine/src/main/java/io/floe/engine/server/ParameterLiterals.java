package io.floe.engine.server;

import io.floe.jdbc.SqlLiterals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.BaseIntVector;

/**
 * Bound parameter values (Arrow vectors of a parameter batch) as Java values ({@code Long}, {@code BigDecimal},
 * {@code String}, {@code LocalDate}, {@code LocalDateTime}, {@code Instant}, ...) and as SQL literals of their type.
 */
final class ParameterLiterals {
  private ParameterLiterals() {
  }

  /** The rows of a parameter batch: their values, and their SQL literals. */
  record Rows(List<Object[]> values, List<List<String>> literals) {
  }

  /** The values and literals of each row of {@code parameters}, one per column. */
  static Rows rows(VectorSchemaRoot parameters) {
    List<Object[]> values = new ArrayList<>();
    List<List<String>> literals = new ArrayList<>();
    List<FieldVector> vectors = parameters.getFieldVectors();
    for (int row = 0; row < parameters.getRowCount(); row++) {
      Object[] rowValues = new Object[vectors.size()];
      List<String> rowLiterals = new ArrayList<>();
      for (int c = 0; c < rowValues.length; c++) {
        rowValues[c] = value(vectors.get(c), row);
        rowLiterals.add(literal(rowValues[c], vectors.get(c).getField().getType()));
      }
      values.add(rowValues);
      literals.add(rowLiterals);
    }
    return new Rows(values, literals);
  }

  /** Row {@code row} of {@code vector} as a Java value; null for NULL. */
  static Object value(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    }
    if (vector instanceof BaseIntVector v) {
      return v.getValueAsLong(row);
    } else if (vector instanceof Float4Vector v) {
      return v.get(row);
    } else if (vector instanceof FloatingPointVector v) {
      return v.getValueAsDouble(row);
    } else if (vector instanceof DecimalVector v) {
      return v.getObject(row);
    } else if (vector instanceof VarCharVector v) {
      return new String(v.get(row), StandardCharsets.UTF_8);
    } else if (vector instanceof BitVector v) {
      return v.get(row) != 0;
    } else if (vector instanceof DateDayVector v) {
      return LocalDate.ofEpochDay(v.get(row));
    } else if (vector instanceof DateMilliVector v) {
      return LocalDate.ofEpochDay(Math.floorDiv(v.get(row), 86_400_000L));
    } else if (vector instanceof TimeStampVector v) {
      return timestamp(v, row);
    } else if (vector instanceof TimeMicroVector v) {
      return LocalTime.ofNanoOfDay(v.get(row) * 1000);
    } else if (vector instanceof TimeMilliVector v) {
      return LocalTime.ofNanoOfDay(v.get(row) * 1_000_000L);
    } else if (vector instanceof VarBinaryVector v) {
      return v.get(row);
    } else if (vector instanceof FixedSizeBinaryVector v) {
      return v.get(row);
    }
    throw new IllegalArgumentException("not supported: parameters of Arrow type " + vector.getField().getType());
  }

  /** A timestamp without zone as its local date and time; one with a zone as an instant. */
  private static Object timestamp(TimeStampVector vector, int row) {
    ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
    long value = vector.get(row);
    long micros = switch (type.getUnit()) {
      case SECOND -> Math.multiplyExact(value, 1_000_000L);
      case MILLISECOND -> Math.multiplyExact(value, 1000L);
      case MICROSECOND -> value;
      case NANOSECOND -> Math.floorDiv(value, 1000L);
    };
    Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1000);
    return type.getTimezone() == null ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : instant;
  }

  /**
   * {@code value} (from {@link #value}) as a SQL literal of the parameter's Arrow type: a NULL and a decimal typed by
   * it, any other value as the JDBC driver writes it ({@link SqlLiterals}).
   */
  static String literal(Object value, ArrowType type) {
    if (value == null) {
      return "CAST(NULL AS " + sqlType(type) + ")";
    } else if (value instanceof BigDecimal d) {
      return "CAST(" + d.toPlainString() + " AS " + sqlType(type) + ")";
    }
    try {
      return SqlLiterals.of(value);
    } catch (SQLException e) {
      throw new IllegalArgumentException("not supported: " + e.getMessage(), e);
    }
  }

  /** A SQL string literal of {@code text}. */
  static String quote(String text) {
    return literal(text, ArrowType.Utf8.INSTANCE);
  }

  /** The SQL type of a parameter's Arrow type (for typed NULLs and decimal casts). */
  static String sqlType(ArrowType type) {
    if (type instanceof ArrowType.Int i) {
      return switch (i.getBitWidth()) {
        case 8 -> "TINYINT";
        case 16 -> "SMALLINT";
        case 32 -> "INTEGER";
        default -> "BIGINT";
      };
    } else if (type instanceof ArrowType.FloatingPoint f) {
      return f.getPrecision() == org.apache.arrow.vector.types.FloatingPointPrecision.SINGLE ? "REAL" : "DOUBLE";
    } else if (type instanceof ArrowType.Decimal d) {
      return "DECIMAL(" + d.getPrecision() + ", " + d.getScale() + ")";
    } else if (type instanceof ArrowType.Bool) {
      return "BOOLEAN";
    } else if (type instanceof ArrowType.Date) {
      return "DATE";
    } else if (type instanceof ArrowType.Time) {
      return "TIME";
    } else if (type instanceof ArrowType.Timestamp t) {
      return t.getTimezone() == null ? "TIMESTAMP" : "TIMESTAMP WITH LOCAL TIME ZONE";
    } else if (type instanceof ArrowType.Binary || type instanceof ArrowType.FixedSizeBinary) {
      return "VARBINARY";
    }
    return "VARCHAR";
  }
}
