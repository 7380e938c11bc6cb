package io.floe.engine.expr;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.Column;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * AND, OR (three-valued), CASE and COALESCE as typed loops, each evaluating later operands only on the rows the
 * earlier ones left undecided (so a guarded division by zero is never evaluated), the results written into a
 * typed column of the result type.
 */
final class Logic {
  private Logic() {
  }

  static VectorExpr and(List<LazyOperand> operands) {
    return shortCircuit(operands, false);
  }

  static VectorExpr or(List<LazyOperand> operands) {
    return shortCircuit(operands, true);
  }

  /** AND (decisive FALSE) or OR (decisive TRUE): a row is decided by the first operand that is decisive. */
  private static VectorExpr shortCircuit(List<LazyOperand> operands, boolean decisive) {
    String name = decisive ? "OR" : "AND";
    return batch -> {
      int n = batch.size();
      boolean[] decided = new boolean[n];
      boolean[] sawNull = new boolean[n];
      narrow(operands, batch, (operand, v, pending, count) -> {
        BoolColumn b = v instanceof BoolColumn typed ? typed : boxedBooleans(v, name);
        boolean[] values = b.values();
        boolean[] nulls = b.nulls();
        int next = 0;
        for (int i = 0; i < count; i++) {
          int row = pending[i];
          boolean isNull = nulls != null && nulls[i];
          if (!isNull && values[i] == decisive) {
            decided[row] = true;
          } else {
            sawNull[row] |= isNull;
            pending[next++] = row;
          }
        }
        return next;
      });
      boolean[] out = new boolean[n];
      boolean[] outNulls = null;
      for (int row = 0; row < n; row++) {
        out[row] = decided[row] == decisive;
        if (!decided[row] && sawNull[row]) {
          outNulls = outNulls == null ? new boolean[n] : outNulls;
          outNulls[row] = true;
        }
      }
      return new BoolColumn(out, outNulls, n);
    };
  }

  /** A boolean column from boxed values (counted as a fallback). */
  static BoolColumn boxedBooleans(Column v, String operator) {
    BoxedFallback.record(operator);
    int n = v.size();
    boolean[] values = new boolean[n];
    boolean[] nulls = null;
    for (int i = 0; i < n; i++) {
      Object o = v.get(i);
      if (o == null) {
        nulls = nulls == null ? new boolean[n] : nulls;
        nulls[i] = true;
      } else {
        values[i] = (Boolean) o;
      }
    }
    return new BoolColumn(values, nulls, n);
  }

  /** CASE WHEN c1 THEN v1 ... ELSE e END: operands c1, v1, ..., e. */
  static VectorExpr caseWhen(List<LazyOperand> operands, RelDataType type) {
    Representation representation = Representation.of(type);
    return batch -> {
      int n = batch.size();
      ColumnScatter out = new ColumnScatter(type, representation, n, "CASE");
      int[] pending = identity(n);
      int count = n;
      int pairs = (operands.size() - 1) / 2;
      for (int p = 0; p < pairs && count > 0; p++) {
        Column c = operands.get(2 * p).evalOn(batch, pending, count);
        BoolColumn cond = c instanceof BoolColumn typed ? typed : boxedBooleans(c, "CASE");
        int[] matched = new int[count];
        int m = 0;
        int next = 0;
        for (int i = 0; i < count; i++) {
          if (cond.isTrue(i)) {
            matched[m++] = pending[i];
          } else {
            pending[next++] = pending[i];
          }
        }
        if (m > 0) {
          LazyOperand branch = operands.get(2 * p + 1);
          out.put(branch.evalOn(batch, matched, m), branch.type(), null, matched, m);
        }
        count = next;
      }
      if (count > 0) {
        LazyOperand otherwise = operands.get(operands.size() - 1);
        out.put(otherwise.evalOn(batch, pending, count), otherwise.type(), null, pending, count);
      }
      return out.build();
    };
  }

  static VectorExpr coalesce(List<LazyOperand> operands, RelDataType type) {
    Representation representation = Representation.of(type);
    return batch -> {
      int n = batch.size();
      ColumnScatter out = new ColumnScatter(type, representation, n, "COALESCE");
      narrow(operands, batch, (operand, v, pending, count) -> {
        int[] partRows = new int[count];
        int[] targets = new int[count];
        int m = 0;
        int next = 0;
        for (int i = 0; i < count; i++) {
          if (v.isNull(i)) {
            pending[next++] = pending[i];
          } else {
            partRows[m] = i;
            targets[m++] = pending[i];
          }
        }
        out.put(v, operand.type(), partRows, targets, m);
        return next;
      });
      return out.build();
    };
  }

  /**
   * What one operand's values, computed for the {@code count} pending rows, decide: the rows still undecided are
   * moved to the front of {@code pending}, and their number returned.
   */
  private interface Narrowing {
    int keep(LazyOperand operand, Column values, int[] pending, int count);
  }

  /** Evaluates the operands in turn, each only on the rows the earlier ones left pending, until none is. */
  private static void narrow(List<LazyOperand> operands, Batch batch, Narrowing step) {
    int count = batch.size();
    int[] pending = identity(count);
    for (LazyOperand operand : operands) {
      if (count == 0) {
        break;
      }
      count = step.keep(operand, operand.evalOn(batch, pending, count), pending, count);
    }
  }

  static int[] identity(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }
}
