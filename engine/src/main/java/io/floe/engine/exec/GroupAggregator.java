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
 * typed columns in a loop; the other aggregates (MIN, MAX, DISTINCT, ...) keep an {@link Accumulator} per group.
 */
abstract class GroupAggregator {
  final AggregateSpec spec;

  GroupAggregator(AggregateSpec spec) {
    this.spec = spec;
  }

  static GroupAggregator create(AggregateSpec spec) {
    if (!spec.distinct() && spec.args().size() <= 1) {
      if (spec.kind() == SqlKind.COUNT) {
        return new Count(spec);
      }
      if ((spec.kind() == SqlKind.SUM || spec.kind() == SqlKind.SUM0) && spec.args().size() == 1) {
        return new Sum(spec);
      }
    }
    return new PerGroup(spec);
  }

  /** Adds the rows of {@code batch} to the groups {@code ids} (one id per row); there are {@code groups} groups. */
  final void add(Batch batch, int[] ids, int groups) {
    grow(groups);
    Column filter = spec.filterArg() >= 0 ? batch.column(spec.filterArg()) : null;
    for (int r = 0; r < batch.size(); r++) {
      if (filter == null || Boolean.TRUE.equals(filter.get(r))) {
        addRow(batch, r, ids[r]);
      }
    }
  }

  abstract void grow(int groups);

  abstract void addRow(Batch batch, int row, int group);

  /** The results of groups {@code from..to}. */
  abstract Column result(int from, int to);

  abstract long memoryBytes();

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
    void addRow(Batch batch, int row, int group) {
      Column c = batch.column(spec.args().get(0));
      if (c.isNull(row)) {
        return;
      }
      any[group] = true;
      if (floating) {
        doubles[group] += c instanceof DoubleColumn d ? d.values()[row] : ((Number) c.get(row)).doubleValue();
        return;
      }
      if (c instanceof LongColumn l && l.scale() == scale && l.kind() != LongColumn.Kind.DATE) {
        long v = l.values()[row];
        long s = sums[group];
        long r = s + v;
        if (((s ^ r) & (v ^ r)) >= 0) {
          sums[group] = r;
          return;
        }
        addBig(group, BigDecimal.valueOf(v, scale));
        return;
      }
      addBig(group, Values.toBigDecimal(c.get(row)));
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
      boolean[] nulls = null;
      if (spec.kind() == SqlKind.SUM) {
        for (int g = from; g < to; g++) {
          if (!any[g]) {
            nulls = nulls == null ? new boolean[n] : nulls;
            nulls[g - from] = true;
          }
        }
      }
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
        if (v != null || spec.kind() == SqlKind.SINGLE_VALUE) {
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
