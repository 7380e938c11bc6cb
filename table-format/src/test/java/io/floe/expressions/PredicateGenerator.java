package io.floe.expressions;

import io.floe.types.PrimitiveType;
import io.floe.types.RandomValues;
import io.floe.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random filters on one column, with literals drawn mostly from a pool of the column's values. */
final class PredicateGenerator {
  private PredicateGenerator() {
  }

  static Expression randomFilter(Random r, String column, PrimitiveType type, List<Object> pool) {
    return switch (r.nextInt(8)) {
      case 0 -> Expressions.and(randomPredicate(r, column, type, pool), randomPredicate(r, column, type, pool));
      case 1 -> Expressions.or(randomPredicate(r, column, type, pool), randomPredicate(r, column, type, pool));
      case 2 -> Expressions.not(randomFilter(r, column, type, pool));
      default -> randomPredicate(r, column, type, pool);
    };
  }

  static Expression randomPredicate(Random r, String column, PrimitiveType type, List<Object> pool) {
    boolean floating = type.typeId() == TypeId.FLOAT || type.typeId() == TypeId.DOUBLE;
    boolean string = type.typeId() == TypeId.STRING;
    List<Operation> ops = new ArrayList<>(List.of(Operation.IS_NULL, Operation.NOT_NULL, Operation.LT, Operation.LT_EQ, Operation.GT,
        Operation.GT_EQ, Operation.EQ, Operation.NOT_EQ, Operation.IN, Operation.NOT_IN));
    if (floating) {
      ops.add(Operation.IS_NAN);
      ops.add(Operation.NOT_NAN);
    }
    if (string) {
      ops.add(Operation.STARTS_WITH);
      ops.add(Operation.NOT_STARTS_WITH);
      ops.add(Operation.STARTS_WITH);
    }
    Operation op = ops.get(r.nextInt(ops.size()));
    if (op.isUnary()) {
      return new UnboundPredicate(op, column, List.of());
    }
    if (op == Operation.STARTS_WITH || op == Operation.NOT_STARTS_WITH) {
      return new UnboundPredicate(op, column, List.of(randomPrefix(r, pool)));
    }
    List<Object> literals = new ArrayList<>();
    int n = op.isSet() ? 1 + r.nextInt(3) : 1;
    while (literals.size() < n) {
      Object lit = r.nextInt(3) > 0 ? pool.get(r.nextInt(pool.size())) : RandomValues.value(r, type);
      if (lit != null && !RowEvaluator.isNaN(lit)) {
        literals.add(lit);
      }
    }
    return new UnboundPredicate(op, column, literals);
  }

  private static String randomPrefix(Random r, List<Object> pool) {
    Object v = pool.get(r.nextInt(pool.size()));
    if (v == null || r.nextInt(4) == 0) {
      return RandomValues.randomString(r, r.nextInt(3));
    }
    String s = v.toString();
    int cps = s.codePointCount(0, s.length());
    String prefix = s.substring(0, s.offsetByCodePoints(0, r.nextInt(cps + 1)));
    return r.nextInt(3) == 0 ? prefix + RandomValues.randomString(r, 1) : prefix;
  }
}
