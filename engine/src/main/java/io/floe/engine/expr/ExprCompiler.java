package io.floe.engine.expr;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Compiles Calcite row expressions into {@link VectorExpr}s evaluated a batch at a time over typed columns, with
 * SQL's three-valued logic. AND, OR, CASE and COALESCE evaluate an operand only on the rows still undecided, so a
 * guarded division by zero is not evaluated. Every operator has a typed kernel; the boxed row-at-a-time path is
 * left for inputs no kernel handles (counted by {@link BoxedFallback}). An expression it cannot evaluate fails
 * here, at plan time.
 */
public final class ExprCompiler {
  private final RexBuilder rexBuilder;

  public ExprCompiler(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  public VectorExpr compile(RexNode node) {
    if (node instanceof RexInputRef ref) {
      int index = ref.getIndex();
      return batch -> batch.column(index);
    }
    if (node instanceof RexLiteral literal) {
      return constant(literal);
    }
    if (node instanceof RexCall call) {
      return call(call);
    }
    if (node instanceof RexFieldAccess access) {
      return new NestedValues(this).field(access);
    }
    throw new UnsupportedOperationException("not supported: expression " + node);
  }

  /** A WHERE condition as a filter of selection vectors ({@link FilterCompiler}). */
  public RowFilter compileFilter(RexNode condition) {
    return new FilterCompiler(this, rexBuilder).compile(condition);
  }

  /**
   * {@code condition}'s conjuncts (the condition itself when it is no AND), compiled as {@link #compileFilter} would,
   * in the order they run, with the columns each reads: for filters that make columns only as conjuncts need them.
   */
  public List<RowFilter.Conjunct> compileConjuncts(RexNode condition) {
    return new FilterCompiler(this, rexBuilder).compileConjuncts(condition);
  }

  private static VectorExpr constant(RexLiteral literal) {
    Object value = Values.literal(literal);
    Representation representation = Representation.of(literal.getType());
    Column[] cached = new Column[1];
    return batch -> {
      Column c = cached[0];
      if (c == null || c.size() != batch.size()) {
        c = value == null ? representation.nulls(batch.size())
            : value instanceof byte[] b ? BytesColumn.constant(b, batch.size(), false)
            : Columns.constant(value, batch.size());
        cached[0] = c;
      }
      return c;
    };
  }

  LazyOperand lazy(RexNode node) {
    return new LazyOperand(compile(node), RelOptUtil.InputFinder.bits(node).toArray(), node.getType());
  }

  private List<LazyOperand> lazyOperands(RexCall call) {
    List<LazyOperand> out = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      out.add(lazy(operand));
    }
    return out;
  }

  private VectorExpr call(RexCall call) {
    SqlKind kind = call.getKind();
    List<RexNode> ops = call.getOperands();
    switch (kind) {
      case AND:
        return Logic.and(lazyOperands(call));
      case OR:
        return Logic.or(lazyOperands(call));
      case SEARCH:
        return search(call);
      case NOT:
        return not(compile(ops.get(0)));
      case IS_NULL:
      case IS_NOT_NULL: {
        VectorExpr a = compile(ops.get(0));
        boolean wanted = kind == SqlKind.IS_NULL;
        return batch -> {
          Column x = a.eval(batch);
          boolean[] out = new boolean[batch.size()];
          for (int i = 0; i < out.length; i++) {
            out[i] = x.isNull(i) == wanted;
          }
          return new BoolColumn(out, null, out.length);
        };
      }
      case IS_TRUE:
      case IS_NOT_TRUE:
      case IS_FALSE:
      case IS_NOT_FALSE:
        return truth(kind, compile(ops.get(0)));
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(kind, compile(ops.get(0)), compile(ops.get(1)));
      case IS_DISTINCT_FROM:
      case IS_NOT_DISTINCT_FROM:
        return distinct(kind == SqlKind.IS_DISTINCT_FROM, compile(ops.get(0)), compile(ops.get(1)));
      case PLUS:
      case MINUS:
      case TIMES:
      case DIVIDE:
      case MOD:
        if (ops.size() != 2) {
          break;
        }
        return ArithmeticCompiler.arithmetic(kind, call.getType(), ops.get(0).getType(), ops.get(1).getType(),
            compile(ops.get(0)), compile(ops.get(1)));
      case MINUS_PREFIX:
        return unary("-", compile(ops.get(0)), x -> NumericKernels.negateOrAbs(x, false), Arithmetic::negate);
      case PLUS_PREFIX:
      case REINTERPRET:
        return compile(ops.get(0));
      case CAST: {
        RelDataType from = ops.get(0).getType();
        RelDataType to = call.getType();
        if (SqlTypeName.INTERVAL_TYPES.contains(from.getSqlTypeName())
            && !SqlTypeName.INTERVAL_TYPES.contains(to.getSqlTypeName())) {
          // Calcite rewrites casts of intervals to exact numbers as arithmetic; other targets have no definition here
          throw new UnsupportedOperationException("not supported: CAST of " + from + " to " + to);
        }
        return unary("CAST", compile(ops.get(0)), x -> CastKernels.cast(x, from, to), v -> Casts.cast(v, from, to));
      }
      case SAFE_CAST:
        return tryCast(compile(ops.get(0)), ops.get(0).getType(), call.getType());
      case CASE:
        return Logic.caseWhen(lazyOperands(call), call.getType());
      case COALESCE:
        return Logic.coalesce(lazyOperands(call), call.getType());
      case LIKE:
        return like(call);
      case EXTRACT: {
        TimeUnitRange unit = (TimeUnitRange) ((RexLiteral) ops.get(0)).getValue();
        SqlTypeName type = ops.get(1).getType().getSqlTypeName();
        if (!DateKernels.EXTRACTABLE.contains(unit) || type != SqlTypeName.DATE && type != SqlTypeName.TIMESTAMP) {
          throw new UnsupportedOperationException("not supported: EXTRACT(" + unit + " FROM " + type + ")");
        }
        boolean timestamp = type == SqlTypeName.TIMESTAMP;
        return unary("EXTRACT", compile(ops.get(1)), x -> DateKernels.extract(unit, x, timestamp),
            v -> DateFunctions.extract(unit, v, type));
      }
      case TRIM: {
        SqlTrimFunction.Flag flag = (SqlTrimFunction.Flag) ((RexLiteral) ops.get(0)).getValue();
        boolean leading = flag != SqlTrimFunction.Flag.TRAILING;
        boolean trailing = flag != SqlTrimFunction.Flag.LEADING;
        return binary("TRIM", compile(ops.get(1)), compile(ops.get(2)),
            (c, s) -> StringKernels.trim(c, s, leading, trailing),
            (c, s) -> StringFunctions.trim((String) c, (String) s, leading, trailing));
      }
      case POSITION:
        if (ops.size() == 2 && call.getOperator().getName().equalsIgnoreCase("STRPOS")) { // STRPOS(s, needle)
          return binary("STRPOS", compile(ops.get(1)), compile(ops.get(0)), StringKernels::position,
              (a, b) -> (long) ((String) b).indexOf((String) a) + 1);
        }
        if (ops.size() == 2) {
          return binary("POSITION", compile(ops.get(0)), compile(ops.get(1)), StringKernels::position,
              (a, b) -> (long) ((String) b).indexOf((String) a) + 1);
        }
        break;
      case ROW:
      case ARRAY_VALUE_CONSTRUCTOR:
      case MAP_VALUE_CONSTRUCTOR:
        return new NestedValues(this).constructor(call);
      case ITEM:
        return new NestedValues(this).item(call);
      case FLOOR:
      case CEIL:
        if (ops.size() == 1) {
          int direction = kind == SqlKind.FLOOR ? -1 : 1;
          return rounding(kind.name(), call, direction, 0);
        }
        break;
      default:
        break;
    }
    return function(call);
  }

  private VectorExpr function(RexCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    List<RexNode> ops = call.getOperands();
    switch (name) {
      case "SUBSTRING":
      case "SUBSTR": { // SUBSTR(s, start [, length]): PostgreSQL's, Trino's and DuckDB's spelling
        VectorExpr s = compile(ops.get(0));
        VectorExpr start = compile(ops.get(1));
        VectorExpr length = ops.size() > 2 ? compile(ops.get(2)) : null;
        return batch -> {
          Column x = s.eval(batch);
          Column from = start.eval(batch);
          Column count = length == null ? null : length.eval(batch);
          Column typed = StringKernels.substring(x, from, count);
          if (typed != null) {
            return typed;
          }
          BoxedFallback.record("SUBSTRING");
          return boxedN(count == null ? new Column[] {x, from} : new Column[] {x, from, count},
              a -> StringFunctions.substring((String) a[0], ((Number) a[1]).longValue(),
                  a.length > 2 ? ((Number) a[2]).longValue() : null));
        };
      }
      case "UPPER":
      case "LOWER": {
        boolean upper = name.equals("UPPER");
        return unary(name, compile(ops.get(0)), x -> StringKernels.changeCase(x, upper),
            v -> upper ? ((String) v).toUpperCase(Locale.ROOT) : ((String) v).toLowerCase(Locale.ROOT));
      }
      case "CHAR_LENGTH":
      case "CHARACTER_LENGTH":
      case "LENGTH":
        return unary(name, compile(ops.get(0)), StringKernels::charLength, v -> (long) ((String) v).length());
      case "||":
        return binary("||", asText(ops.get(0)), asText(ops.get(1)), StringKernels::concat,
            (a, b) -> (String) a + b);
      case "ABS":
        return unary("ABS", compile(ops.get(0)), x -> NumericKernels.negateOrAbs(x, true), Arithmetic::abs);
      case "ROUND": {
        if (ops.size() == 2 && !(ops.get(1) instanceof RexLiteral)) {
          break;
        }
        int digits = ops.size() == 2 ? ((RexLiteral) ops.get(1)).getValueAs(Integer.class) : 0;
        return rounding("ROUND", call, 0, digits);
      }
      case "TRUNCATE":
      case "TRUNC": {
        if (ops.size() == 2 && !(ops.get(1) instanceof RexLiteral)) {
          throw new UnsupportedOperationException("not supported: " + name + " to a number of places that is not "
              + "a constant in " + call);
        }
        int digits = ops.size() == 2 ? ((RexLiteral) ops.get(1)).getValueAs(Integer.class) : 0;
        return rounding(name, call, NumericKernels.TOWARD_ZERO, digits);
      }
      case "SIGN":
        return unary("SIGN", compile(ops.get(0)), MathKernels::sign,
            v -> v instanceof Double d ? (Object) Math.signum(d) : v instanceof java.math.BigDecimal b
                ? java.math.BigDecimal.valueOf(b.signum()).setScale(b.scale()) : (Object) (long) Long.signum(
                    ((Number) v).longValue()));
      case "CARDINALITY":
        return new NestedValues(this).cardinality(call);
      case "ARRAY_CONTAINS":
      case "ARRAY_POSITION":
      case "ARRAY_TO_STRING":
      case "ARRAY_JOIN":
      case "ARRAY_DISTINCT":
      case "MAP_KEYS":
      case "MAP_VALUES":
      case "MAP_CONTAINS_KEY":
        return new NestedValues(this).function(name, call);
      case "PI":
        return constant((RexLiteral) rexBuilder.makeApproxLiteral(java.math.BigDecimal.valueOf(Math.PI)));
      default:
        VectorExpr library = new LibraryFunctions(this, rexBuilder).compile(name, call);
        if (library != null) {
          return library;
        }
        if (ops.size() == 1 && MathKernels.UNARY.containsKey(name)) {
          java.util.function.DoubleUnaryOperator f = MathKernels.UNARY.get(name);
          return unary(name, compile(ops.get(0)), x -> MathKernels.apply(x, name, f),
              v -> f.applyAsDouble(((Number) v).doubleValue()));
        }
        if (ops.size() == 2 && MathKernels.BINARY.containsKey(name)) {
          java.util.function.DoubleBinaryOperator f = MathKernels.BINARY.get(name);
          return binary(name, compile(ops.get(0)), compile(ops.get(1)), (x, y) -> MathKernels.apply(x, y, name, f),
              (u, v) -> f.applyAsDouble(((Number) u).doubleValue(), ((Number) v).doubleValue()));
        }
        break;
    }
    throw new UnsupportedOperationException("not supported: function " + call.getOperator().getName()
        + " in " + call);
  }

  /** An operand as VARCHAR (for {@code ||} and CONCAT). */
  VectorExpr asText(RexNode node) {
    RelDataType from = node.getType();
    if (SqlTypeName.CHAR_TYPES.contains(from.getSqlTypeName())) {
      return compile(node);
    }
    RelDataType to = rexBuilder.getTypeFactory().createSqlType(SqlTypeName.VARCHAR);
    return unary("CAST", compile(node), x -> CastKernels.cast(x, from, to), v -> Casts.toText(v,
        from.getSqlTypeName()));
  }

  /** FLOOR (-1), CEIL (+1) or ROUND (0) to {@code digits} places. */
  private VectorExpr rounding(String name, RexCall call, int direction, int digits) {
    RelDataType type = call.getType();
    int resultScale = type.getSqlTypeName() == SqlTypeName.DECIMAL ? type.getScale() : 0;
    return unary(name, compile(call.getOperands().get(0)), x -> NumericKernels.round(x, direction, digits,
        resultScale), v -> Arithmetic.round(v, direction, digits, resultScale));
  }

  private static VectorExpr not(VectorExpr a) {
    return batch -> {
      Column x = a.eval(batch);
      BoolColumn b = x instanceof BoolColumn typed ? typed : Logic.boxedBooleans(x, "NOT");
      boolean[] v = b.values();
      boolean[] out = new boolean[b.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = !v[i];
      }
      return new BoolColumn(out, b.nulls(), out.length);
    };
  }

  /** IS [NOT] TRUE / IS [NOT] FALSE: never NULL. */
  private static VectorExpr truth(SqlKind kind, VectorExpr a) {
    boolean wanted = kind == SqlKind.IS_TRUE || kind == SqlKind.IS_NOT_TRUE;
    boolean negated = kind == SqlKind.IS_NOT_TRUE || kind == SqlKind.IS_NOT_FALSE;
    return batch -> {
      Column x = a.eval(batch);
      BoolColumn b = x instanceof BoolColumn typed ? typed : Logic.boxedBooleans(x, kind.name());
      boolean[] v = b.values();
      boolean[] out = new boolean[b.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = (!b.isNull(i) && v[i] == wanted) != negated;
      }
      return new BoolColumn(out, null, out.length);
    };
  }

  private static VectorExpr comparison(SqlKind kind, VectorExpr left, VectorExpr right) {
    return binary(kind.sql, left, right, (x, y) -> Kernels.compare(kind, x, y),
        (a, b) -> Kernels.test(kind, Values.compare(a, b)));
  }

  private static VectorExpr distinct(boolean distinct, VectorExpr left, VectorExpr right) {
    return batch -> {
      Column x = left.eval(batch);
      Column y = right.eval(batch);
      int n = batch.size();
      boolean[] out = new boolean[n];
      BoolColumn equal = Kernels.compare(SqlKind.EQUALS, x, y);
      if (equal == null) {
        BoxedFallback.record("IS DISTINCT FROM");
      }
      for (int i = 0; i < n; i++) {
        boolean same;
        if (x.isNull(i) || y.isNull(i)) {
          same = x.isNull(i) && y.isNull(i);
        } else {
          same = equal != null ? equal.values()[i] : Values.compare(x.get(i), y.get(i)) == 0;
        }
        out[i] = same != distinct;
      }
      return new BoolColumn(out, null, n);
    };
  }

  /** SEARCH: an IN list of constants through {@link InList}, other ranges as the comparisons they expand to. */
  private VectorExpr search(RexCall call) {
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, call);
    InList.Membership in = InList.Membership.of(expanded);
    if (in == null) {
      return compile(expanded);
    }
    VectorExpr x = compile(in.operand());
    VectorExpr general = compile(expanded);
    return batch -> {
      BoolColumn typed = in.constants().eval(x.eval(batch), in.negated());
      return typed != null ? typed : general.eval(batch);
    };
  }

  private VectorExpr like(RexCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    boolean negated = name.startsWith("NOT");
    List<RexNode> ops = call.getOperands();
    if (name.endsWith("ILIKE")) { // value and pattern in lower case, then LIKE (a constant pattern stays one)
      List<RexNode> lowered = new ArrayList<>(ops);
      lowered.set(0, rexBuilder.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.LOWER, ops.get(0)));
      RexNode pattern = ops.get(1) instanceof RexLiteral literal && !literal.isNull()
          ? rexBuilder.makeLiteral(literal.getValueAs(String.class).toLowerCase(Locale.ROOT))
          : rexBuilder.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.LOWER, ops.get(1));
      lowered.set(1, pattern);
      ops = lowered;
    }
    VectorExpr value = compile(ops.get(0));
    String escape = ops.size() > 2 ? ((RexLiteral) ops.get(2)).getValueAs(String.class) : null;
    if (ops.get(1) instanceof RexLiteral literal) {
      String text = literal.getValueAs(String.class);
      Pattern pattern = StringFunctions.likePattern(text, escape);
      LikeSegments segments = LikeSegments.of(text, escape);
      LikeMatcher matcher = segments == null ? LikeMatcher.compile(text, escape) : null;
      return unary("LIKE", value, v -> segments != null ? segments.match(v, negated) : matcher.match(v, negated),
          v -> pattern.matcher((String) v).matches() != negated);
    }
    LikeMatcher.PerRow perRow = new LikeMatcher.PerRow(escape);
    return binary("LIKE", value, compile(ops.get(1)), (v, p) -> perRow.match(v, p, negated),
        (v, p) -> StringFunctions.likePattern((String) p, escape).matcher((String) v).matches() != negated);
  }

  /** A unary operator: the typed kernel, or {@code f} on each non-null boxed value when it returns null. */
  static VectorExpr unary(String name, VectorExpr a, Function<Column, Column> kernel, Function<Object, Object> f) {
    return batch -> {
      Column x = a.eval(batch);
      Column typed = kernel.apply(x);
      if (typed != null) {
        return typed;
      }
      if (!allNull(x)) {
        BoxedFallback.record(name);
      }
      return boxed1(x, f);
    };
  }

  /**
   * TRY_CAST: the cast's typed kernel when every value casts; else each value cast by itself, NULL where it fails
   * with a data error (a number out of range, text that is no number or date), which is what TRY_CAST means.
   */
  private static VectorExpr tryCast(VectorExpr input, RelDataType from, RelDataType to) {
    return batch -> {
      Column x = input.eval(batch);
      try {
        Column typed = CastKernels.cast(x, from, to);
        if (typed != null) {
          return typed;
        }
      } catch (SqlStateException someRowFails) {
        // cast row by row below: the rows that fail become NULL
      }
      return boxed1(x, v -> {
        try {
          return Casts.cast(v, from, to);
        } catch (SqlStateException e) {
          return null;
        }
      });
    };
  }

  /** A binary operator: the typed kernel, or {@code f} on each pair of non-null boxed values. */
  static VectorExpr binary(String name, VectorExpr a, VectorExpr b, BiFunction<Column, Column, Column> kernel,
      BiFunction<Object, Object, Object> f) {
    return batch -> {
      Column x = a.eval(batch);
      Column y = b.eval(batch);
      Column typed = kernel.apply(x, y);
      if (typed != null) {
        return typed;
      }
      if (!allNull(x) && !allNull(y)) {
        BoxedFallback.record(name);
      }
      return boxed2(x, y, f);
    };
  }

  private static boolean allNull(Column x) {
    for (int i = 0; i < x.size(); i++) {
      if (!x.isNull(i)) {
        return false;
      }
    }
    return true;
  }

  /** {@code f} of each non-null value, boxed (the fallback). */
  static Column boxed1(Column x, Function<Object, Object> f) {
    Object[] out = new Object[x.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = x.get(i);
      out[i] = v == null ? null : f.apply(v);
    }
    return Columns.pack(out);
  }

  /** {@code f} of each pair of non-null values, boxed (the fallback). */
  static Column boxed2(Column x, Column y, BiFunction<Object, Object, Object> f) {
    Object[] out = new Object[x.size()];
    for (int i = 0; i < out.length; i++) {
      Object u = x.get(i);
      Object v = u == null ? null : y.get(i);
      out[i] = u == null || v == null ? null : f.apply(u, v);
    }
    return Columns.pack(out);
  }

  private static Column boxedN(Column[] values, Function<Object[], Object> f) {
    int n = values[0].size();
    Object[] out = new Object[n];
    Object[] row = new Object[values.length];
    rows:
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < values.length; j++) {
        row[j] = values[j].get(i);
        if (row[j] == null) {
          continue rows;
        }
      }
      out[i] = f.apply(row);
    }
    return Columns.pack(out);
  }
}
