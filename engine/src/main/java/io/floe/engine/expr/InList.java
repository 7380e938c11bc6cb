package io.floe.engine.expr;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.Nulls;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code x IN (v1, v2, ...)} of constants over a typed column, x evaluated once: the constants in the column's
 * representation (unscaled at its decimal scale, doubles, UTF-8 bytes), sorted, and each row looked up by binary
 * search. A NULL x gives NULL.
 */
final class InList {
  private final List<Object> constants;
  private volatile LongKeys longKeys;
  private final double[] doubles;
  private final byte[][] bytes;
  /** Bit n set when a string constant is n bytes long (n below 63); bit 63: some constant is 63 bytes or longer. */
  private final long byteLengths;

  /** {@code operand [NOT] IN (constants)}: the form an IN list of two or more constants takes in a SEARCH. */
  record Membership(RexNode operand, InList constants, boolean negated) {
    /**
     * The membership test that {@code expanded} (a SEARCH expanded by {@code RexUtil.expandSearch}) is: an OR of
     * equalities (or an AND of inequalities) of one operand with non-null constants; null for anything else.
     */
    static Membership of(RexNode expanded) {
      boolean negated = expanded.getKind() == SqlKind.AND;
      SqlKind test = negated ? SqlKind.NOT_EQUALS : SqlKind.EQUALS;
      List<RexNode> terms = expanded.getKind() == SqlKind.OR || negated ? ((RexCall) expanded).getOperands()
          : List.of(expanded);
      RexNode operand = null;
      List<Object> constants = new ArrayList<>();
      for (RexNode term : terms) {
        if (term.getKind() != test) {
          return null;
        }
        List<RexNode> sides = ((RexCall) term).getOperands();
        if (!(sides.get(1) instanceof RexLiteral literal) || literal.isNull()
            || operand != null && !operand.equals(sides.get(0))) {
          return null;
        }
        operand = sides.get(0);
        constants.add(Values.literal(literal));
      }
      return constants.size() < 2 ? null : new Membership(operand, new InList(constants), negated);
    }
  }

  /** The sorted keys at one decimal scale. */
  private record LongKeys(LongColumn.Kind kind, int scale, long[] keys) {
  }

  InList(List<Object> constants) {
    this.constants = List.copyOf(constants);
    List<Double> d = new ArrayList<>();
    List<byte[]> b = new ArrayList<>();
    for (Object c : constants) {
      if (c instanceof Number n) {
        d.add(n.doubleValue());
      } else if (c instanceof String s) {
        b.add(s.getBytes(StandardCharsets.UTF_8));
      }
    }
    doubles = d.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    bytes = b.toArray(new byte[0][]);
    Arrays.sort(bytes, Arrays::compareUnsigned);
    long lengths = 0;
    for (byte[] constant : bytes) {
      lengths |= 1L << Math.min(constant.length, 63);
    }
    byteLengths = lengths;
  }

  /** x IN the constants ({@code negated}: NOT IN), or null for columns it does not handle. */
  BoolColumn eval(Column x, boolean negated) {
    int n = x.size();
    boolean[] out = new boolean[n];
    if (x instanceof LongColumn l) {
      long[] keys = longKeys(l);
      if (keys == null) {
        return null;
      }
      long[] v = l.values();
      for (int i = 0; i < n; i++) {
        out[i] = (Arrays.binarySearch(keys, v[i]) >= 0) != negated;
      }
      return new BoolColumn(out, l.nulls(), n);
    }
    if (x instanceof DoubleColumn d && doubles.length == constants.size()) {
      double[] v = d.values();
      for (int i = 0; i < n; i++) {
        out[i] = (Arrays.binarySearch(doubles, v[i]) >= 0) != negated;
      }
      return new BoolColumn(out, d.nulls(), n);
    }
    if (x instanceof BytesColumn b && b.text() && bytes.length == constants.size()) {
      for (int i = 0; i < n; i++) {
        out[i] = contains(b, i) != negated;
      }
      return new BoolColumn(out, b.nulls(), n);
    }
    return null;
  }

  /**
   * Keeps the rows among {@code rows[0..count)} whose x is not NULL and is ({@code negated}: is not) one of the
   * constants, tested in place; returns how many, or -1 for columns it does not handle.
   */
  int select(Column x, boolean negated, int[] rows, int count) {
    int out = 0;
    boolean[] nulls;
    if (x instanceof LongColumn l) {
      nulls = l.nulls();
      long[] keys = longKeys(l);
      if (keys == null) {
        return -1;
      }
      long[] v = l.values();
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        rows[out] = row;
        out += (Arrays.binarySearch(keys, v[row]) >= 0) != negated ? 1 : 0;
      }
    } else if (x instanceof DoubleColumn d && doubles.length == constants.size()) {
      nulls = d.nulls();
      double[] v = d.values();
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        rows[out] = row;
        out += (Arrays.binarySearch(doubles, v[row]) >= 0) != negated ? 1 : 0;
      }
    } else if (x instanceof BytesColumn b && b.text() && bytes.length == constants.size()) {
      nulls = b.nulls();
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        rows[out] = row;
        out += contains(b, row) != negated ? 1 : 0;
      }
    } else {
      return -1;
    }
    return Nulls.dropNullRows(nulls, rows, out);
  }

  /** Whether row {@code row} of {@code b} is one of the (sorted) string constants. */
  private boolean contains(BytesColumn b, int row) {
    int length = b.length(row);
    if ((byteLengths & 1L << Math.min(length, 63)) == 0) {
      return false; // no constant is that long
    }
    byte[] data = b.data();
    int from = b.start(row);
    int to = from + length;
    int lo = 0;
    int hi = bytes.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Arrays.compareUnsigned(bytes[mid], 0, bytes[mid].length, data, from, to);
      if (c == 0) {
        return true;
      } else if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return false;
  }

  /** The constants as sorted longs in {@code column}'s representation, or null when one is not comparable so. */
  private long[] longKeys(LongColumn column) {
    LongKeys cached = longKeys;
    if (cached != null && cached.kind() == column.kind() && cached.scale() == column.scale()) {
      return cached.keys();
    }
    long[] keys = new long[constants.size()];
    int count = 0;
    for (Object c : constants) {
      if (column.kind() == LongColumn.Kind.DATE) {
        if (!(c instanceof Integer days)) {
          return null;
        }
        keys[count++] = days;
      } else if (c instanceof Long || c instanceof BigDecimal) {
        BigDecimal scaled = Values.toBigDecimal(c).movePointRight(column.scale());
        if (scaled.signum() != 0 && scaled.stripTrailingZeros().scale() > 0) {
          continue; // more decimal places than the column holds: equals no row
        }
        try {
          keys[count++] = scaled.longValueExact();
        } catch (ArithmeticException e) {
          return null;
        }
      } else {
        return null;
      }
    }
    keys = Arrays.copyOf(keys, count);
    Arrays.sort(keys);
    longKeys = new LongKeys(column.kind(), column.scale(), keys);
    return keys;
  }
}
