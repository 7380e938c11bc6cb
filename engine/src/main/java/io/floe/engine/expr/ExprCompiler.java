package io.floe.engine.expr;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Compiles Calcite row expressions into {@link VectorExpr}s evaluated a batch at a time, with SQL's three-valued
 * logic. AND, OR, CASE and COALESCE evaluate an operand only on the rows still undecided, so a guarded division
 * by zero is not evaluated. An expression it cannot evaluate fails here, at plan time.
 */
public final class ExprCompiler {
  private final RexBuilder rexBuilder;

  public ExprCompiler(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  public VectorExpr compile(RexNode node) {
    return compileExpanded(RexUtil.expandSearch(rexBuilder, null, node));
  }

  private VectorExpr compileExpanded(RexNode node) {
    if (node instanceof RexInputRef ref) {
      int index = ref.getIndex();
      return batch -> batch.column(index);
    }
    if (node instanceof RexLiteral literal) {
      Object value = Values.literal(literal);
      return batch -> Columns.constant(value, batch.size());
    }
    if (node instanceof RexCall call) {
      return call(call);
    }
    throw new UnsupportedOperationException("not supported: expression " + node);
  }

  private List<VectorExpr> operands(RexCall call) {
    List<VectorExpr> out = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      out.add(compileExpanded(operand));
    }
    return out;
  }

  private VectorExpr call(RexCall call) {
    SqlKind kind = call.getKind();
    List<RexNode> ops = call.getOperands();
    switch (kind) {
      case AND:
        return Logic.and(operands(call));
      case OR:
        return Logic.or(operands(call));
      case NOT:
        return map1(compileExpanded(ops.get(0)), v -> !(Boolean) v);
      case IS_NULL:
        return test(compileExpanded(ops.get(0)), v -> v == null);
      case IS_NOT_NULL:
        return test(compileExpanded(ops.get(0)), v -> v != null);
      case IS_TRUE:
        return test(compileExpanded(ops.get(0)), v -> Boolean.TRUE.equals(v));
      case IS_NOT_TRUE:
        return test(compileExpanded(ops.get(0)), v -> !Boolean.TRUE.equals(v));
      case IS_FALSE:
        return test(compileExpanded(ops.get(0)), v -> Boolean.FALSE.equals(v));
      case IS_NOT_FALSE:
        return test(compileExpanded(ops.get(0)), v -> !Boolean.FALSE.equals(v));
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(kind, compileExpanded(ops.get(0)), compileExpanded(ops.get(1)));
      case IS_DISTINCT_FROM:
      case IS_NOT_DISTINCT_FROM: {
        boolean distinct = kind == SqlKind.IS_DISTINCT_FROM;
        VectorExpr a = compileExpanded(ops.get(0));
        VectorExpr b = compileExpanded(ops.get(1));
        return batch -> {
          Column x = a.eval(batch);
          Column y = b.eval(batch);
          boolean[] out = new boolean[batch.size()];
          for (int i = 0; i < out.length; i++) {
            Object u = x.get(i);
            Object v = y.get(i);
            boolean same = u == null || v == null ? u == v : Values.compare(u, v) == 0;
            out[i] = same != distinct;
          }
          return new BoolColumn(out, null, out.length);
        };
      }
      case PLUS:
      case MINUS:
      case TIMES:
      case DIVIDE:
      case MOD: {
        if (ops.size() != 2) {
          break;
        }
        return arithmetic(kind, call.getType(), ops.get(0).getType(), ops.get(1).getType(),
            compileExpanded(ops.get(0)), compileExpanded(ops.get(1)));
      }
      case MINUS_PREFIX:
        return map1(compileExpanded(ops.get(0)), Logic::negate);
      case PLUS_PREFIX:
      case REINTERPRET:
        return compileExpanded(ops.get(0));
      case CAST: {
        RelDataType from = ops.get(0).getType();
        RelDataType to = call.getType();
        return map1(compileExpanded(ops.get(0)), v -> Casts.cast(v, from, to));
      }
      case CASE:
        return Logic.caseWhen(operands(call));
      case COALESCE:
        return Logic.coalesce(operands(call));
      case LIKE:
        return like(call);
      case EXTRACT: {
        TimeUnitRange unit = (TimeUnitRange) ((RexLiteral) ops.get(0)).getValue();
        var type = ops.get(1).getType().getSqlTypeName();
        return map1(compileExpanded(ops.get(1)), v -> DateFunctions.extract(unit, v, type));
      }
      case TRIM: {
        SqlTrimFunction.Flag flag = (SqlTrimFunction.Flag) ((RexLiteral) ops.get(0)).getValue();
        return map2(compileExpanded(ops.get(1)), compileExpanded(ops.get(2)), (c, s) -> trim(flag, (String) c,
            (String) s));
      }
      case POSITION:
        if (ops.size() == 2) {
          return map2(compileExpanded(ops.get(0)), compileExpanded(ops.get(1)),
              (a, b) -> (long) ((String) b).indexOf((String) a) + 1);
        }
        break;
      default:
        break;
    }
    return function(call);
  }

  private static VectorExpr comparison(SqlKind kind, VectorExpr left, VectorExpr right) {
    return batch -> {
      Column x = left.eval(batch);
      Column y = right.eval(batch);
      Column typed = Kernels.compare(kind, x, y);
      return typed != null ? typed : map2(x, y, (a, b) -> Kernels.test(kind, Values.compare(a, b)));
    };
  }

  private static VectorExpr arithmetic(SqlKind kind, RelDataType type, RelDataType lt, RelDataType rt,
      VectorExpr left, VectorExpr right) {
    boolean dateLeft = lt.getSqlTypeName() == SqlTypeName.DATE;
    boolean dayInterval = SqlTypeName.DAY_INTERVAL_TYPES.contains((dateLeft ? rt : lt).getSqlTypeName());
    boolean dateMath = type.getSqlTypeName() == SqlTypeName.DATE && dayInterval
        && (kind == SqlKind.PLUS || kind == SqlKind.MINUS && dateLeft);
    return batch -> {
      Column x = left.eval(batch);
      Column y = right.eval(batch);
      Column typed = dateMath ? Kernels.datePlusMillis(kind, x, y, dateLeft) : Kernels.arithmetic(kind, type, x, y);
      return typed != null ? typed : map2(x, y, (a, b) -> Arithmetic.apply(kind, type, lt, rt, a, b));
    };
  }

  private VectorExpr function(RexCall call) {
    String name = call.getOperator().getName().toUpperCase(java.util.Locale.ROOT);
    List<RexNode> ops = call.getOperands();
    switch (name) {
      case "SUBSTRING": {
        List<VectorExpr> args = operands(call);
        return mapN(args, a -> StringFunctions.substring((String) a[0], ((Number) a[1]).longValue(),
            a.length > 2 ? ((Number) a[2]).longValue() : null));
      }
      case "UPPER":
        return map1(compileExpanded(ops.get(0)), v -> ((String) v).toUpperCase(java.util.Locale.ROOT));
      case "LOWER":
        return map1(compileExpanded(ops.get(0)), v -> ((String) v).toLowerCase(java.util.Locale.ROOT));
      case "CHAR_LENGTH":
      case "CHARACTER_LENGTH":
        return map1(compileExpanded(ops.get(0)), v -> (long) ((String) v).length());
      case "||":
        return map2(compileExpanded(ops.get(0)), compileExpanded(ops.get(1)),
            (a, b) -> Casts.toText(a, ops.get(0).getType().getSqlTypeName())
                + Casts.toText(b, ops.get(1).getType().getSqlTypeName()));
      case "ABS":
        return map1(compileExpanded(ops.get(0)), Logic::abs);
      default:
        throw new UnsupportedOperationException("not supported: function " + call.getOperator().getName()
            + " in " + call);
    }
  }

  private VectorExpr like(RexCall call) {
    boolean negated = call.getOperator().getName().toUpperCase(java.util.Locale.ROOT).startsWith("NOT");
    List<RexNode> ops = call.getOperands();
    VectorExpr value = compileExpanded(ops.get(0));
    String escape = ops.size() > 2 ? ((RexLiteral) ops.get(2)).getValueAs(String.class) : null;
    if (ops.get(1) instanceof RexLiteral literal) {
      Pattern pattern = StringFunctions.likePattern(literal.getValueAs(String.class), escape);
      byte[][] segments = Kernels.likeSegments(literal.getValueAs(String.class), escape);
      Function<Object, Object> general = v -> pattern.matcher((String) v).matches() != negated;
      return batch -> {
        Column v = value.eval(batch);
        Column typed = segments == null ? null : Kernels.like(v, segments, negated);
        return typed != null ? typed : map1(v, general);
      };
    }
    return map2(value, compileExpanded(ops.get(1)),
        (v, p) -> StringFunctions.likePattern((String) p, escape).matcher((String) v).matches() != negated);
  }

  private static String trim(SqlTrimFunction.Flag flag, String chars, String s) {
    int begin = 0;
    int end = s.length();
    if (flag != SqlTrimFunction.Flag.TRAILING) {
      while (begin < end && chars.indexOf(s.charAt(begin)) >= 0) {
        begin++;
      }
    }
    if (flag != SqlTrimFunction.Flag.LEADING) {
      while (end > begin && chars.indexOf(s.charAt(end - 1)) >= 0) {
        end--;
      }
    }
    return s.substring(begin, end);
  }

  static VectorExpr map1(VectorExpr a, Function<Object, Object> f) {
    return batch -> map1(a.eval(batch), f);
  }

  /** {@code f} of each non-null value, boxed (the generic path). */
  static Column map1(Column x, Function<Object, Object> f) {
    Object[] out = new Object[x.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = x.get(i);
      out[i] = v == null ? null : f.apply(v);
    }
    return Columns.pack(out);
  }

  static VectorExpr test(VectorExpr a, java.util.function.Predicate<Object> p) {
    return batch -> {
      Column x = a.eval(batch);
      boolean[] out = new boolean[batch.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = p.test(x.get(i));
      }
      return new BoolColumn(out, null, out.length);
    };
  }

  static VectorExpr map2(VectorExpr a, VectorExpr b, BiFunction<Object, Object, Object> f) {
    return batch -> map2(a.eval(batch), b.eval(batch), f);
  }

  /** {@code f} of each pair of non-null values, boxed (the generic path). */
  static Column map2(Column x, Column y, BiFunction<Object, Object, Object> f) {
    Object[] out = new Object[x.size()];
    for (int i = 0; i < out.length; i++) {
      Object u = x.get(i);
      Object v = u == null ? null : y.get(i);
      out[i] = u == null || v == null ? null : f.apply(u, v);
    }
    return Columns.pack(out);
  }

  static VectorExpr mapN(List<VectorExpr> args, Function<Object[], Object> f) {
    return batch -> {
      Column[] values = new Column[args.size()];
      for (int j = 0; j < values.length; j++) {
        values[j] = args.get(j).eval(batch);
      }
      Object[] out = new Object[batch.size()];
      Object[] row = new Object[values.length];
      rows:
      for (int i = 0; i < out.length; i++) {
        for (int j = 0; j < values.length; j++) {
          row[j] = values[j].get(i);
          if (row[j] == null) {
            continue rows;
          }
        }
        out[i] = f.apply(row);
      }
      return Columns.pack(out);
    };
  }

  /** Evaluates {@code expr} on the rows {@code rows[0..count)} of {@code batch}. */
  static Column evalOn(VectorExpr expr, Batch batch, int[] rows, int count) {
    if (count == batch.size()) {
      return expr.eval(batch);
    }
    return expr.eval(batch.select(rows, count));
  }

}
