package io.floe.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Test helper: rows of a Floe result or a JDBC result as Java values, and their comparison. */
public final class ResultRows {
  private ResultRows() {
  }

  /** All rows of a Floe query result. */
  /** Runs {@code sql} in {@code session} and returns its rows, closing the result. */
  public static List<List<Object>> query(FloeSession session, String sql) throws SQLException {
    try (QueryResult result = session.execute(sql)) {
      return of(result);
    }
  }

  public static List<List<Object>> of(QueryResult result) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    VectorSchemaRoot batch;
    while ((batch = result.nextBatch()) != null) {
      try (VectorSchemaRoot b = batch) {
        for (int r = 0; r < b.getRowCount(); r++) {
          List<Object> row = new ArrayList<>();
          for (FieldVector v : b.getFieldVectors()) {
            row.add(value(v, r));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static Object value(FieldVector v, int r) {
    if (v.isNull(r)) {
      return null;
    }
    if (v instanceof DateDayVector d) {
      return LocalDate.ofEpochDay(d.get(r));
    }
    if (v instanceof org.apache.arrow.vector.complex.ListVector list
        && !(v instanceof org.apache.arrow.vector.complex.MapVector)) {
      List<Object> elements = new ArrayList<>();
      for (int e = list.getElementStartIndex(r); e < list.getElementEndIndex(r); e++) {
        elements.add(value(list.getDataVector(), e));
      }
      return elements;
    }
    Object o = v.getObject(r);
    if (o instanceof org.apache.arrow.vector.util.Text t) {
      return t.toString();
    }
    return o;
  }

  /** All rows of a JDBC result set. */
  public static List<List<Object>> of(ResultSet rs) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (int c = 1; c <= n; c++) {
        row.add(jdbcValue(rs.getObject(c)));
      }
      rows.add(row);
    }
    return rows;
  }

  /** A JDBC value as {@link #of(QueryResult)} gives it: dates as LocalDate, arrays as lists. */
  private static Object jdbcValue(Object o) throws SQLException {
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (o instanceof java.sql.Array array) {
      List<Object> elements = new ArrayList<>();
      for (Object element : (Object[]) array.getArray()) {
        elements.add(jdbcValue(element));
      }
      return elements;
    }
    return o;
  }

  /** Null when equal (decimals and integers exactly, doubles within 1e-6 + 1e-9 relative), else the difference. */
  public static String difference(List<List<Object>> expected, List<List<Object>> actual) {
    if (expected.size() != actual.size()) {
      return "expected " + expected.size() + " rows but got " + actual.size() + "\nexpected head: "
          + head(expected) + "\nactual head: " + head(actual);
    }
    for (int r = 0; r < expected.size(); r++) {
      List<Object> e = expected.get(r);
      List<Object> a = actual.get(r);
      if (e.size() != a.size()) {
        return "row " + r + ": expected " + e.size() + " columns but got " + a.size();
      }
      for (int c = 0; c < e.size(); c++) {
        if (!same(e.get(c), a.get(c))) {
          return "row " + r + " column " + c + ": expected " + e.get(c) + " but got " + a.get(c) + "\nexpected row "
              + e + "\nactual row   " + a;
        }
      }
    }
    return null;
  }

  private static String head(List<List<Object>> rows) {
    return rows.subList(0, Math.min(5, rows.size())).toString();
  }

  private static boolean same(Object e, Object a) {
    if (e == null || a == null) {
      return e == a;
    }
    if (e instanceof List<?> x && a instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (e instanceof Number x && a instanceof Number y) {
      if (exact(x) && exact(y)) {
        return decimal(x).compareTo(decimal(y)) == 0;
      }
      double dx = x.doubleValue();
      double dy = y.doubleValue();
      return Math.abs(dx - dy) <= 1e-6 + 1e-9 * Math.max(Math.abs(dx), Math.abs(dy));
    }
    return e.toString().equals(a.toString());
  }

  private static boolean exact(Number n) {
    return n instanceof BigDecimal || n instanceof BigInteger || n instanceof Long || n instanceof Integer
        || n instanceof Short || n instanceof Byte;
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    return BigDecimal.valueOf(n.longValue());
  }
}
