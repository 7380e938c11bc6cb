package io.floe.engine.planner;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.ImmutableIntList;

/**
 * Join equalities implied by the others, added to a multi-join's join filter before join ordering: from
 * {@code c.nationkey = s.nationkey} and {@code s.nationkey = n.nationkey} follows {@code c.nationkey = n.nationkey},
 * so the ordering may join customer with nation directly. TPC-H q05 states only the first two: without the third,
 * customers of every region joined orders and then lineitem, whose join key filter kept 924,094 rows; with it,
 * customers are first restricted to the region's nations and 184,082 lineitem rows match.
 *
 * <p>Only the join filter's conjuncts {@code $i = $j} over columns of one type form the classes, so an added
 * equality holds wherever the filter does and changes no result. An outer join's condition is kept apart from the
 * join filter ({@link MultiJoin#getOuterJoinConditions()}), so no equality is derived from it: one that reached a
 * null-extended factor would drop the rows the outer join keeps.
 *
 * <p>Equalities are added only between factors that read one table (a scan under filters and projections): the
 * row estimate of an aggregate, one with a HAVING above all, is too rough to open new orders on. TPC-H q18's IN
 * subquery, grouped by {@code l_orderkey} and estimated at 750,091 groups where there are 57, would otherwise join
 * lineitem directly, and orders would be joined last, whole.
 *
 * <p>The ordering then places some equalities where the inputs already guarantee them (supplier joined on
 * {@code c.nationkey = s.nationkey AND n.nationkey = s.nationkey} above customer joined with nation): the join
 * condition pushdown after ordering simplifies each condition against its inputs' predicates and drops them.
 */
final class TransitiveJoinEqualities {
  private TransitiveJoinEqualities() {
  }

  /** {@code rel} with each multi-join's implied equalities added to its join filter. */
  static RelNode derive(RelNode rel) {
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        return visited instanceof MultiJoin join ? withImpliedEqualities(join) : visited;
      }
    });
  }

  private static RelNode withImpliedEqualities(MultiJoin join) {
    List<RelDataTypeField> fields = join.getRowType().getFieldList();
    ColumnClasses classes = new ColumnClasses(fields.size());
    Set<Long> stated = new HashSet<>();
    List<RexNode> conjuncts = RelOptUtil.conjunctions(join.getJoinFilter());
    for (RexNode conjunct : conjuncts) {
      int[] pair = comparedColumns(conjunct, fields);
      if (pair != null) {
        classes.union(pair[0], pair[1]);
        stated.add(pairKey(pair[0], pair[1]));
      }
    }
    int[] factorOf = factorOfEachField(join);
    boolean[] tableFactor = new boolean[join.getInputs().size()];
    for (int factor = 0; factor < tableFactor.length; factor++) {
      tableFactor[factor] = readsOneTable(join.getInputs().get(factor));
    }
    RexBuilder rex = join.getCluster().getRexBuilder();
    List<RexNode> added = new ArrayList<>();
    for (int a = 0; a < fields.size(); a++) {
      for (int b = a + 1; b < fields.size(); b++) {
        if (factorOf[a] != factorOf[b] && tableFactor[factorOf[a]] && tableFactor[factorOf[b]]
            && classes.same(a, b) && !stated.contains(pairKey(a, b))) {
          added.add(rex.makeCall(SqlStdOperatorTable.EQUALS, rex.makeInputRef(join, a), rex.makeInputRef(join, b)));
        }
      }
    }
    if (added.isEmpty()) {
      return join;
    }
    List<RexNode> filter = new ArrayList<>(conjuncts);
    filter.addAll(added);
    return new MultiJoin(join.getCluster(), join.getInputs(), RexUtil.composeConjunction(rex, filter),
        join.getRowType(), join.isFullOuterJoin(), join.getOuterJoinConditions(), join.getJoinTypes(),
        join.getProjFields(), withReferences(join, added, factorOf), join.getPostJoinFilter());
  }

  /** Whether {@code factor} is one table's rows: a scan under filters and projections. */
  private static boolean readsOneTable(RelNode factor) {
    RelNode rel = factor;
    while (rel instanceof Project || rel instanceof Filter) {
      rel = rel.getInput(0);
    }
    return rel instanceof TableScan;
  }

  /** The two columns {@code conjunct} says are equal, when it is {@code $i = $j} over columns of one type. */
  private static int[] comparedColumns(RexNode conjunct, List<RelDataTypeField> fields) {
    if (conjunct.getKind() != SqlKind.EQUALS) {
      return null;
    }
    List<RexNode> operands = ((RexCall) conjunct).getOperands();
    if (!(operands.get(0) instanceof RexInputRef left) || !(operands.get(1) instanceof RexInputRef right)
        || left.getIndex() == right.getIndex()
        || !SqlTypeUtil.equalSansNullability(fields.get(left.getIndex()).getType(),
            fields.get(right.getIndex()).getType())) {
      return null;
    }
    return new int[] {left.getIndex(), right.getIndex()};
  }

  private static long pairKey(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  private static int[] factorOfEachField(MultiJoin join) {
    int[] factorOf = new int[join.getRowType().getFieldCount()];
    int field = 0;
    for (int factor = 0; factor < join.getInputs().size(); factor++) {
      int count = join.getInputs().get(factor).getRowType().getFieldCount();
      for (int i = 0; i < count; i++) {
        factorOf[field++] = factor;
      }
    }
    return factorOf;
  }

  /** The join's per-factor counts of join filter references to each field, with those of {@code added}. */
  private static ImmutableMap<Integer, ImmutableIntList> withReferences(MultiJoin join, List<RexNode> added,
      int[] factorOf) {
    Map<Integer, int[]> counts = join.getCopyJoinFieldRefCountsMap();
    int[] firstField = new int[join.getInputs().size()];
    for (int field = factorOf.length - 1; field >= 0; field--) {
      firstField[factorOf[field]] = field;
    }
    for (RexNode equality : added) {
      for (RexNode operand : ((RexCall) equality).getOperands()) {
        int field = ((RexInputRef) operand).getIndex();
        int factor = factorOf[field];
        counts.computeIfAbsent(factor, f -> new int[join.getInputs().get(f).getRowType().getFieldCount()])
            [field - firstField[factor]]++;
      }
    }
    ImmutableMap.Builder<Integer, ImmutableIntList> out = ImmutableMap.builder();
    counts.forEach((factor, fieldCounts) -> out.put(factor, ImmutableIntList.of(fieldCounts)));
    return out.build();
  }

  /** Union-find over a multi-join's columns: the classes of columns its join filter makes equal. */
  private static final class ColumnClasses {
    private final int[] parent;

    ColumnClasses(int columns) {
      parent = new int[columns];
      for (int i = 0; i < columns; i++) {
        parent[i] = i;
      }
    }

    int find(int column) {
      while (parent[column] != column) {
        parent[column] = parent[parent[column]];
        column = parent[column];
      }
      return column;
    }

    void union(int a, int b) {
      parent[find(a)] = find(b);
    }

    boolean same(int a, int b) {
      return find(a) == find(b);
    }
  }
}
