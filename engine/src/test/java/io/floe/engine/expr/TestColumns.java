package io.floe.engine.expr;

import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import io.floe.engine.planner.FloeTypeSystem;

/** Typed columns for kernel tests; null arguments are SQL NULLs. */
final class TestColumns {
  static final JavaTypeFactoryImpl TYPES = new JavaTypeFactoryImpl(FloeTypeSystem.INSTANCE);

  private TestColumns() {
  }

  static RelDataType type(SqlTypeName name) {
    return TYPES.createSqlType(name);
  }

  static RelDataType decimal(int precision, int scale) {
    return TYPES.createSqlType(SqlTypeName.DECIMAL, precision, scale);
  }

  static BytesColumn text(String... values) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int[] starts = new int[values.length];
    int[] lengths = new int[values.length];
    boolean[] nulls = new boolean[values.length];
    boolean any = false;
    for (int i = 0; i < values.length; i++) {
      starts[i] = data.size();
      if (values[i] == null) {
        nulls[i] = true;
        any = true;
      } else {
        byte[] b = values[i].getBytes(StandardCharsets.UTF_8);
        data.write(b, 0, b.length);
        lengths[i] = b.length;
      }
    }
    return new BytesColumn(data.toByteArray(), starts, lengths, any ? nulls : null, values.length, true);
  }

  static LongColumn longs(LongColumn.Kind kind, int scale, Long... values) {
    long[] v = new long[values.length];
    boolean[] nulls = new boolean[values.length];
    boolean any = false;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        nulls[i] = true;
        any = true;
      } else {
        v[i] = values[i];
      }
    }
    return new LongColumn(v, any ? nulls : null, values.length, kind, scale);
  }

  static LongColumn integers(Long... values) {
    return longs(LongColumn.Kind.INTEGER, 0, values);
  }

  static LongColumn dates(Long... days) {
    return longs(LongColumn.Kind.DATE, 0, days);
  }

  /** Decimals at {@code scale} from their text. */
  static LongColumn decimals(int scale, String... values) {
    Long[] unscaled = new Long[values.length];
    for (int i = 0; i < values.length; i++) {
      unscaled[i] = values[i] == null ? null : new BigDecimal(values[i]).setScale(scale).unscaledValue().longValueExact();
    }
    return longs(LongColumn.Kind.DECIMAL, scale, unscaled);
  }

  static DoubleColumn doubles(double... values) {
    return new DoubleColumn(values, null, values.length);
  }

  static Object[] values(Column c) {
    return c.toArray();
  }
}
