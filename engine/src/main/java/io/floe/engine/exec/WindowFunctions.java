package io.floe.engine.exec;

import io.floe.engine.expr.SqlStateException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlKind;

/**
 * Evaluates window functions over rows laid out by position (partitions grouped, sorted by the order keys), each
 * into a typed column by position ({@link WindowPositions#toInputOrder} puts it back in row order). Ranking and distribution functions number positions; aggregates slide over the frames
 * ({@link WindowAggregates}); value functions (FIRST_VALUE, LAST_VALUE, NTH_VALUE, LAG, LEAD) pick a row, with
 * IGNORE NULLS among the rows whose argument is not NULL.
 */
final class WindowFunctions {
  /** The aggregate functions. */
  static final Set<SqlKind> AGGREGATES = EnumSet.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0, SqlKind.MIN,
      SqlKind.MAX);

  private final Column[] columns;
  private final int[] partitionEnd;
  private final WindowFrame.Sorted sorted;
  private final WindowFrame frame;
  private final int n;
  /** The frames as pieces of positions: piece k of position i is {@code [starts[k][i], ends[k][i])}. */
  private int[][] starts;
  private int[][] ends;
  private WindowFrame.Pieces pieces;
  private WindowAggregates aggregates;

  /**
   * {@code columns} are the columns the calls read, laid out by position (partitions grouped, each sorted by the
   * ORDER BY when the functions need it), {@code partitionEnd[i]} the end of position i's partition.
   */
  WindowFunctions(Column[] columns, int[] partitionEnd, WindowFrame.Sorted sorted, WindowFrame frame) {
    this.columns = columns;
    this.partitionEnd = partitionEnd;
    this.sorted = sorted;
    this.frame = frame;
    this.n = partitionEnd.length;
  }

  /** Whether the calls' results depend on the order of the rows: unless all aggregate whole partitions. */
  static boolean orderMatters(WindowFrame frame, List<WindowCall> calls) {
    if (!frame.wholePartition(true)) {
      return true;
    }
    for (WindowCall call : calls) {
      if (!AGGREGATES.contains(call.kind())) {
        return true;
      }
    }
    return false;
  }

  /** The frames' positions, computed on first use: one piece, or up to three around an EXCLUDE clause's rows. */
  private void frames() {
    if (starts != null) {
      return;
    }
    int[] frameStart = new int[n];
    int[] frameEnd = new int[n];
    for (int from = 0; from < n; from = partitionEnd[from]) {
      frame.bounds(sorted, from, partitionEnd[from], frameStart, frameEnd);
    }
    pieces = frame.exclude(sorted, frameStart, frameEnd);
    starts = pieces.starts();
    ends = pieces.ends();
  }

  private WindowAggregates aggregates() {
    frames();
    if (aggregates == null) {
      aggregates = new WindowAggregates(columns, partitionEnd, pieces);
    }
    return aggregates;
  }

  Column evaluate(WindowCall call) {
    switch (call.kind()) {
      case ROW_NUMBER:
      case RANK:
      case DENSE_RANK:
      case NTILE:
        return ranks(call);
      case PERCENT_RANK:
      case CUME_DIST:
        return distribution(call);
      case COUNT:
      case SUM:
      case SUM0:
      case MIN:
      case MAX:
        return aggregate(call);
      case FIRST_VALUE:
      case LAST_VALUE:
      case NTH_VALUE:
        return pick(call, framed(call));
      case LAG:
      case LEAD:
        return shifted(call);
      default:
        throw new UnsupportedOperationException("not supported: window function " + call.kind());
    }
  }

  /**
   * An aggregate over the frames (running and whole-partition frames too: COUNT and SUM of longs as differences of
   * prefix sums, a cumulative pass, SUM of doubles sliding).
   */
  private Column aggregate(WindowCall call) {
    switch (call.kind()) {
      case COUNT:
        return aggregates().count(call);
      case SUM:
      case SUM0:
        return aggregates().sum(call);
      default:
        return pick(call, aggregates().extremes(call));
    }
  }

  /** ROW_NUMBER, RANK, DENSE_RANK and NTILE: a typed loop per partition numbering its positions. */
  private Column ranks(WindowCall call) {
    long[] out = new long[n];
    if (call.kind() == SqlKind.NTILE && call.count() <= 0) {
      throw new SqlStateException("22014", "argument of NTILE must be greater than zero: " + call.count());
    }
    int[] peerStart = sorted.peerStart();
    for (int from = 0; from < n; from = partitionEnd[from]) {
      int to = partitionEnd[from];
      switch (call.kind()) {
        case ROW_NUMBER:
          for (int i = from; i < to; i++) {
            out[i] = i - from + 1;
          }
          break;
        case RANK:
          for (int i = from; i < to; i++) {
            out[i] = peerStart[i] - from + 1;
          }
          break;
        case DENSE_RANK:
          long dense = 0;
          for (int i = from; i < to; i++) {
            dense += peerStart[i] == i ? 1 : 0;
            out[i] = dense;
          }
          break;
        default: // NTILE: the first (m mod buckets) buckets hold one row more
          long m = to - from;
          long size = m / call.count();
          long larger = m % call.count();
          for (int i = from; i < to; i++) {
            long r = i - from;
            long bucket = r < larger * (size + 1) ? r / (size + 1) : larger + (r - larger * (size + 1)) / size;
            out[i] = bucket + 1;
          }
          break;
      }
    }
    return new LongColumn(out, null, n, LongColumn.Kind.INTEGER, 0);
  }

  private Column distribution(WindowCall call) {
    double[] out = new double[n];
    boolean percentRank = call.kind() == SqlKind.PERCENT_RANK;
    for (int from = 0; from < n; from = partitionEnd[from]) {
      int to = partitionEnd[from];
      double m = to - from;
      for (int i = from; i < to; i++) {
        out[i] = percentRank ? (m <= 1 ? 0 : (sorted.peerStart()[i] - from) / (m - 1))
            : (sorted.peerEnd()[i] - from) / m;
      }
    }
    return new DoubleColumn(out, null, n);
  }

  /**
   * Per position, the frame's first row (FIRST_VALUE), last row (LAST_VALUE) or n-th row (NTH_VALUE), -1 when the
   * frame has no such row; with IGNORE NULLS, counting only rows whose argument is not NULL.
   */
  private int[] framed(WindowCall call) {
    frames();
    SqlKind kind = call.kind();
    NonNullRows nonNull = call.ignoreNulls() ? new NonNullRows(columns[call.argument()]) : null;
    Counts counts = new Counts(call);
    int pieces = starts.length;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      // the frame's rows counted in the sorted order, or in the list of non-null positions
      long size = 0;
      for (int k = 0; k < pieces; k++) {
        size += rank(nonNull, ends[k][i]) - rank(nonNull, starts[k][i]);
      }
      long wanted = kind == SqlKind.FIRST_VALUE ? 0 : kind == SqlKind.LAST_VALUE ? size - 1
          : counts.isNull(i) || counts.get(i) <= 0 ? -1 : counts.get(i) - 1;
      out[i] = -1;
      for (int k = 0; k < pieces && wanted >= 0 && wanted < size; k++) {
        int from = rank(nonNull, starts[k][i]);
        int length = rank(nonNull, ends[k][i]) - from;
        if (wanted < length) {
          int p = from + (int) wanted;
          out[i] = nonNull == null ? p : nonNull.positions[p];
          break;
        }
        wanted -= length;
      }
    }
    return out;
  }

  /** Position p, or the number of non-null positions before it. */
  private static int rank(NonNullRows nonNull, int p) {
    return nonNull == null ? p : nonNull.before[p];
  }

  /** The sorted positions whose value of a column is not NULL. */
  private final class NonNullRows {
    /** {@code before[p]}: how many positions before p hold a non-null value (p in 0..n). */
    final int[] before = new int[n + 1];
    /** The positions holding a non-null value, ascending. */
    final int[] positions;

    NonNullRows(Column arg) {
      int[] found = new int[n];
      int count = 0;
      for (int p = 0; p < n; p++) {
        before[p] = count;
        if (!arg.isNull(p)) {
          found[count++] = p;
        }
      }
      before[n] = count;
      positions = found;
    }

    /**
     * The position of the {@code |step|}-th non-null row before (step < 0) or after position i within the
     * partition {@code [from, to)}, else -1.
     */
    int shift(int i, long step, int from, int to) {
      long k = step < 0 ? before[i] + step : before[i + 1] + step - 1;
      return k >= before[from] && k < before[to] ? positions[(int) k] : -1;
    }
  }

  private Column pick(WindowCall call, int[] rows) {
    return Gather.rows(columns[call.argument()], rows, n);
  }

  /**
   * LAG and LEAD: the row {@code count} positions before or after in the partition (with IGNORE NULLS, the
   * {@code count}-th row before or after with a non-null value; offset 0 is the row itself), else the default.
   */
  private Column shifted(WindowCall call) {
    Column arg = columns[call.argument()];
    Column fallback = call.defaultColumn() >= 0 ? columns[call.defaultColumn()]
        : call.defaultValue() == null ? null : Columns.constant(call.defaultValue(), 1);
    Column source = fallback == null ? arg : Columns.concat(List.of(arg, fallback));
    int direction = call.kind() == SqlKind.LAG ? -1 : 1;
    Counts counts = new Counts(call);
    NonNullRows nonNull = call.ignoreNulls() ? new NonNullRows(arg) : null;
    int[] rows = new int[n];
    int partitionStart = 0;
    for (int i = 0; i < n; i++) {
      if (i == partitionEnd[partitionStart]) {
        partitionStart = i;
      }
      if (counts.isNull(i)) {
        rows[i] = -1; // a NULL offset gives NULL, not the default
        continue;
      }
      long step = direction * Math.max(-Integer.MAX_VALUE, Math.min(Integer.MAX_VALUE, counts.get(i)));
      int found = step == 0 ? i : nonNull == null ? shift(i, step, partitionStart, partitionEnd[i])
          : nonNull.shift(i, step, partitionStart, partitionEnd[i]);
      if (found >= 0) {
        rows[i] = found;
      } else {
        rows[i] = fallback == null ? -1 : call.defaultColumn() >= 0 ? n + i : n;
      }
    }
    return Gather.rows(source, rows, n);
  }

  /** The offset of LAG/LEAD or the n of NTH_VALUE per row: a constant or a column's value. */
  private final class Counts {
    private final long constant;
    private final Column column;

    Counts(WindowCall call) {
      this.constant = call.count();
      this.column = call.countColumn() < 0 ? null : columns[call.countColumn()];
    }

    boolean isNull(int row) {
      return column != null && column.isNull(row);
    }

    long get(int row) {
      if (column == null) {
        return constant;
      }
      return column instanceof LongColumn l && l.kind() == LongColumn.Kind.INTEGER ? l.values()[row]
          : ((Number) column.get(row)).longValue();
    }
  }

  /** Position {@code i + step} if it lies in the partition {@code [from, to)}, else -1. */
  private static int shift(int i, long step, int from, int to) {
    long j = i + step;
    return j >= from && j < to ? (int) j : -1;
  }
}
