package io.floe.engine.expr;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.LongColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Compiles the calls of {@link FunctionLibrary}'s text, date and comparison functions (and the standard REPLACE,
 * INITCAP, ASCII, SIMILAR TO) to {@link VectorExpr}s over the kernels of {@link TextKernels}, {@link DateUnits} and
 * {@link Extremes}. A unit of DATE_TRUNC, DATE_DIFF or DATE_ADD must be a constant.
 */
final class LibraryFunctions {
  private final ExprCompiler compiler;
  private final RexBuilder rexBuilder;

  LibraryFunctions(ExprCompiler compiler, RexBuilder rexBuilder) {
    this.compiler = compiler;
    this.rexBuilder = rexBuilder;
  }

  /** The compiled call, or null when {@code name} is none of these functions. */
  VectorExpr compile(String name, RexCall call) {
    List<RexNode> ops = call.getOperands();
    switch (name) {
      case "CONCAT":
        return concat(null, ops);
      case "CONCAT_WS":
        return concat(ops.get(0), ops.subList(1, ops.size()));
      case "LTRIM":
      case "RTRIM":
      case "BTRIM": {
        boolean leading = !name.equals("RTRIM");
        boolean trailing = !name.equals("LTRIM");
        VectorExpr chars = compiler.compile(ops.size() > 1 ? ops.get(1) : rexBuilder.makeLiteral(" "));
        return ExprCompiler.binary(name, chars, compiler.compile(ops.get(0)),
            (c, s) -> StringKernels.trim(c, s, leading, trailing),
            (c, s) -> StringFunctions.trim((String) c, (String) s, leading, trailing));
      }
      case "STARTS_WITH":
      case "ENDS_WITH": {
        boolean atStart = name.equals("STARTS_WITH");
        return ExprCompiler.binary(name, compiler.compile(ops.get(0)), compiler.compile(ops.get(1)),
            (s, a) -> TextKernels.hasAffix(s, a, atStart),
            (s, a) -> atStart ? ((String) s).startsWith((String) a) : ((String) s).endsWith((String) a));
      }
      case "REPLACE": {
        List<VectorExpr> args = compileAll(ops);
        return batch -> {
          Column s = args.get(0).eval(batch);
          Column search = args.get(1).eval(batch);
          Column replacement = args.get(2).eval(batch);
          Column typed = TextKernels.replace(s, search, replacement);
          return typed != null ? typed : perRow(List.of(s, search, replacement), batch.size(), call.getType(),
              a -> ((String) a[1]).isEmpty() ? a[0] : ((String) a[0]).replace((String) a[1], (String) a[2]));
        };
      }
      case "GREATEST":
      case "LEAST": {
        boolean greatest = name.equals("GREATEST");
        List<VectorExpr> args = new ArrayList<>();
        for (RexNode op : ops) {
          args.add(compiler.compile(rexBuilder.ensureType(rexBuilder.getTypeFactory().createTypeWithNullability(
              call.getType(), op.getType().isNullable()), op, true)));
        }
        String unsupported = name + " of " + call.getType();
        return batch -> typedOrUnsupported(Extremes.of(evalAll(args, batch), greatest, batch.size()), unsupported);
      }
      case "DATE_TRUNC": {
        DateUnits.Unit unit = DateUnits.Unit.of(constantText(call, 0));
        boolean timestamp = ops.get(1).getType().getSqlTypeName() != SqlTypeName.DATE;
        requireDateOrTimestamp(call, ops.get(1).getType());
        return typedOnly(name, compiler.compile(ops.get(1)), x -> DateUnits.truncate(unit, x, timestamp));
      }
      case "DATE_DIFF":
      case "DATE_SUB": {
        DateUnits.Unit unit = DateUnits.Unit.of(constantText(call, 0));
        requireDateOrTimestamp(call, ops.get(1).getType());
        requireDateOrTimestamp(call, ops.get(2).getType());
        boolean aDate = ops.get(1).getType().getSqlTypeName() == SqlTypeName.DATE;
        boolean bDate = ops.get(2).getType().getSqlTypeName() == SqlTypeName.DATE;
        VectorExpr a = compiler.compile(ops.get(1));
        VectorExpr b = compiler.compile(ops.get(2));
        String unsupported = "DATE_DIFF of these columns in " + call;
        return batch -> typedOrUnsupported(DateUnits.difference(unit, a.eval(batch), b.eval(batch), aDate, bDate),
            unsupported);
      }
      case "DATE_ADD":
        return dateAdd(call);
      case "DATE_PART":
        return extract(DateFunctions.extractUnit(constantText(call, 0)), ops.get(1));
      default:
        return perRowFunction(name, call);
    }
  }

  /** The per-row functions, or null when {@code name} is none of them. */
  private VectorExpr perRowFunction(String name, RexCall call) {
    List<RexNode> ops = call.getOperands();
    Function<Object[], Object> f;
    switch (name) {
      case "LPAD":
      case "RPAD": {
        boolean left = name.equals("LPAD");
        f = a -> StringFunctions.pad((String) a[0], ((Number) a[1]).longValue(), a.length > 2 ? (String) a[2] : " ",
            left);
        break;
      }
      case "LEFT":
        f = a -> StringFunctions.left((String) a[0], ((Number) a[1]).longValue());
        break;
      case "RIGHT":
        f = a -> StringFunctions.right((String) a[0], ((Number) a[1]).longValue());
        break;
      case "REVERSE":
        f = a -> StringFunctions.reverse((String) a[0]);
        break;
      case "TRANSLATE3": // SqlLibraryOperators.TRANSLATE3, written TRANSLATE(s, from, to)
        f = a -> StringFunctions.translate((String) a[0], (String) a[1], (String) a[2]);
        break;
      case "UUID":
      case "GEN_RANDOM_UUID":
        f = a -> java.util.UUID.randomUUID().toString();
        break;
      case "REPEAT":
        f = a -> StringFunctions.repeat((String) a[0], ((Number) a[1]).longValue());
        break;
      case "INITCAP":
        f = a -> StringFunctions.initcap((String) a[0]);
        break;
      case "SPLIT_PART":
        f = a -> StringFunctions.splitPart((String) a[0], (String) a[1], ((Number) a[2]).longValue());
        break;
      case "ASCII":
        f = a -> StringFunctions.ascii((String) a[0]);
        break;
      case "MAKE_DATE":
        f = a -> DateFunctions.makeDate(((Number) a[0]).longValue(), ((Number) a[1]).longValue(),
            ((Number) a[2]).longValue());
        break;
      case "TO_TIMESTAMP":
        f = a -> DateFunctions.epochSecondsToMicros((Number) a[0]);
        break;
      case "MD5":
      case "SHA1":
      case "SHA256":
      case "SHA512": {
        String algorithm = name.equals("MD5") ? "MD5" : "SHA-" + name.substring(3);
        f = a -> StringFunctions.digestHex(algorithm, a[0]);
        break;
      }
      case "CHR":
        f = a -> StringFunctions.chr(((Number) a[0]).longValue());
        break;
      case "REGEXP_LIKE":
      case "REGEXP_MATCHES": {
        Patterns patterns = new Patterns(call, Function.identity());
        f = a -> patterns.of((String) a[1]).matcher((String) a[0]).find();
        break;
      }
      case "REGEXP_REPLACE": {
        Patterns patterns = new Patterns(call, Function.identity());
        f = a -> {
          java.util.regex.Matcher m = patterns.of((String) a[1]).matcher((String) a[0]);
          String replacement = StringFunctions.regexReplacement((String) a[2]);
          boolean all = a.length > 3 && ((String) a[3]).contains("g");
          return all ? m.replaceAll(replacement) : m.replaceFirst(replacement);
        };
        break;
      }
      case "REGEXP_EXTRACT": {
        Patterns patterns = new Patterns(call, Function.identity());
        f = a -> StringFunctions.regexExtract(patterns.of((String) a[1]), (String) a[0],
            a.length > 2 ? ((Number) a[2]).longValue() : 0);
        break;
      }
      case "STRFTIME":
      case "DATE_FORMAT": {
        SqlTypeName type = ops.get(0).getType().getSqlTypeName();
        requireDateOrTimestamp(call, ops.get(0).getType());
        StrftimeFormat.Dialect dialect = name.equals("STRFTIME") ? StrftimeFormat.Dialect.STRFTIME
            : StrftimeFormat.Dialect.MYSQL;
        PatternCache<StrftimeFormat> formats = new PatternCache<>(format -> StrftimeFormat.compile(format, dialect));
        f = a -> formats.of((String) a[1]).format(DateFunctions.localDateTime(((Number) a[0]).longValue(),
            type == SqlTypeName.DATE));
        break;
      }
      case "SIMILAR TO":
      case "NOT SIMILAR TO": {
        boolean negated = name.startsWith("NOT");
        String escape = ops.size() > 2 ? constantText(call, 2) : null;
        Patterns patterns = new Patterns(call, p -> StringFunctions.similarPattern(p, escape));
        f = a -> patterns.of((String) a[1]).matcher((String) a[0]).matches() != negated;
        break;
      }
      default:
        return null;
    }
    List<VectorExpr> args = compileAll(ops.size() > 2 && name.endsWith("SIMILAR TO") ? ops.subList(0, 2) : ops);
    RelDataType type = call.getType();
    return batch -> perRow(evalAll(args, batch), batch.size(), type, f);
  }

  /** Regular expressions compiled once per distinct pattern text (22023 naming an invalid one). */
  private static final class Patterns {
    private final PatternCache<Pattern> compiled;

    Patterns(RexCall call, Function<String, String> toJava) {
      String where = call.getOperator().getName();
      this.compiled = new PatternCache<>(p -> {
        try {
          return Pattern.compile(toJava.apply(p));
        } catch (IllegalArgumentException e) {
          throw new SqlStateException("2201B", "invalid regular expression in " + where + ": '" + p + "': "
              + e.getMessage());
        }
      });
    }

    Pattern of(String pattern) {
      return compiled.of(pattern);
    }
  }

  private static Column perRow(List<Column> columns, int n, RelDataType type, Function<Object[], Object> f) {
    return TextKernels.perRow(columns, n, Representation.of(type), f);
  }

  private List<VectorExpr> compileAll(List<RexNode> ops) {
    List<VectorExpr> out = new ArrayList<>(ops.size());
    for (RexNode op : ops) {
      out.add(compiler.compile(op));
    }
    return out;
  }

  /** CONCAT ({@code separator} null) or CONCAT_WS of the operands as text. */
  private VectorExpr concat(RexNode separator, List<RexNode> parts) {
    if (separator != null && RexUtil.isNullLiteral(separator, true)) {
      return compiler.compile(rexBuilder.makeNullLiteral(rexBuilder.getTypeFactory().createSqlType(
          SqlTypeName.VARCHAR)));
    }
    VectorExpr sep = separator == null ? null : compiler.asText(separator);
    List<VectorExpr> texts = new ArrayList<>();
    for (RexNode part : parts) {
      if (!RexUtil.isNullLiteral(part, true)) { // a NULL adds nothing
        texts.add(compiler.asText(part));
      }
    }
    String unsupported = (sep == null ? "CONCAT" : "CONCAT_WS") + " of values that are not text";
    return batch -> typedOrUnsupported(TextKernels.joined(sep == null ? null : sep.eval(batch),
        evalAll(texts, batch), batch.size()), unsupported);
  }

  /** EXTRACT(unit FROM x), compiled as the standard EXTRACT is. */
  private VectorExpr extract(TimeUnitRange unit, RexNode datetime) {
    return compiler.compile(rexBuilder.makeCall(SqlStdOperatorTable.EXTRACT, rexBuilder.makeFlag(unit), datetime));
  }

  /** DATE_ADD('unit', n, x): x plus n units (months, or whole milliseconds), through the interval kernel. */
  private VectorExpr dateAdd(RexCall call) {
    DateUnits.Unit unit = DateUnits.Unit.of(constantText(call, 0));
    RelDataType type = call.getOperands().get(2).getType();
    requireDateOrTimestamp(call, type);
    boolean timestamp = type.getSqlTypeName() == SqlTypeName.TIMESTAMP;
    boolean yearMonth = unit.months > 0;
    long per = unit.perInterval();
    VectorExpr amount = compiler.compile(call.getOperands().get(1));
    VectorExpr datetime = compiler.compile(call.getOperands().get(2));
    String unsupported = "DATE_ADD of these values in " + call;
    return batch -> {
      Column n = amount.eval(batch);
      Column interval = n instanceof LongColumn l && l.kind() == LongColumn.Kind.INTEGER ? DateUnits.times(l, per)
          : null;
      Column typed = interval == null ? null
          : DateKernels.plusInterval(SqlKind.PLUS, datetime.eval(batch), interval, timestamp, yearMonth);
      return typedOrUnsupported(typed, unsupported);
    };
  }

  private static void requireDateOrTimestamp(RexCall call, RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    if (name != SqlTypeName.DATE && name != SqlTypeName.TIMESTAMP) {
      throw new UnsupportedOperationException("not supported: " + call.getOperator().getName() + " of " + type);
    }
  }

  /** The text of constant operand {@code index}; 0A000 when it is not a constant. */
  private static String constantText(RexCall call, int index) {
    if (!(call.getOperands().get(index) instanceof RexLiteral literal)) {
      throw new UnsupportedOperationException("not supported: " + call.getOperator().getName()
          + " with an argument " + (index + 1) + " that is not a constant in " + call);
    }
    return literal.getValueAs(String.class);
  }

  /** {@code kernel}'s result; 0A000 at run time for columns it does not read (none of the engine's types). */
  private static VectorExpr typedOnly(String name, VectorExpr a, Function<Column, Column> kernel) {
    String unsupported = name + " of these values";
    return batch -> typedOrUnsupported(kernel.apply(a.eval(batch)), unsupported);
  }

  /** Each argument evaluated on {@code batch}. */
  private static List<Column> evalAll(List<VectorExpr> args, Batch batch) {
    List<Column> columns = new ArrayList<>(args.size());
    for (VectorExpr arg : args) {
      columns.add(arg.eval(batch));
    }
    return columns;
  }

  /** A kernel's {@code typed} result; 0A000 "not supported: {@code what}" when the kernel read no column (null). */
  private static Column typedOrUnsupported(Column typed, String what) {
    if (typed == null) {
      throw new UnsupportedOperationException("not supported: " + what);
    }
    return typed;
  }
}
