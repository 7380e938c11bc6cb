package io.floe.engine.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Prints a result set as an aligned text table (numbers right-aligned, NULL shown) or as CSV (RFC 4180). */
final class ResultPrinter {
  private final PrintStream out;
  private final boolean csv;

  ResultPrinter(PrintStream out, String format) {
    this.out = out;
    this.csv = format.equals("csv");
  }

  /** Prints all rows of {@code rs}; returns how many. */
  long print(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int columns = md.getColumnCount();
    List<String> header = new ArrayList<>();
    boolean[] rightAligned = new boolean[columns];
    for (int c = 1; c <= columns; c++) {
      header.add(md.getColumnLabel(c));
      rightAligned[c - 1] = isNumber(md.getColumnType(c));
    }
    if (csv) {
      out.println(csvLine(header));
    }
    List<List<String>> rows = new ArrayList<>();
    long count = 0;
    while (rs.next()) {
      List<String> row = new ArrayList<>(columns);
      for (int c = 1; c <= columns; c++) {
        String value = rs.getString(c);
        row.add(value == null ? (csv ? "" : "NULL") : value);
      }
      count++;
      if (csv) {
        out.println(csvLine(row));
      } else {
        rows.add(row);
      }
    }
    if (!csv) {
      printTable(header, rows, rightAligned);
      out.println(count + (count == 1 ? " row" : " rows"));
    }
    out.flush();
    return count;
  }

  private static boolean isNumber(int type) {
    switch (type) {
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
      case Types.REAL:
      case Types.FLOAT:
      case Types.DOUBLE:
      case Types.DECIMAL:
      case Types.NUMERIC:
        return true;
      default:
        return false;
    }
  }

  private void printTable(List<String> header, List<List<String>> rows, boolean[] rightAligned) {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    String rule = rule(widths);
    out.println(rule);
    out.println(line(header, widths, new boolean[widths.length]));
    out.println(rule);
    for (List<String> row : rows) {
      out.println(line(row, widths, rightAligned));
    }
    out.println(rule);
  }

  private static String rule(int[] widths) {
    StringBuilder line = new StringBuilder("+");
    for (int width : widths) {
      line.append("-".repeat(width + 2)).append('+');
    }
    return line.toString();
  }

  private static String line(List<String> values, int[] widths, boolean[] rightAligned) {
    StringBuilder line = new StringBuilder("|");
    for (int c = 0; c < widths.length; c++) {
      String value = values.get(c);
      String pad = " ".repeat(widths[c] - value.length());
      line.append(' ').append(rightAligned[c] ? pad + value : value + pad).append(" |");
    }
    return line.toString();
  }

  private static String csvLine(List<String> values) {
    List<String> quoted = new ArrayList<>(values.size());
    for (String value : values) {
      boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
          || (!value.isEmpty() && (Character.isWhitespace(value.charAt(0))
              || Character.isWhitespace(value.charAt(value.length() - 1))));
      quoted.add(quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
    }
    return String.join(",", quoted);
  }
}
