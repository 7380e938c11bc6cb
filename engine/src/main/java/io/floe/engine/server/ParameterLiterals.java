package io.floe.engine.server;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.BaseIntVector;

/** Renders bound parameter values (Arrow vectors of a parameter batch) as SQL literals with their SQL type. */
final class ParameterLiterals {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

  private ParameterLiterals() {
  }

  /** The literals of each row of {@code parameters}, one per column. */
  static List<List<String>> rows(VectorSchemaRoot parameters) {
    List<List<String>> rows = new ArrayList<>();
    for (int row = 0; row < parameters.getRowCount(); row++) {
      List<String> literals = new ArrayList<>();
      for (FieldVector vector : parameters.getFieldVectors()) {
        literals.add(literal(vector, row));
      }
      rows.add(literals);
    }
    return rows;
  }

  static String literal(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return "CAST(NULL AS " + sqlType(vector.getField().getType()) + ")";
    }
    if (vector instanceof BaseIntVector v) {
      return Long.toString(v.getValueAsLong(row));
    } else if (vector instanceof FloatingPointVector v) {
      double value = v.getValueAsDouble(row);
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("not supported: the parameter value " + value);
      }
      String text = Double.toString(value);
      return text.contains("E") ? text : text + "E0";
    } else if (vector instanceof DecimalVector v) {
      BigDecimal value = v.getObject(row);
      return "CAST(" + value.toPlainString() + " AS " + sqlType(vector.getField().getType()) + ")";
    } else if (vector instanceof VarCharVector v) {
      return quote(new String(v.get(row), StandardCharsets.UTF_8));
    } else if (vector instanceof BitVector v) {
      return v.get(row) != 0 ? "TRUE" : "FALSE";
    } else if (vector instanceof DateDayVector v) {
      return "DATE '" + LocalDate.ofEpochDay(v.get(row)) + "'";
    } else if (vector instanceof DateMilliVector v) {
      return "DATE '" + LocalDate.ofEpochDay(Math.floorDiv(v.get(row), 86_400_000L)) + "'";
    } else if (vector instanceof TimeStampVector v) {
      return timestamp(v, row);
    } else if (vector instanceof TimeMicroVector v) {
      return "TIME '" + LocalTime.ofNanoOfDay(v.get(row) * 1000).format(TIME) + "'";
    } else if (vector instanceof TimeMilliVector v) {
      return "TIME '" + LocalTime.ofNanoOfDay(v.get(row) * 1_000_000L).format(TIME) + "'";
    } else if (vector instanceof VarBinaryVector v) {
      return "X'" + HexFormat.of().formatHex(v.get(row)) + "'";
    } else if (vector instanceof FixedSizeBinaryVector v) {
      return "X'" + HexFormat.of().formatHex(v.get(row)) + "'";
    }
    throw new IllegalArgumentException("not supported: parameters of Arrow type " + vector.getField().getType());
  }

  private static String timestamp(TimeStampVector vector, int row) {
    ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
    long value = vector.get(row);
    long micros = switch (type.getUnit()) {
      case SECOND -> Math.multiplyExact(value, 1_000_000L);
      case MILLISECOND -> Math.multiplyExact(value, 1000L);
      case MICROSECOND -> value;
      case NANOSECOND -> Math.floorDiv(value, 1000L);
    };
    LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    String prefix = type.getTimezone() == null ? "TIMESTAMP '" : "TIMESTAMP WITH LOCAL TIME ZONE '";
    return prefix + time.format(TIMESTAMP) + "'";
  }

  /** A SQL string literal of {@code text}. */
  static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
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
