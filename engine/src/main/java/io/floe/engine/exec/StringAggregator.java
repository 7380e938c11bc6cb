package io.floe.engine.exec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.sql.SqlKind;

/**
 * STRING_AGG(value, separator) and LISTAGG: the non-NULL values of a group joined into one string, each value after
 * the first preceded by its row's separator (none where the separator is NULL; ',' without a separator argument),
 * in the order of the call's ORDER BY / WITHIN GROUP, else in the order the rows arrived. A group without a
 * non-NULL value gives NULL. The values are kept ({@link GroupRows}) until the result is asked for.
 */
final class StringAggregator extends GroupAggregator {
  private static final byte[] DEFAULT_SEPARATOR = {','};

  private final GroupRows rows;
  private final boolean hasSeparator;
  private final List<RelFieldCollation> order;
  private int groups;
  private GroupRows.Sorted sorted;

  StringAggregator(AggregateSpec spec) {
    super(spec);
    this.rows = GroupRows.keeping(spec.args(), spec.order());
    this.hasSeparator = spec.args().size() > 1;
    this.order = rows.keptOrder(spec.order());
  }

  static boolean handles(SqlKind kind) {
    return kind == SqlKind.STRING_AGG || kind == SqlKind.LISTAGG;
  }

  @Override
  void grow(int groups) {
    this.groups = Math.max(this.groups, groups);
  }

  @Override
  boolean addAll(Batch batch, int[] ids, boolean[] selected) {
    rows.addSelectedNonNull(batch, ids, selected, spec.args().get(0));
    return true;
  }

  @Override
  void addRow(Batch batch, int row, int group) {
    throw new IllegalStateException("StringAggregator adds whole batches");
  }

  @Override
  Column result(int from, int to) {
    if (sorted == null) {
      sorted = rows.byGroup(groups, order);
    }
    Column values = sorted.columns()[0];
    Column separators = hasSeparator ? sorted.columns()[1] : null;
    int n = to - from;
    boolean[] nulls = null;
    int[] starts = new int[n];
    int[] lengths = new int[n];
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int g = from; g < to; g++) {
      int first = sorted.groupStarts()[g];
      int end = sorted.groupStarts()[g + 1];
      starts[g - from] = out.size();
      if (first == end) {
        nulls = nulls == null ? new boolean[n] : nulls;
        nulls[g - from] = true;
        continue;
      }
      for (int i = first; i < end; i++) {
        int row = sorted.rows()[i];
        if (i > first && separators == null) {
          out.writeBytes(DEFAULT_SEPARATOR);
        } else if (i > first && !separators.isNull(row)) {
          append(out, separators, row);
        }
        append(out, values, row);
      }
      lengths[g - from] = out.size() - starts[g - from];
    }
    return new BytesColumn(out.toByteArray(), starts, lengths, nulls, n, true);
  }

  private static void append(ByteArrayOutputStream out, Column column, int row) {
    if (column instanceof BytesColumn b) {
      out.write(b.data(), b.start(row), b.length(row));
    } else {
      Object v = column.get(row);
      out.writeBytes(v instanceof byte[] b ? b : String.valueOf(v).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  long memoryBytes() {
    return rows.memoryBytes();
  }
}
