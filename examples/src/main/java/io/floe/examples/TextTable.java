package io.floe.examples;

import io.floe.engine.QueryResult;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The rows of a query result as Java values, and as a small text table for a terminal. */
public record TextTable(List<String> columns, List<List<Object>> rows) {
  private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
      .withZone(ZoneOffset.UTC);

  /** Reads every row of {@code result} (and closes it). */
  public static TextTable of(QueryResult result) throws SQLException {
    try (result) {
      List<List<Object>> rows = new ArrayList<>();
      for (VectorSchemaRoot next; (next = result.nextBatch()) != null; ) {
        try (VectorSchemaRoot batch = next) {
          for (int r = 0; r < batch.getRowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (FieldVector vector : batch.getFieldVectors()) {
              row.add(value(vector, r));
            }
            rows.add(row);
          }
        }
      }
      return new TextTable(result.columnNames(), rows);
    }
  }

  private static Object value(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    }
    if (vector instanceof DateDayVector dates) {
      return LocalDate.ofEpochDay(dates.get(row));
    }
    if (vector instanceof TimeStampMicroTZVector instants) {
      long micros = instants.get(row);
      return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
    Object value = vector.getObject(row);
    return value instanceof org.apache.arrow.vector.util.Text ? value.toString() : value;
  }

  /** The value at {@code row}, {@code column}. */
  public Object get(int row, int column) {
    return rows.get(row).get(column);
  }

  /** The table as text, one line per row, each line indented by {@code indent}; numbers right-aligned. */
  public String render(String indent) {
    int[] widths = new int[columns.size()];
    List<List<String>> cells = new ArrayList<>();
    for (List<Object> row : rows) {
      List<String> line = new ArrayList<>();
      for (int c = 0; c < row.size(); c++) {
        line.add(format(row.get(c), columns.get(c)));
      }
      cells.add(line);
    }
    for (int c = 0; c < widths.length; c++) {
      widths[c] = columns.get(c).length();
      for (List<String> line : cells) {
        widths[c] = Math.max(widths[c], line.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    appendLine(out, indent, columns, widths, null);
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
    }
    out.append(indent).append(rule).append('\n');
    for (int r = 0; r < cells.size(); r++) {
      appendLine(out, indent, cells.get(r), widths, rows.get(r));
    }
    return out.toString();
  }

  private static void appendLine(StringBuilder out, String indent, List<String> cells, int[] widths, List<Object> values) {
    out.append(indent);
    for (int c = 0; c < widths.length; c++) {
      boolean number = values != null && values.get(c) instanceof Number;
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      out.append(c == 0 ? "" : " | ").append(number ? pad + cell : cell + (c == widths.length - 1 ? "" : pad));
    }
    out.append('\n');
  }

  private static String format(Object value, String column) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof BigDecimal decimal) {
      return String.format(decimal.abs().compareTo(BigDecimal.ONE) < 0 ? "%,.4f" : "%,.2f", decimal);
    }
    if (value instanceof Long || value instanceof Integer) {
      return column.endsWith("_id") || column.endsWith("key") ? value.toString() : String.format("%,d", value);
    }
    if (value instanceof Double || value instanceof Float) {
      return String.format("%,.4f", value);
    }
    if (value instanceof Instant instant) {
      return INSTANT.format(instant);
    }
    return value.toString();
  }
}
