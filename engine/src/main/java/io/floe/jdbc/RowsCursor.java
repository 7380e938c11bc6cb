package io.floe.jdbc;

import java.util.List;

/** A cursor over rows held in memory (database metadata answers). */
final class RowsCursor implements Cursor {
  private final List<ColumnInfo> columns;
  private final List<Object[]> rows;
  private int position = -1;

  RowsCursor(List<ColumnInfo> columns, List<Object[]> rows) {
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
  }

  @Override
  public List<ColumnInfo> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    if (position < rows.size()) {
      position++;
    }
    return position < rows.size();
  }

  @Override
  public Object value(int column) {
    return rows.get(position)[column];
  }

  @Override
  public void close() {
    position = rows.size();
  }
}
