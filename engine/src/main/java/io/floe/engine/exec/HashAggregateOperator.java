package io.floe.engine.exec;

import io.floe.engine.expr.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlKind;

/**
 * Groups its input by key columns in a hash table and computes aggregates per group (DISTINCT aggregates keep a
 * set of seen values per group). Without group keys it returns exactly one row, also for empty input.
 */
public final class HashAggregateOperator implements Operator {
  private static final int OUTPUT_BATCH = 4096;

  private final Operator input;
  private final int[] keys;
  private final List<AggregateSpec> aggregates;
  private Iterator<Group> output;

  private record Group(Object[] keyValues, Accumulator[] accumulators) {
  }

  public HashAggregateOperator(Operator input, int[] keys, List<AggregateSpec> aggregates) {
    this.input = input;
    this.keys = keys.clone();
    this.aggregates = List.copyOf(aggregates);
  }

  @Override
  public Batch next() {
    if (output == null) {
      output = build().iterator();
    }
    if (!output.hasNext()) {
      return null;
    }
    List<Object[]> rows = new ArrayList<>();
    int width = keys.length + aggregates.size();
    while (output.hasNext() && rows.size() < OUTPUT_BATCH) {
      Group g = output.next();
      Object[] row = Arrays.copyOf(g.keyValues(), width);
      for (int a = 0; a < aggregates.size(); a++) {
        row[keys.length + a] = g.accumulators()[a].result();
      }
      rows.add(row);
    }
    return Batch.ofRows(rows, width);
  }

  private Iterable<Group> build() {
    Map<List<Object>, Group> groups = new LinkedHashMap<>();
    Batch batch;
    while ((batch = input.next()) != null) {
      Object[][] cols = batch.columns();
      for (int r = 0; r < batch.size(); r++) {
        Object[] key = new Object[keys.length];
        Object[] normalized = new Object[keys.length];
        for (int k = 0; k < keys.length; k++) {
          key[k] = cols[keys[k]][r];
          normalized[k] = Values.key(key[k]);
        }
        Group group = groups.computeIfAbsent(Arrays.asList(normalized), k -> newGroup(key));
        for (int a = 0; a < aggregates.size(); a++) {
          add(group.accumulators()[a], aggregates.get(a), cols, r);
        }
      }
    }
    if (groups.isEmpty() && keys.length == 0) {
      groups.put(List.of(), newGroup(new Object[0]));
    }
    return groups.values();
  }

  private static void add(Accumulator acc, AggregateSpec spec, Object[][] cols, int r) {
    if (spec.filterArg() >= 0 && !Boolean.TRUE.equals(cols[spec.filterArg()][r])) {
      return;
    }
    List<Integer> args = spec.args();
    if (args.isEmpty()) {
      acc.add(null);
      return;
    }
    if (args.size() == 1) {
      Object v = cols[args.get(0)][r];
      if (v != null || spec.kind() == SqlKind.SINGLE_VALUE) {
        acc.add(v);
      }
      return;
    }
    List<Object> values = new ArrayList<>(args.size());
    for (int arg : args) {
      Object v = cols[arg][r];
      if (v == null) {
        return;
      }
      values.add(Values.key(v));
    }
    acc.add(values);
  }

  private Group newGroup(Object[] keyValues) {
    Accumulator[] accs = new Accumulator[aggregates.size()];
    for (int a = 0; a < accs.length; a++) {
      accs[a] = Accumulator.create(aggregates.get(a));
    }
    return new Group(keyValues, accs);
  }

  @Override
  public void close() {
    input.close();
  }
}
