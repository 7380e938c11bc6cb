package io.floe.engine.planner;

import io.floe.engine.exec.AggregateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlKind;

/**
 * Splits aggregates into a partial aggregation (over any subset of a group's rows) and a final one combining the
 * partial results: COUNT becomes SUM0 of partial counts; SUM, SUM0, MIN, MAX and ANY_VALUE combine with themselves.
 * The partial output is the group keys followed by one column per aggregate. DISTINCT, SINGLE_VALUE,
 * LITERAL_AGG and the aggregates that need all of a group's rows or more than one partial column (STRING_AGG,
 * LISTAGG, percentiles, MODE, ARG_MIN, ARG_MAX) do not split.
 */
record AggregateSplit(List<AggregateSpec> partial, List<AggregateSpec> combine) {

  static Optional<AggregateSplit> of(List<AggregateSpec> aggregates, int keyCount) {
    List<AggregateSpec> partial = new ArrayList<>();
    List<AggregateSpec> combine = new ArrayList<>();
    for (int i = 0; i < aggregates.size(); i++) {
      AggregateSpec a = aggregates.get(i);
      SqlKind combining;
      switch (a.kind()) {
        case COUNT:
          combining = SqlKind.SUM0;
          break;
        case SUM:
        case SUM0:
        case MIN:
        case MAX:
        case ANY_VALUE:
        case BIT_AND:
        case BIT_OR:
        case BIT_XOR:
          combining = a.kind();
          break;
        default:
          return Optional.empty();
      }
      if (a.distinct()) {
        return Optional.empty();
      }
      partial.add(a);
      combine.add(new AggregateSpec(combining, List.of(keyCount + i), false, -1, a.type(), null));
    }
    return Optional.of(new AggregateSplit(partial, combine));
  }
}
