package io.floe.engine.expr;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.Columns;
import java.math.BigDecimal;
import java.util.List;

/**
 * AND, OR (three-valued), CASE and COALESCE, each evaluating later operands only on the rows the earlier ones
 * left undecided; and numeric negation.
 */
final class Logic {
  private Logic() {
  }

  static VectorExpr and(List<VectorExpr> operands) {
    return shortCircuit(operands, Boolean.FALSE);
  }

  static VectorExpr or(List<VectorExpr> operands) {
    return shortCircuit(operands, Boolean.TRUE);
  }

  /** AND (decisive FALSE) or OR (decisive TRUE): a row is decided by the first operand that is decisive. */
  private static VectorExpr shortCircuit(List<VectorExpr> operands, Boolean decisive) {
    Boolean other = !decisive;
    return batch -> {
      Object[] out = new Object[batch.size()];
      boolean[] sawNull = new boolean[batch.size()];
      int[] undecided = progressively(operands, batch, (row, v) -> {
        if (decisive.equals(v)) {
          out[row] = decisive;
          return true;
        }
        sawNull[row] |= v == null;
        return false;
      });
      for (int row : undecided) {
        out[row] = sawNull[row] ? null : other;
      }
      return Columns.pack(out);
    };
  }

  /** Decides a row's value from one operand's value at that row; false leaves it to the next operand. */
  private interface Decider {
    boolean decide(int row, Object value);
  }

  /**
   * Evaluates the operands in turn, each only on the rows the previous ones left undecided; returns the rows no
   * operand decided.
   */
  private static int[] progressively(List<VectorExpr> operands, Batch batch, Decider decider) {
    int[] pending = identity(batch.size());
    int count = pending.length;
    for (VectorExpr operand : operands) {
      if (count == 0) {
        break;
      }
      Column v = ExprCompiler.evalOn(operand, batch, pending, count);
      int next = 0;
      for (int i = 0; i < count; i++) {
        if (!decider.decide(pending[i], v.get(i))) {
          pending[next++] = pending[i];
        }
      }
      count = next;
    }
    return java.util.Arrays.copyOf(pending, count);
  }

  static VectorExpr caseWhen(List<VectorExpr> operands) {
    return batch -> {
      int n = batch.size();
      Object[] out = new Object[n];
      int[] pending = identity(n);
      int count = n;
      int pairs = (operands.size() - 1) / 2;
      for (int p = 0; p < pairs && count > 0; p++) {
        Batch sub = count == n ? batch : batch.select(pending, count);
        Column cond = operands.get(2 * p).eval(sub);
        int[] matched = new int[count];
        int m = 0;
        int next = 0;
        int[] rest = new int[count];
        for (int i = 0; i < count; i++) {
          if (Boolean.TRUE.equals(cond.get(i))) {
            matched[m++] = i;
          } else {
            rest[next++] = pending[i];
          }
        }
        if (m > 0) {
          Column values = ExprCompiler.evalOn(operands.get(2 * p + 1), sub, matched, m);
          for (int i = 0; i < m; i++) {
            out[pending[matched[i]]] = values.get(i);
          }
        }
        pending = rest;
        count = next;
      }
      if (count > 0) {
        Column values = ExprCompiler.evalOn(operands.get(operands.size() - 1), batch, pending, count);
        for (int i = 0; i < count; i++) {
          out[pending[i]] = values.get(i);
        }
      }
      return Columns.pack(out);
    };
  }

  static VectorExpr coalesce(List<VectorExpr> operands) {
    return batch -> {
      Object[] out = new Object[batch.size()];
      progressively(operands, batch, (row, v) -> {
        out[row] = v;
        return v != null;
      });
      return Columns.pack(out);
    };
  }

  static Object negate(Object v) {
    if (v instanceof BigDecimal d) {
      return d.negate();
    }
    if (v instanceof Double d) {
      return -d;
    }
    return Math.negateExact(((Number) v).longValue());
  }

  static Object abs(Object v) {
    if (v instanceof BigDecimal d) {
      return d.abs();
    }
    if (v instanceof Double d) {
      return Math.abs(d);
    }
    return Math.absExact(((Number) v).longValue());
  }

  static int[] identity(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }
}
