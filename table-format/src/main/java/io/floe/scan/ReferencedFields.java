package io.floe.scan;

import io.floe.expressions.And;
import io.floe.expressions.BoundPredicate;
import io.floe.expressions.Expression;
import io.floe.expressions.Not;
import io.floe.expressions.Or;
import java.util.LinkedHashSet;
import java.util.Set;

/** The field ids a bound expression refers to. */
final class ReferencedFields {
  private ReferencedFields() {
  }

  static Set<Integer> of(Expression e) {
    Set<Integer> ids = new LinkedHashSet<>();
    collect(e, ids);
    return ids;
  }

  private static void collect(Expression e, Set<Integer> ids) {
    if (e instanceof And a) {
      collect(a.left(), ids);
      collect(a.right(), ids);
    } else if (e instanceof Or o) {
      collect(o.left(), ids);
      collect(o.right(), ids);
    } else if (e instanceof Not n) {
      collect(n.child(), ids);
    } else if (e instanceof BoundPredicate p) {
      ids.add(p.fieldId());
    }
  }
}
