package io.floe.engine.expr;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.Columns;
import io.floe.engine.exec.StructColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Expressions over nested values, row at a time on boxed values: a ROW's field ({@code s.f}), the ROW, ARRAY and MAP
 * constructors, a subscript ({@code a[i]}, 1-based, NULL outside the array; {@code m[k]}, NULL for a missing key)
 * and CARDINALITY. In the engine a ROW is a {@link List} of its fields' values, an ARRAY a {@link List} of its
 * elements and a MAP a {@link Map} in its entries' order.
 */
final class NestedValues {
  private final ExprCompiler compiler;

  NestedValues(ExprCompiler compiler) {
    this.compiler = compiler;
  }

  /**
   * Field {@code access.getField()} of the ROW {@code access} reads; NULL where the ROW is NULL. A ROW the scan read
   * ({@link StructColumn}) gives its field's typed column as it is.
   */
  VectorExpr field(RexFieldAccess access) {
    VectorExpr row = compiler.compile(access.getReferenceExpr());
    int index = access.getField().getIndex();
    return batch -> {
      Column rows = row.eval(batch);
      return rows instanceof StructColumn struct ? struct.field(index)
          : ExprCompiler.boxed1(rows, v -> ((List<?>) v).get(index));
    };
  }

  /** A ROW, ARRAY or MAP constructor. */
  VectorExpr constructor(RexCall call) {
    List<VectorExpr> values = call.getOperands().stream().map(compiler::compile).toList();
    return switch (call.getKind()) {
      case ROW, ARRAY_VALUE_CONSTRUCTOR -> batch -> each(values, batch, row -> row);
      case MAP_VALUE_CONSTRUCTOR -> batch -> each(values, batch, row -> {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < row.size(); i += 2) {
          map.put(row.get(i), row.get(i + 1));
        }
        return map;
      });
      default -> throw new IllegalArgumentException("not a ROW, ARRAY or MAP constructor: " + call);
    };
  }

  /** {@code a[i]} of an ARRAY (1-based) or {@code m[k]} of a MAP. */
  VectorExpr item(RexCall call) {
    VectorExpr container = compiler.compile(call.getOperands().get(0));
    VectorExpr index = compiler.compile(call.getOperands().get(1));
    if (call.getOperands().get(0).getType().getSqlTypeName() == SqlTypeName.MAP) {
      return batch -> ExprCompiler.boxed2(container.eval(batch), index.eval(batch),
          (m, k) -> lookup((Map<?, ?>) m, k));
    }
    return batch -> ExprCompiler.boxed2(container.eval(batch), index.eval(batch), (a, i) -> {
      List<?> list = (List<?>) a;
      long position = ((Number) i).longValue();
      return position >= 1 && position <= list.size() ? list.get((int) position - 1) : null;
    });
  }

  private static Object lookup(Map<?, ?> map, Object key) {
    if (map.containsKey(key)) { // the key in the map's own representation: no scan
      return map.get(key);
    }
    Map.Entry<?, ?> entry = entry(map, key);
    return entry == null ? null : entry.getValue();
  }

  private static boolean containsKey(Map<?, ?> map, Object key) {
    return map.containsKey(key) || entry(map, key) != null;
  }

  /** The entry of {@code map} whose key equals {@code key} as SQL compares them (1 and 1.0 alike), or null. */
  private static Map.Entry<?, ?> entry(Map<?, ?> map, Object key) {
    Object wanted = Values.key(key);
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (Objects.equals(Values.key(entry.getKey()), wanted)) {
        return entry;
      }
    }
    return null;
  }

  /** The number of elements of an ARRAY or entries of a MAP. */
  VectorExpr cardinality(RexCall call) {
    VectorExpr value = compiler.compile(call.getOperands().get(0));
    return batch -> ExprCompiler.boxed1(value.eval(batch),
        v -> (long) (v instanceof Map<?, ?> m ? m.size() : ((List<?>) v).size()));
  }

  /**
   * The array and map functions: {@code array_contains(a, x)} (whether an element equals x; NULL elements equal
   * nothing, as in DuckDB), {@code array_position(a, x)} (the first such element's 1-based position, 0 if none),
   * {@code array_to_string(a, sep)} and {@code array_join(a, sep)} (the non-NULL elements as text joined by sep),
   * {@code array_distinct(a)} (first occurrences, in order), {@code map_keys(m)}, {@code map_values(m)} (arrays in
   * entry order) and {@code map_contains_key(m, k)}. NULL arguments give NULL.
   */
  VectorExpr function(String name, RexCall call) {
    VectorExpr first = compiler.compile(call.getOperands().get(0));
    if (call.getOperands().size() == 1) {
      Function<Object, Object> f = switch (name) {
        case "ARRAY_DISTINCT" -> a -> new ArrayList<>(new LinkedHashSet<>((List<?>) a));
        case "MAP_KEYS" -> m -> new ArrayList<>(((Map<?, ?>) m).keySet());
        case "MAP_VALUES" -> m -> new ArrayList<>(((Map<?, ?>) m).values());
        default -> throw new UnsupportedOperationException("not supported: function " + name + " in " + call);
      };
      return batch -> ExprCompiler.boxed1(first.eval(batch), f);
    }
    VectorExpr second = compiler.compile(call.getOperands().get(1));
    BiFunction<Object, Object, Object> f = switch (name) {
      case "ARRAY_CONTAINS" -> (a, x) -> position((List<?>) a, x) > 0;
      case "ARRAY_POSITION" -> (a, x) -> position((List<?>) a, x);
      case "ARRAY_TO_STRING", "ARRAY_JOIN" -> (a, sep) -> String.join((String) sep, ((List<?>) a).stream()
          .filter(Objects::nonNull).map(v -> v instanceof BigDecimal d ? d.toPlainString()
              : String.valueOf(v)).toList());
      case "MAP_CONTAINS_KEY" -> (m, k) -> containsKey((Map<?, ?>) m, k);
      default -> throw new UnsupportedOperationException("not supported: function " + name + " in " + call);
    };
    return batch -> ExprCompiler.boxed2(first.eval(batch), second.eval(batch), f);
  }

  /** The 1-based position of the first element equal to {@code x} (NULL elements equal nothing), else 0. */
  private static long position(List<?> list, Object x) {
    Object wanted = Values.key(x);
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) != null && Objects.equals(Values.key(list.get(i)), wanted)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** {@code build} of each row's operand values (a new list per row). */
  private static Column each(List<VectorExpr> values, Batch batch, Function<List<Object>, Object> build) {
    int rows = batch.size();
    Column[] columns = new Column[values.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = values.get(c).eval(batch);
    }
    Object[] out = new Object[rows];
    Object[] row = new Object[columns.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns.length; c++) {
        row[c] = columns[c].get(r);
      }
      out[r] = build.apply(Arrays.asList(row.clone()));
    }
    return Columns.pack(out);
  }
}
