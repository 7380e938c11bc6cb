package io.floe.expressions;

import io.floe.partition.PartitionField;
import io.floe.partition.PartitionSpec;
import io.floe.partition.Transform;
import io.floe.types.NestedField;
import io.floe.types.Type;
import io.floe.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Projects row filters onto partition values. An inclusive projection is true for every partition that may hold
 * a matching row, so partitions (and manifests) where it is false can be skipped. NOT is pushed down first, then
 * each predicate is projected through every partition field of its column (AND of all of them, true when none):
 * identity keeps the predicate; bucket projects = and IN; truncate and year/month/day/hour project comparisons
 * as Iceberg does (strict bounds become inclusive ones on the neighbouring value), truncate on strings projects
 * starts-with; everything else projects to true.
 */
public final class Projections {
  private Projections() {
  }

  /** The inclusive projection of a filter bound to {@code spec.schema()}, bound to {@code spec.partitionType()}. */
  public static Expression inclusive(PartitionSpec spec, Expression boundRowFilter) {
    return project(spec, RewriteNot.rewrite(boundRowFilter));
  }

  private static Expression project(PartitionSpec spec, Expression expr) {
    if (expr instanceof And a) {
      return Expressions.and(project(spec, a.left()), project(spec, a.right()));
    } else if (expr instanceof Or o) {
      return Expressions.or(project(spec, o.left()), project(spec, o.right()));
    } else if (expr instanceof BoundPredicate p) {
      return projectPredicate(spec, p);
    } else if (expr instanceof UnboundPredicate p) {
      throw new IllegalArgumentException("predicate " + p + " is not bound; bind the filter with Binder.bind first");
    }
    return expr;
  }

  private static Expression projectPredicate(PartitionSpec spec, BoundPredicate p) {
    Expression result = Expressions.alwaysTrue();
    List<PartitionField> fields = spec.fields();
    for (int i = 0; i < fields.size(); i++) {
      PartitionField f = fields.get(i);
      if (f.sourceId() != p.fieldId()) {
        continue;
      }
      NestedField partition = spec.partitionType().fields().get(i);
      Expression projected;
      try {
        projected = new FieldProjection(f.transform(), p.field().type(), partition).project(p);
      } catch (ArithmeticException | DateTimeException | IllegalArgumentException e) {
        // a literal at the edge of the type's range that the transform cannot handle: nothing can be excluded
        projected = Expressions.alwaysTrue();
      }
      result = Expressions.and(result, projected);
    }
    return result;
  }

  /** The projection of predicates on one source column through one partition field. */
  private record FieldProjection(Transform transform, Type source, NestedField partition) {

    Expression project(BoundPredicate p) {
      Expression projected = projectRaw(p);
      return isTime() ? fixPre1970(projected) : projected;
    }

    private Expression projectRaw(BoundPredicate p) {
      if (transform instanceof Transform.Identity) {
        return new BoundPredicate(p.op(), partition, p.literals());
      } else if (transform instanceof Transform.Void) {
        return Expressions.alwaysTrue();
      }
      switch (p.op()) {
        case IS_NULL:
        case NOT_NULL:
          // these transforms map null to null and every other value to a non-null value
          return pred(p.op(), List.of());
        case EQ:
          return pred(Operation.EQ, List.of(apply(p.literal())));
        case IN:
          return in(p.literals());
        default:
          break;
      }
      if (transform instanceof Transform.Bucket) {
        return Expressions.alwaysTrue();
      }
      if (source.typeId() == TypeId.STRING || source.typeId() == TypeId.BINARY) {
        return projectTruncatedArray(p, ((Transform.Truncate) transform).width());
      }
      return projectOrdered(p);
    }

    /** Truncate of strings and binary: truncation preserves order (not strictly), and prefixes. */
    private Expression projectTruncatedArray(BoundPredicate p, int width) {
      return switch (p.op()) {
        case LT, LT_EQ -> pred(Operation.LT_EQ, List.of(apply(p.literal())));
        case GT, GT_EQ -> pred(Operation.GT_EQ, List.of(apply(p.literal())));
        case STARTS_WITH -> {
          String prefix = p.literal().toString();
          int length = prefix.codePointCount(0, prefix.length());
          // a value starting with the prefix truncates to a value starting with it, or to the prefix cut to width
          yield length < width ? pred(Operation.STARTS_WITH, List.of(prefix)) : pred(Operation.EQ, List.of(apply(prefix)));
        }
        case NOT_STARTS_WITH -> {
          String prefix = p.literal().toString();
          int length = prefix.codePointCount(0, prefix.length());
          yield length < width ? pred(Operation.NOT_STARTS_WITH, List.of(prefix))
              : length == width ? pred(Operation.NOT_EQ, List.of(prefix)) : Expressions.alwaysTrue();
        }
        default -> Expressions.alwaysTrue();
      };
    }

    /**
     * Order-preserving transforms of numbers, dates and timestamps: {@code x < b} means {@code x <= b - 1}, so
     * {@code f(x) <= f(b - 1)}; likewise {@code x > b} gives {@code f(x) >= f(b + 1)}.
     */
    private Expression projectOrdered(BoundPredicate p) {
      Object b = p.literal();
      Expression projected = switch (p.op()) {
        case LT -> pred(Operation.LT_EQ, List.of(apply(step(b, -1))));
        case LT_EQ -> pred(Operation.LT_EQ, List.of(apply(b)));
        case GT -> pred(Operation.GT_EQ, List.of(apply(step(b, 1))));
        case GT_EQ -> pred(Operation.GT_EQ, List.of(apply(b)));
        default -> Expressions.alwaysTrue();
      };
      return transform instanceof Transform.Truncate ? withWrappedValues(p, projected) : projected;
    }

    /**
     * Truncate computes ints and longs in their own width, as Iceberg does, so values just above MIN_VALUE wrap
     * around to one partition value near MAX_VALUE. Ranges that may contain those values must include it.
     */
    private Expression withWrappedValues(BoundPredicate p, Expression projected) {
      long min;
      if (source.typeId() == TypeId.INT) {
        min = Integer.MIN_VALUE;
      } else if (source.typeId() == TypeId.LONG) {
        min = Long.MIN_VALUE;
      } else {
        return projected;
      }
      long width = ((Transform.Truncate) transform).width();
      long remainder = Math.floorMod(min, width);
      if (remainder == 0) {
        return projected;
      }
      long lastWrapped = min + (width - remainder) - 1;
      Object wrapped = apply(source.typeId() == TypeId.INT ? (Object) (int) min : (Object) min);
      long b = ((Number) p.literal()).longValue();
      return switch (p.op()) {
        case LT -> b > min && b - 1 > lastWrapped ? Expressions.or(projected, pred(Operation.EQ, List.of(wrapped))) : projected;
        case LT_EQ -> b > lastWrapped ? Expressions.or(projected, pred(Operation.EQ, List.of(wrapped))) : projected;
        case GT -> b < lastWrapped ? pred(Operation.NOT_NULL, List.of()) : projected;
        case GT_EQ -> b <= lastWrapped ? pred(Operation.NOT_NULL, List.of()) : projected;
        default -> projected;
      };
    }

    /**
     * Writers before Iceberg 0.13 rounded pre-1970 dates and timestamps towards zero, one unit too high; include
     * that neighbour for negative values so their files are not skipped, as Iceberg does.
     */
    private Expression fixPre1970(Expression projected) {
      if (!(projected instanceof BoundPredicate q)) {
        return projected;
      }
      return switch (q.op()) {
        case LT_EQ -> (Integer) q.literal() < 0 ? pred(Operation.LT_EQ, List.of((Integer) q.literal() + 1)) : projected;
        case EQ, IN -> {
          List<Object> values = new ArrayList<>(q.literals());
          for (Object v : q.literals()) {
            if ((Integer) v < 0 && !values.contains((Integer) v + 1)) {
              values.add((Integer) v + 1);
            }
          }
          yield values.size() == 1 ? projected : pred(Operation.IN, values);
        }
        default -> projected;
      };
    }

    private Expression in(List<Object> literals) {
      List<Object> values = new ArrayList<>();
      for (Object v : literals) {
        Object t = apply(v);
        if (!values.contains(t)) {
          values.add(t);
        }
      }
      return values.size() == 1 ? pred(Operation.EQ, values) : pred(Operation.IN, values);
    }

    private boolean isTime() {
      return transform instanceof Transform.Year || transform instanceof Transform.Month || transform instanceof Transform.Day
          || transform instanceof Transform.Hour;
    }

    private Object apply(Object value) {
      return transform.apply(source, value);
    }

    private Expression pred(Operation op, List<Object> literals) {
      return new BoundPredicate(op, partition, literals);
    }

    /** The neighbouring value of the source type: next int, long, day, microsecond or decimal unit. */
    private Object step(Object value, int delta) {
      if (value instanceof Integer i) {
        return i + delta;
      } else if (value instanceof Long l) {
        return l + delta;
      } else if (value instanceof BigDecimal d) {
        return new BigDecimal(d.unscaledValue().add(BigInteger.valueOf(delta)), d.scale());
      }
      throw new IllegalArgumentException("no neighbouring value of " + value + " in " + source);
    }
  }
}
