package io.floe.engine.dml;

import io.floe.engine.exec.RowIdColumns;
import io.floe.engine.parser.SqlMergeWhen;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;

/**
 * The two queries of a MERGE, built from its pair expressions ({@code on}, then per WHEN clause its condition if it
 * has one and its SET or INSERT values, all over (target columns, source columns)) and run by the engine like any
 * query: the target rows it changes, {@code SELECT _file, _pos, <clause chosen>, <the clauses' values> FROM target
 * JOIN source ON ...} (UNION ALL the target rows no source row matches, for WHEN NOT MATCHED BY SOURCE clauses: an
 * anti join); and the rows to insert, {@code SELECT <clause chosen>, <the WHEN NOT MATCHED clauses' values>
 * FROM source WHERE NOT EXISTS (a target row it matches)}. A row chooses the first clause of its kind whose condition
 * holds ({@link MergeClause#NONE}: none does). The source is planned into both.
 */
final class MergeQueries {
  /** The kinds of clause that change target rows: the rows of both come from one query. */
  private static final List<SqlMergeWhen.Kind> CHANGING =
      List.of(SqlMergeWhen.Kind.MATCHED, SqlMergeWhen.Kind.NOT_MATCHED_BY_SOURCE);
  private final RelOptCluster cluster;
  private final RexBuilder rexBuilder;
  private final int targetWidth;
  private final List<RexNode> pairs;
  private final List<SqlMergeWhen> whens;
  private final List<int[]> columns;

  /**
   * @param pairs the pair expressions over (target columns, source columns)
   * @param columns per WHEN clause, the target columns it writes (none for DELETE)
   */
  MergeQueries(RelOptCluster cluster, int targetWidth, List<RexNode> pairs, List<SqlMergeWhen> whens,
      List<int[]> columns) {
    this.cluster = cluster;
    this.rexBuilder = cluster.getRexBuilder();
    this.targetWidth = targetWidth;
    this.pairs = pairs;
    this.whens = whens;
    this.columns = columns;
  }

  /**
   * What a query computes: the plan, and its clauses with their value columns (value 0 is the clause chosen); with
   * {@code targetColumns} at or above 0, the target's columns follow as values from there.
   */
  record Built(RelNode query, List<MergeClause> clauses, int targetColumns) {
  }

  /**
   * The target rows the MERGE changes: those the source matches (the target with its row ids, {@code rowIdTarget},
   * joined with {@code source} on the ON condition) for its WHEN MATCHED clauses, and those it does not (an anti join)
   * for its WHEN NOT MATCHED BY SOURCE clauses, one query (a UNION ALL when there are both). Its values follow
   * {@code _file} and {@code _pos}: the clause chosen, the clauses' values (NULL where the row's kind of clause does
   * not write them), and the target's columns last when {@code withTargetColumns} (what a merge-on-read MERGE writes
   * of an updated row that its clause does not set).
   */
  Built changes(RelNode rowIdTarget, RelNode source, boolean withTargetColumns) throws SQLException {
    // over (target columns, _file, _pos, source columns): the source's columns move up by two
    RexShuttle overJoin = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return ref.getIndex() < targetWidth ? ref : new RexInputRef(ref.getIndex() + 2, ref.getType());
      }
    };
    RexNode on = pairs.get(0).accept(overJoin);
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(cluster, null);
    List<MergeClause> clauses = List.of();
    int targetColumns = -1;
    int parts = 0;
    for (SqlMergeWhen.Kind kind : List.of(SqlMergeWhen.Kind.MATCHED, SqlMergeWhen.Kind.NOT_MATCHED_BY_SOURCE)) {
      if (whens.stream().noneMatch(when -> when.kind == kind)) {
        continue;
      }
      builder.push(rowIdTarget).push(source);
      if (kind == SqlMergeWhen.Kind.MATCHED) {
        builder.join(JoinRelType.INNER, on);
      } else {
        builder.antiJoin(on);
      }
      List<RexNode> outputs = new ArrayList<>(List.of(builder.field(targetWidth), builder.field(targetWidth + 1)));
      clauses = choices(CHANGING, kind, overJoin, outputs, 2);
      targetColumns = withTargetColumns ? outputs.size() - 2 : -1;
      for (int c = 0; withTargetColumns && c < targetWidth; c++) {
        outputs.add(builder.field(c));
      }
      if (kind == SqlMergeWhen.Kind.NOT_MATCHED_BY_SOURCE) {
        requireReadsOnly(outputs, targetWidth + 2, "a WHEN NOT MATCHED BY SOURCE clause can read only the target");
      }
      builder.project(outputs, names(RowIdColumns.FILE, RowIdColumns.POSITION, outputs.size()), true);
      parts++;
    }
    if (parts == 2) {
      builder.union(true);
    }
    return new Built(builder.build(), clauses, targetColumns);
  }

  /** Fails when one of {@code outputs} reads an input at or beyond {@code width}. */
  private static void requireReadsOnly(List<RexNode> outputs, int width, String message) throws SQLException {
    for (RexNode output : outputs) {
      for (int column : RelOptUtil.InputFinder.bits(output)) {
        if (column >= width) {
          throw new SQLException("MERGE: " + message, "42000");
        }
      }
    }
  }

  /** The rows to insert: the source's rows that match no row of {@code target} (the target's scan as planned). */
  Built unmatched(RelNode target, RelNode source) throws SQLException {
    int sourceWidth = source.getRowType().getFieldCount();
    // the ON condition over (source columns, target columns); the values read the source only
    RexShuttle sourceFirst = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        int i = ref.getIndex();
        return new RexInputRef(i < targetWidth ? sourceWidth + i : i - targetWidth, ref.getType());
      }
    };
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(cluster, null);
    builder.push(source).push(target).antiJoin(pairs.get(0).accept(sourceFirst));
    List<RexNode> outputs = new ArrayList<>();
    List<MergeClause> clauses = choices(List.of(SqlMergeWhen.Kind.NOT_MATCHED), SqlMergeWhen.Kind.NOT_MATCHED,
        sourceFirst, outputs, 0);
    requireReadsOnly(outputs, sourceWidth, "a WHEN NOT MATCHED value can read only the source");
    return new Built(builder.project(outputs, names(null, null, outputs.size()), true).build(), clauses, -1);
  }

  /**
   * Adds to {@code outputs} the clause each row chooses among the clauses of kind {@code active}, then the values of
   * every clause of {@code kinds}: those of {@code active} clauses each evaluated only on the rows that chose its
   * clause (a value that would fail elsewhere, such as a division by zero, fails only where it is written), the
   * others NULL. Returns the clauses of {@code kinds} with their value columns ({@code outputs}' index less
   * {@code rowIdColumns}); a clause's index is its place among them.
   */
  private List<MergeClause> choices(List<SqlMergeWhen.Kind> kinds, SqlMergeWhen.Kind active, RexShuttle remap,
      List<RexNode> outputs, int rowIdColumns) {
    RelDataType integer = cluster.getTypeFactory().createSqlType(SqlTypeName.INTEGER);
    List<RexNode> cases = new ArrayList<>();
    List<List<RexNode>> clauseValues = new ArrayList<>();
    List<MergeClause> clauses = new ArrayList<>();
    List<Boolean> activeClauses = new ArrayList<>();
    int next = 1;
    int valueCount = 0;
    for (int k = 0; k < whens.size(); k++) {
      SqlMergeWhen when = whens.get(k);
      RexNode condition = when.condition == null ? null : pairs.get(next++);
      int[] written = columns.get(k);
      List<RexNode> values = pairs.subList(next, next + written.length);
      next += written.length;
      if (!kinds.contains(when.kind)) {
        continue;
      }
      if (when.kind == active) {
        cases.add(condition == null ? rexBuilder.makeLiteral(true) : condition.accept(remap));
        cases.add(choice(clauses.size(), integer));
      }
      int[] valueColumns = new int[written.length];
      for (int i = 0; i < written.length; i++) {
        valueColumns[i] = 1 + valueCount++;
      }
      clauseValues.add(when.kind == active ? values.stream().map(v -> v.accept(remap)).toList() : values);
      activeClauses.add(when.kind == active);
      clauses.add(new MergeClause(when.action, written, valueColumns));
    }
    cases.add(choice(MergeClause.NONE, integer));
    RexNode chosen = cases.size() == 1 ? cases.get(0) : rexBuilder.makeCall(SqlStdOperatorTable.CASE, cases);
    outputs.add(chosen);
    // with one kind of clause, a first clause without a condition is every row's: its values need no guard
    boolean oneKind = activeClauses.stream().allMatch(Boolean::booleanValue);
    boolean everyRowsFirst = oneKind && cases.size() > 1 && cases.get(0).isAlwaysTrue();
    for (int k = 0; k < clauses.size(); k++) {
      RexNode choosesK = rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, chosen, choice(k, integer));
      List<RexNode> values = clauseValues.get(k);
      for (int i = 0; i < clauses.get(k).values().length; i++) {
        if (!activeClauses.get(k)) {
          outputs.add(rexBuilder.makeNullLiteral(nullable(values.get(i).getType())));
        } else if (k == 0 && everyRowsFirst) {
          outputs.add(values.get(i));
        } else {
          outputs.add(rexBuilder.makeCall(SqlStdOperatorTable.CASE, choosesK, values.get(i),
              rexBuilder.makeNullLiteral(nullable(values.get(i).getType()))));
        }
      }
    }
    assert outputs.size() == rowIdColumns + 1 + valueCount;
    return clauses;
  }

  private RelDataType nullable(RelDataType type) {
    return cluster.getTypeFactory().createTypeWithNullability(type, true);
  }

  private RexNode choice(int k, RelDataType integer) {
    return rexBuilder.makeExactLiteral(BigDecimal.valueOf(k), integer);
  }

  /** Names of the query's columns: the row id columns (if given), then {@code choice} and {@code v1}, ... */
  private static List<String> names(String file, String position, int count) {
    List<String> names = new ArrayList<>();
    if (file != null) {
      names.add(file);
      names.add(position);
    }
    names.add("choice");
    while (names.size() < count) {
      names.add("v" + names.size());
    }
    return names;
  }
}
