package io.floe.engine.expr;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Compiles a WHERE condition into a {@link RowFilter} over selection vectors, as a vectorized engine filters:
 * <ul>
 *   <li>AND narrows the selection conjunct by conjunct, comparisons of a column with a constant first (they cannot
 *   fail, so running them first only spares the others rows);</li>
 *   <li>OR keeps the rows a disjunct keeps, trying each later disjunct only on the rows not yet kept;</li>
 *   <li>a column compared with a constant, or IN a list of constants, is tested in place on the selected rows
 *   ({@link ConstantComparisonFilter}, {@link InList});</li>
 *   <li>anything else is evaluated by {@link ExprCompiler} on the selected rows only.</li>
 * </ul>
 * As with {@link Logic}'s AND and OR, an operand is evaluated only on rows still undecided, so a guarded division
 * by zero is not evaluated.
 */
final class FilterCompiler {
  private static final Set<SqlKind> ORDERINGS = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN,
      SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL);

  private final ExprCompiler compiler;
  private final RexBuilder rexBuilder;

  FilterCompiler(ExprCompiler compiler, RexBuilder rexBuilder) {
    this.compiler = compiler;
    this.rexBuilder = rexBuilder;
  }

  RowFilter compile(RexNode condition) {
    switch (condition.getKind()) {
      case AND:
      case SEARCH: {
        List<RexNode> conjuncts = conjuncts(condition);
        if (conjuncts.size() == 1 && conjuncts.get(0) == condition) {
          return single(condition);
        }
        return conjunction(compileConjuncts(conjuncts));
      }
      case OR:
        return disjunction(RelOptUtil.disjunctions(condition).stream().map(this::compile).toList());
      default:
        return single(condition);
    }
  }

  /** {@code condition}'s conjuncts in the order they run, each compiled (a condition that is no AND: itself). */
  List<RowFilter.Conjunct> compileConjuncts(RexNode condition) {
    boolean and = condition.getKind() == SqlKind.AND || condition.getKind() == SqlKind.SEARCH;
    return compileConjuncts(and ? conjuncts(condition) : List.of(condition));
  }

  /**
   * The conjuncts compiled, comparisons of a column with constants first: numbers and dates with one constant, then
   * with IN lists, then strings (a byte comparison or binary search per row), then the others (the order otherwise
   * kept).
   */
  private List<RowFilter.Conjunct> compileConjuncts(List<RexNode> conjuncts) {
    List<RexNode> ordered = new ArrayList<>(conjuncts);
    ordered.sort(Comparator.comparingInt(FilterCompiler::rank));
    return ordered.stream()
        .map(c -> new RowFilter.Conjunct(compile(c), RelOptUtil.InputFinder.bits(c).toArray(), rank(c) <= 1, c))
        .toList();
  }

  /** The conjuncts of {@code condition}, with ranges (SEARCH) expanded to their bounds; [NOT] IN lists stay SEARCH. */
  private List<RexNode> conjuncts(RexNode condition) {
    List<RexNode> out = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      RexNode expanded = conjunct.getKind() == SqlKind.SEARCH
          ? RexUtil.expandSearch(rexBuilder, null, conjunct) : conjunct;
      if (expanded.getKind() == SqlKind.AND && InList.Membership.of(expanded) == null) { // NOT IN stays a list
        out.addAll(conjuncts(expanded));
      } else {
        out.add(conjunct);
      }
    }
    return out;
  }

  private static RowFilter conjunction(List<RowFilter.Conjunct> conjuncts) {
    RowFilter[] filters = conjuncts.stream().map(RowFilter.Conjunct::filter).toArray(RowFilter[]::new);
    return (batch, rows, count) -> {
      for (int f = 0; f < filters.length && count > 0; f++) {
        count = filters[f].select(batch, rows, count);
      }
      return count;
    };
  }

  private static RowFilter disjunction(List<RowFilter> disjuncts) {
    return (batch, rows, count) -> {
      boolean[] kept = new boolean[batch.size()];
      int[] pending = Arrays.copyOf(rows, count);
      int[] tried = new int[count];
      int undecided = count;
      for (int d = 0; d < disjuncts.size() && undecided > 0; d++) {
        System.arraycopy(pending, 0, tried, 0, undecided);
        int selected = disjuncts.get(d).select(batch, tried, undecided);
        for (int i = 0; i < selected; i++) {
          kept[tried[i]] = true;
        }
        int next = 0;
        for (int i = 0; i < undecided; i++) {
          int row = pending[i];
          pending[next] = row;
          next += kept[row] ? 0 : 1;
        }
        undecided = next;
      }
      int out = 0;
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        rows[out] = row;
        out += kept[row] ? 1 : 0;
      }
      return out;
    };
  }

  private RowFilter single(RexNode condition) {
    RowFilter general = general(condition);
    InList.Membership in = condition.getKind() == SqlKind.SEARCH
        ? InList.Membership.of(RexUtil.expandSearch(rexBuilder, null, condition)) : null;
    if (in != null && in.operand() instanceof RexInputRef ref) {
      int column = ref.getIndex();
      return (batch, rows, count) -> {
        int kept = in.constants().select(batch.column(column), in.negated(), rows, count);
        return kept >= 0 ? kept : general.select(batch, rows, count);
      };
    }
    ConstantComparison comparison = constantComparison(condition);
    return comparison == null ? general
        : new ConstantComparisonFilter(comparison.column(), comparison.kind(), comparison.value(), general);
  }

  /** The condition evaluated as an expression on the selected rows; the rows where it is TRUE are kept. */
  private RowFilter general(RexNode condition) {
    LazyOperand operand = compiler.lazy(condition);
    return (batch, rows, count) -> {
      Column result = operand.evalOn(batch, rows, count);
      BoolColumn b = result instanceof BoolColumn typed ? typed : Logic.boxedBooleans(result, "WHERE");
      boolean[] values = b.values();
      boolean[] nulls = b.nulls();
      int out = 0;
      for (int i = 0; i < count; i++) {
        rows[out] = rows[i];
        out += values[i] && (nulls == null || !nulls[i]) ? 1 : 0;
      }
      return out;
    };
  }

  /** Where {@code conjunct} runs among the conjuncts: cheap tests that cannot fail first (see compileConjuncts). */
  private static int rank(RexNode conjunct) {
    if (!cannotFail(conjunct)) {
      return 3;
    }
    ConstantComparison comparison = constantComparison(conjunct);
    RexNode column = comparison != null ? comparison.operand() : ((RexCall) conjunct).getOperands().get(0);
    if (SqlTypeUtil.inCharOrBinaryFamilies(column.getType())) {
      return 2;
    }
    return comparison != null ? 0 : 1;
  }

  /** Whether {@code conjunct} compares a column with constants (it cannot fail, so it may run first). */
  private static boolean cannotFail(RexNode conjunct) {
    return constantComparison(conjunct) != null || conjunct.getKind() == SqlKind.SEARCH
        && ((RexCall) conjunct).getOperands().get(0) instanceof RexInputRef;
  }

  /** {@code column <kind> constant}, with the constant in the engine's representation. */
  private record ConstantComparison(RexInputRef operand, SqlKind kind, Object value) {
    int column() {
      return operand.getIndex();
    }
  }

  /** {@code condition} as a column compared with a non-null constant, or null when it is not one. */
  private static ConstantComparison constantComparison(RexNode condition) {
    if (!ORDERINGS.contains(condition.getKind())) {
      return null;
    }
    List<RexNode> operands = ((RexCall) condition).getOperands();
    if (operands.size() != 2) {
      return null;
    }
    SqlKind kind = condition.getKind();
    if (operands.get(0) instanceof RexInputRef ref && operands.get(1) instanceof RexLiteral literal
        && !literal.isNull()) {
      return new ConstantComparison(ref, kind, Values.literal(literal));
    }
    if (operands.get(1) instanceof RexInputRef ref && operands.get(0) instanceof RexLiteral literal
        && !literal.isNull()) {
      return new ConstantComparison(ref, kind.reverse(), Values.literal(literal));
    }
    return null;
  }
}
