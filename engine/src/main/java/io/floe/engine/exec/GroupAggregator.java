package io.floe.engine.exec;

import io.floe.engine.expr.SqlStateException;
import io.floe.engine.expr.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One aggregate computed for all groups at once: COUNT and SUM keep primitive arrays indexed by group id and add
 * typed columns in a loop (a FILTER clause is a row selection in that loop); MIN, MAX, ANY_VALUE and SINGLE_VALUE
 * are {@link ValueAggregator}s, STRING_AGG and LISTAGG {@link StringAggregator}s, ARRAY_AGG {@link ArrayAggregator}s,
 * percentiles {@link QuantileAggregator}s, MODE {@link ModeAggregator}s, ARG_MIN and ARG_MAX
 * {@link ArgExtremeAggregator}s, BIT_AND, BIT_OR and BIT_XOR {@link BitAggregator}s,
 * DISTINCT aggregates {@link DistinctAggregator}s; the rest keep an {@link Accumulator} per group.
 */
abstract class GroupAggregator {
  final AggregateSpec spec;

  GroupAggregator(AggregateSpec spec) {
    this.spec = spec;
  }

  static GroupAggregator create(AggregateSpec spec) {
    if (spec.distinct()) {
      return new DistinctAggregator(spec);
    }
    if (spec.args().size() <= 1) {
      if (spec.kind() == SqlKind.COUNT) {
        return new Count(spec);
      }
      if ((spec.kind() == SqlKind.SUM || spec.kind() == SqlKind.SUM0) && spec.args().size() == 1) {
        return new Sum(spec);
      }
    }
    if (StringAggregator.handles(spec.kind())) {
      return new StringAggregator(spec);
    }
    if (ArrayAggregator.handles(spec.kind())) {
      return new ArrayAggregator(spec);
    }
    if (QuantileAggregator.handles(spec.kind())) {
      return new QuantileAggregator(spec);
    }
    if (ModeAggregator.handles(spec.kind())) {
      return new ModeAggregator(spec);
    }
    if (BitAggregator.handles(spec.kind()) && spec.args().size() == 1) {
      return new BitAggregator(spec);
    }
    if (ArgExtremeAggregator.handles(spec.kind())) {
      return new ArgExtremeAggregator(spec);
    }
    if (spec.args().size() == 1 && ValueAggregator.handles(spec.kind())) {
      return new ValueAggregator(spec);
    }
    return new PerGroup(spec);
  }

  /** Adds the rows of {@code batch} to the groups {@code ids} (one id per row); there are {@code groups} groups. */
  final void add(Batch batch, int[] ids, int groups) {
    grow(groups);
    addSelected(batch, ids, filterSelection(batch));
  }

  /** Adds the rows of {@code batch} whose {@code selected} entry is true (all rows if null). */
  final void addSelected(Batch batch, int[] ids, boolean[] selected) {
    if (addAll(batch, ids, selected)) {
      return;
    }
    for (int r = 0; r < batch.size(); r++) {
      if (selected == null || selected[r]) {
        addRow(batch, r, ids[r]);
      }
    }
  }

  /** The rows that pass this aggregate's FILTER (true and not null), or null without a FILTER. */
  final boolean[] filterSelection(Batch batch) {
    if (spec.filterArg() < 0) {
      return null;
    }
    Column filter = batch.column(spec.filterArg());
    boolean[] selected = new boolean[batch.size()];
    if (filter instanceof BoolColumn b) {
      boolean[] values = b.values();
      boolean[] nulls = b.nulls();
      for (int r = 0; r < selected.length; r++) {
        selected[r] = values[r] && (nulls == null || !nulls[r]);
      }
    } else {
      for (int r = 0; r < selected.length; r++) {
        selected[r] = Boolean.TRUE.equals(filter.get(r));
      }
    }
    return selected;
  }

  /**
   * Adds the selected rows of {@code batch} ({@code selected} null: all) in one typed loop if this aggregate has one
   * for the batch's columns.
   */
  boolean addAll(Batch batch, int[] ids, boolean[] selected) {
    return false;
  }

  abstract void grow(int groups);

  abstract void addRow(Batch batch, int row, int group);

  /** The results of groups {@code from..to}. */
  abstract Column result(int from, int to);

  abstract long memoryBytes();

  /** Null flags of groups {@code from..to} for those without a value ({@code has[g]} false), or null if none. */
  static boolean[] nullsWhereMissing(boolean[] has, int from, int to) {
    boolean[] nulls = null;
    for (int g = from; g < to; g++) {
      if (!has[g]) {
        nulls = nulls == null ? new boolean[to - from] : nulls;
        nulls[g - from] = true;
      }
    }
    return nulls;
  }

  static int capacity(int current, int groups) {
    return groups <= current ? current : Math.max(groups, current * 2);
  }

  private static final class Count extends GroupAggregator {
    private long[] counts = new long[16];

    Count(AggregateSpec spec) {
      super(spec);
    }

    @Override
    void grow(int groups) {
      counts = Arrays.copyOf(counts, capacity(counts.length, groups));
    }

    @Override
    boolean addAll(Batch batch, int[] ids, boolean[] selected) {
      boolean[] nulls = null;
      if (!spec.args().isEmpty()) {
        if (!(batch.column(spec.args().get(0)) instanceof NullableColumn c)) {
          return false;
        }
        nulls = c.nulls();
      }
      long[] out = counts;
      for (int r = 0; r < batch.size(); r++) {
        if ((nulls == null || !nulls[r]) && (selected == null || selected[r])) {
          out[ids[r]]++;
        }
      }
      return true;
    }

    @Override
    void addRow(Batch batch, int row, int group) {
      if (spec.args().isEmpty() || !batch.column(spec.args().get(0)).isNull(row)) {
        counts[group]++;
      }
    }

    @Override
    Column result(int from, int to) {
      return new LongColumn(Arrays.copyOfRange(counts, from, to), null, to - from, LongColumn.Kind.INTEGER, 0);
    }

    @Override
    long memoryBytes() {
      return 8L * counts.length;
    }
  }

  /** SUM: exact longs (decimals unscaled at the result's scale), BigDecimal past a long, or doubles. */
  private static final class Sum extends GroupAggregator {
    private final SqlTypeName type;
    private final int scale;
    private final boolean floating;
    private long[] sums = new long[16];
    private double[] doubles = new double[16];
    private boolean[] any = new boolean[16];
    private BigDecimal[] big;
    private static final long LONG_SUM_LIMIT = 1L << 62;
    /** An upper bound of every group's |long sum| (the sum of each batch's rows times its largest |value|). */
    private long bound;

    Sum(AggregateSpec spec) {
      super(spec);
      this.type = spec.type().getSqlTypeName();
      this.scale = type == SqlTypeName.DECIMAL ? spec.type().getScale() : 0;
      this.floating = type == SqlTypeName.DOUBLE || type == SqlTypeName.REAL || type == SqlTypeName.FLOAT;
    }

    @Override
    void grow(int groups) {
      int capacity = capacity(sums.length, groups);
      if (capacity != sums.length) {
        sums = Arrays.copyOf(sums, capacity);
        doubles = Arrays.copyOf(doubles, capacity);
        any = Arrays.copyOf(any, capacity);
        if (big != null) {
          big = Arrays.copyOf(big, capacity);
        }
      }
    }

    @Override
    boolean addAll(Batch batch, int[] ids, boolean[] selected) {
      Column c = batch.column(spec.args().get(0));
      int n = batch.size();
      if (floating && c instanceof DoubleColumn d) {
        double[] values = d.values();
        boolean[] nulls = d.nulls();
        for (int r = 0; r < n; r++) {
          if ((nulls == null || !nulls[r]) && (selected == null || selected[r])) {
            doubles[ids[r]] += values[r];
            any[ids[r]] = true;
          }
        }
        return true;
      }
      if (floating || !(c instanceof LongColumn l) || l.scale() != scale || l.kind() == LongColumn.Kind.DATE) {
        return false;
      }
      long[] values = l.values();
      boolean[] nulls = l.nulls();
      boolean safe = withinBound(values, n);
      if (safe && nulls == null && selected == null) {
        // no group's sum can overflow: add without checking
        long[] out = sums;
        boolean[] seen = any;
        for (int r = 0; r < n; r++) {
          int g = ids[r];
          out[g] += values[r];
          seen[g] = true;
        }
        return true;
      }
      for (int r = 0; r < n; r++) {
        if ((nulls == null || !nulls[r]) && (selected == null || selected[r])) {
          any[ids[r]] = true;
          addLong(ids[r], values[r]);
        }
      }
      return true;
    }

    /** Raises {@link #bound} by the first {@code n} values; whether it stays below 2^62. */
    private boolean withinBound(long[] values, int n) {
      long bits = 0;
      for (int r = 0; r < n; r++) {
        bits |= values[r] ^ (values[r] >> 63); // |v| for v >= 0, |v| - 1 below: the same highest bit or lower
      }
      int width = 64 - Long.numberOfLeadingZeros(bits);
      long largest = width >= 62 ? -1 : (1L << width); // at least every |value|
      if (largest < 0 || n > 0 && largest > (LONG_SUM_LIMIT - bound) / n) {
        bound = LONG_SUM_LIMIT;
        return false;
      }
      bound += largest * n;
      return true;
    }

    @Override
    void addRow(Batch batch, int row, int group) {
      Column c = batch.column(spec.args().get(0));
      if (c.isNull(row)) {
        return;
      }
      bound = LONG_SUM_LIMIT; // sums of unknown size from here on: check every addition
      any[group] = true;
      if (floating) {
        doubles[group] += c instanceof DoubleColumn d ? d.values()[row] : ((Number) c.get(row)).doubleValue();
        return;
      }
      if (c instanceof LongColumn l && l.scale() == scale && l.kind() != LongColumn.Kind.DATE) {
        addLong(group, l.values()[row]);
        return;
      }
      Object value = c.get(row);
      if (type != SqlTypeName.DECIMAL && (value instanceof Long || value instanceof Integer)) {
        addLong(group, ((Number) value).longValue());
        return;
      }
      addBig(group, Values.toBigDecimal(value));
    }

    /** Adds {@code v} (unscaled at the result's scale) to the group's long sum, past a long as a BigDecimal. */
    private void addLong(int group, long v) {
      long s = sums[group];
      long sum = s + v;
      if (((s ^ sum) & (v ^ sum)) >= 0) {
        sums[group] = sum;
      } else {
        addBig(group, BigDecimal.valueOf(v, scale));
      }
    }

    private void addBig(int group, BigDecimal v) {
      if (type != SqlTypeName.DECIMAL) {
        throw new SqlStateException("22003", "SUM out of range of " + type);
      }
      if (big == null) {
        big = new BigDecimal[sums.length];
      }
      big[group] = big[group] == null ? v : big[group].add(v);
    }

    @Override
    Column result(int from, int to) {
      int n = to - from;
      boolean[] nulls = spec.kind() == SqlKind.SUM ? nullsWhereMissing(any, from, to) : null;
      if (floating) {
        return new DoubleColumn(Arrays.copyOfRange(doubles, from, to), nulls, n);
      }
      if (big == null) {
        LongColumn.Kind kind = type == SqlTypeName.DECIMAL ? LongColumn.Kind.DECIMAL : LongColumn.Kind.INTEGER;
        return new LongColumn(Arrays.copyOfRange(sums, from, to), nulls, n, kind, scale);
      }
      Object[] out = new Object[n];
      for (int g = from; g < to; g++) {
        if (nulls == null || !nulls[g - from]) {
          BigDecimal sum = BigDecimal.valueOf(sums[g], scale);
          out[g - from] = (big[g] == null ? sum : sum.add(big[g])).setScale(scale, RoundingMode.HALF_UP);
        }
      }
      return Columns.pack(out);
    }

    @Override
    long memoryBytes() {
      return 17L * sums.length + (big == null ? 0 : 72L * big.length);
    }
  }

  /** Any aggregate, through one {@link Accumulator} per group. */
  private static final class PerGroup extends GroupAggregator {
    private final List<Accumulator> accumulators = new ArrayList<>();

    PerGroup(AggregateSpec spec) {
      super(spec);
    }

    @Override
    void grow(int groups) {
      while (accumulators.size() < groups) {
        accumulators.add(Accumulator.create(spec));
      }
    }

    @Override
    void addRow(Batch batch, int row, int group) {
      Accumulator acc = accumulators.get(group);
      List<Integer> args = spec.args();
      if (args.isEmpty()) {
        acc.add(null);
        return;
      }
      if (args.size() == 1) {
        Object v = batch.column(args.get(0)).get(row);
        if (v != null) {
          acc.add(v);
        }
        return;
      }
      List<Object> values = new ArrayList<>(args.size());
      for (int arg : args) {
        Object v = batch.column(arg).get(row);
        if (v == null) {
          return;
        }
        values.add(Values.key(v));
      }
      acc.add(values);
    }

    @Override
    Column result(int from, int to) {
      Object[] out = new Object[to - from];
      for (int g = from; g < to; g++) {
        out[g - from] = accumulators.get(g).result();
      }
      return Columns.pack(out);
    }

    @Override
    long memoryBytes() {
      return 64L * accumulators.size();
    }
  }
}
