package io.floe.expressions;

import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Type;
import io.floe.types.TypeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Binds filter expressions to a struct: each {@link UnboundPredicate} becomes a {@link BoundPredicate} on the
 * field its dotted name refers to (through nested structs), with literals converted to the field type's internal
 * values. Strings are read as ISO dates, times, timestamps (timestamptz needs an offset), uuids and decimals;
 * numbers convert across numeric types, and a literal with no exact equivalent in the column type turns the
 * comparison into an equivalent one ({@code int_col < 2.5} becomes {@code int_col < 3}, {@code int_col == 2.5}
 * becomes false). {@code IS NULL} on a column that can never be null is false and {@code NOT NULL} true.
 * Already bound predicates are kept as they are.
 */
public final class Binder {
  private Binder() {
  }

  /** The expression with every predicate bound to {@code struct}; IllegalArgumentException explains what failed. */
  public static Expression bind(StructType struct, Expression expr, boolean caseSensitive) {
    return new Binding(struct, expr, caseSensitive).bind(expr);
  }

  /** True when the expression holds no {@link UnboundPredicate}. */
  public static boolean isBound(Expression expr) {
    if (expr instanceof And a) {
      return isBound(a.left()) && isBound(a.right());
    } else if (expr instanceof Or o) {
      return isBound(o.left()) && isBound(o.right());
    } else if (expr instanceof Not n) {
      return isBound(n.child());
    }
    return !(expr instanceof UnboundPredicate);
  }

  /** A column reachable by name: whether it can be null, and whether it is inside a list or map. */
  private record Column(String name, NestedField field, boolean neverNull, boolean inCollection) {
  }

  private static final class Binding {
    private final Expression root;
    private final boolean caseSensitive;
    private final Map<String, Column> columns = new LinkedHashMap<>();

    Binding(StructType struct, Expression root, boolean caseSensitive) {
      this.root = root;
      this.caseSensitive = caseSensitive;
      index(struct, "", true, false);
    }

    private void index(Type type, String prefix, boolean parentsRequired, boolean inCollection) {
      boolean collection = inCollection || type instanceof ListType || type instanceof MapType;
      for (NestedField f : Schema.childFields(type)) {
        String name = prefix + f.name();
        boolean neverNull = parentsRequired && f.required() && !collection;
        columns.put(name, new Column(name, f, neverNull, collection));
        index(f.type(), name + ".", neverNull, collection);
      }
    }

    Expression bind(Expression expr) {
      if (expr instanceof And a) {
        return Expressions.and(bind(a.left()), bind(a.right()));
      } else if (expr instanceof Or o) {
        return Expressions.or(bind(o.left()), bind(o.right()));
      } else if (expr instanceof Not n) {
        return Expressions.not(bind(n.child()));
      } else if (expr instanceof UnboundPredicate p) {
        return bindPredicate(p);
      }
      return expr;
    }

    private Expression bindPredicate(UnboundPredicate p) {
      Column column = find(p.column());
      NestedField field = column.field();
      if (column.inCollection()) {
        throw new IllegalArgumentException("column '" + column.name() + "' is inside a list or map and cannot be used in filter " + root);
      }
      if (!field.type().isPrimitive()) {
        throw new IllegalArgumentException("cannot filter on column '" + column.name() + "' of type " + field.type()
            + " in " + p + ": only primitive columns can be compared");
      }
      PrimitiveType type = field.type().asPrimitive();
      Operation op = p.op();
      checkLiteralCount(p);
      switch (op) {
        case IS_NULL:
          return column.neverNull() ? Expressions.alwaysFalse() : new BoundPredicate(op, field, List.of());
        case NOT_NULL:
          return column.neverNull() ? Expressions.alwaysTrue() : new BoundPredicate(op, field, List.of());
        case IS_NAN:
        case NOT_NAN:
          if (type.typeId() != TypeId.FLOAT && type.typeId() != TypeId.DOUBLE) {
            throw new IllegalArgumentException(p + ": isNaN/notNaN need a float or double column but '" + column.name() + "' is " + type);
          }
          return new BoundPredicate(op, field, List.of());
        case STARTS_WITH:
        case NOT_STARTS_WITH:
          if (type.typeId() != TypeId.STRING) {
            throw new IllegalArgumentException(p + ": starts-with needs a string column but '" + column.name() + "' is " + type);
          }
          if (!(p.literals().get(0) instanceof CharSequence prefix)) {
            throw new IllegalArgumentException(p + ": the prefix must be a String, not " + className(p.literals().get(0)));
          }
          return new BoundPredicate(op, field, List.of(prefix.toString()));
        case IN:
        case NOT_IN:
          return bindSet(p, column, type);
        default:
          return bindComparison(p, column, type);
      }
    }

    private Expression bindComparison(UnboundPredicate p, Column column, PrimitiveType type) {
      NestedField field = column.field();
      LiteralConversion.Converted c = convert(p, column, type, p.literals().get(0));
      if (c.isExact()) {
        return new BoundPredicate(p.op(), field, List.of(c.exact()));
      }
      // the literal falls between two values of the column type: rewrite to an equivalent comparison
      Object floor = c.floor();
      Object ceil = c.ceil();
      return switch (p.op()) {
        case LT -> ceil != null ? new BoundPredicate(Operation.LT, field, List.of(ceil)) : new BoundPredicate(Operation.LT_EQ, field, List.of(floor));
        case LT_EQ -> floor != null ? new BoundPredicate(Operation.LT_EQ, field, List.of(floor)) : Expressions.alwaysFalse();
        case GT -> floor != null ? new BoundPredicate(Operation.GT, field, List.of(floor)) : new BoundPredicate(Operation.GT_EQ, field, List.of(ceil));
        case GT_EQ -> ceil != null ? new BoundPredicate(Operation.GT_EQ, field, List.of(ceil)) : Expressions.alwaysFalse();
        case EQ -> Expressions.alwaysFalse();
        case NOT_EQ -> Expressions.alwaysTrue();
        default -> throw new IllegalStateException("not a comparison: " + p.op());
      };
    }

    private Expression bindSet(UnboundPredicate p, Column column, PrimitiveType type) {
      List<Object> values = new ArrayList<>();
      for (Object literal : p.literals()) {
        LiteralConversion.Converted c = convert(p, column, type, literal);
        // a literal with no exact value in the column type equals no value of the column
        if (c.isExact() && !values.contains(c.exact())) {
          values.add(c.exact());
        }
      }
      boolean in = p.op() == Operation.IN;
      if (values.isEmpty()) {
        return in ? Expressions.alwaysFalse() : Expressions.alwaysTrue();
      } else if (values.size() == 1) {
        return new BoundPredicate(in ? Operation.EQ : Operation.NOT_EQ, column.field(), values);
      }
      return new BoundPredicate(p.op(), column.field(), values);
    }

    private LiteralConversion.Converted convert(UnboundPredicate p, Column column, PrimitiveType type, Object literal) {
      if (literal == null) {
        throw new IllegalArgumentException(p + ": a null literal is not allowed; use isNull/notNull");
      }
      if ((literal instanceof Double d && d.isNaN()) || (literal instanceof Float f && f.isNaN())) {
        throw new IllegalArgumentException(p + ": NaN cannot be compared; use isNaN/notNaN on column '" + column.name() + "'");
      }
      try {
        return LiteralConversion.convert(type, literal);
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new IllegalArgumentException("cannot use " + literal + " (" + className(literal) + ") as a " + type
            + " value of column '" + column.name() + "' in " + p + ": " + e.getMessage(), e);
      }
    }

    private void checkLiteralCount(UnboundPredicate p) {
      int n = p.literals().size();
      boolean ok = p.op().isUnary() ? n == 0 : p.op().isSet() ? n > 0 : n == 1;
      if (!ok) {
        throw new IllegalArgumentException("predicate " + p.op() + " on column '" + p.column() + "' in filter " + describe(root)
            + " cannot take " + n + " literals");
      }
    }

    private Column find(String name) {
      Column c = columns.get(name);
      if (c == null && !caseSensitive) {
        List<Column> matches = columns.values().stream().filter(col -> col.name().equalsIgnoreCase(name)).toList();
        if (matches.size() > 1) {
          throw new IllegalArgumentException("column '" + name + "' in filter " + root + " is ambiguous ignoring case: "
              + matches.stream().map(Column::name).toList());
        }
        c = matches.isEmpty() ? null : matches.get(0);
      }
      if (c == null) {
        List<String> names = columns.values().stream().filter(col -> !col.inCollection()).map(Column::name).toList();
        throw new IllegalArgumentException("unknown column '" + name + "' in filter " + root + "; columns are " + names
            + (caseSensitive && columns.keySet().stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                ? " (names are case-sensitive)" : ""));
      }
      return c;
    }

    private static String describe(Expression e) {
      try {
        return e.toString();
      } catch (RuntimeException malformed) {
        return "(malformed)";
      }
    }

    private static String className(Object o) {
      return Objects.isNull(o) ? "null" : o.getClass().getName();
    }
  }
}
