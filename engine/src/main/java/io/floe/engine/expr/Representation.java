package io.floe.engine.expr;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The typed column a SQL type is held in: longs of a kind (and decimal scale), doubles, booleans, UTF-8 text or
 * binary bytes; {@code OTHER} for types only boxed columns hold.
 */
record Representation(Storage storage, LongColumn.Kind kind, int scale) {
  /** The column class. */
  enum Storage { LONG, DOUBLE, BOOL, TEXT, BINARY, OTHER }

  static Representation of(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    switch (name) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case TIME:
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return new Representation(Storage.LONG, LongColumn.Kind.INTEGER, 0);
      case DATE:
        return new Representation(Storage.LONG, LongColumn.Kind.DATE, 0);
      case DECIMAL:
        return new Representation(Storage.LONG, LongColumn.Kind.DECIMAL, type.getScale());
      case REAL:
      case FLOAT:
      case DOUBLE:
        return new Representation(Storage.DOUBLE, null, 0);
      case BOOLEAN:
        return new Representation(Storage.BOOL, null, 0);
      case CHAR:
      case VARCHAR:
        return new Representation(Storage.TEXT, null, 0);
      case BINARY:
      case VARBINARY:
        return new Representation(Storage.BINARY, null, 0);
      default:
        if (SqlTypeName.INTERVAL_TYPES.contains(name)) {
          return new Representation(Storage.LONG, LongColumn.Kind.INTEGER, 0);
        }
        return new Representation(Storage.OTHER, null, 0);
    }
  }

  /** Whether {@code c} is held exactly this way. */
  boolean holds(Column c) {
    switch (storage) {
      case LONG:
        return c instanceof LongColumn l && l.kind() == kind && l.scale() == scale;
      case DOUBLE:
        return c instanceof DoubleColumn;
      case BOOL:
        return c instanceof BoolColumn;
      case TEXT:
        return c instanceof BytesColumn b && b.text();
      case BINARY:
        return c instanceof BytesColumn b && !b.text();
      default:
        return false;
    }
  }

  /** A column of {@code n} NULLs in this representation (boxed for {@code OTHER}). */
  Column nulls(int n) {
    boolean[] nulls = new boolean[n];
    java.util.Arrays.fill(nulls, true);
    switch (storage) {
      case LONG:
        return new LongColumn(new long[n], nulls, n, kind, scale);
      case DOUBLE:
        return new DoubleColumn(new double[n], nulls, n);
      case BOOL:
        return new BoolColumn(new boolean[n], nulls, n);
      case TEXT:
      case BINARY:
        return new BytesColumn(new byte[0], new int[n], new int[n], nulls, n, storage == Storage.TEXT);
      default:
        return new io.floe.engine.exec.ObjectColumn(new Object[n]);
    }
  }
}
