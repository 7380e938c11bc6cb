package io.floe.engine.planner;

import io.floe.engine.exec.Operator;
import io.floe.engine.exec.ProjectOperator;
import io.floe.engine.exec.UnnestOperator;
import io.floe.engine.expr.ExprCompiler;
import io.floe.engine.expr.VectorExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * UNNEST in a plan, as Calcite converts it: {@code FROM t CROSS JOIN UNNEST(t.a)} (or {@code LEFT JOIN ... ON TRUE})
 * is a Correlate whose right input is an Uncollect of a projection of the correlated row's columns; a FROM
 * {@code UNNEST(ARRAY[...])} alone is an Uncollect of its input. Both become an {@link UnnestOperator} over the
 * left (or the Uncollect's) input, under the projection of the Uncollect's columns the planner may have put between
 * them. One collection per UNNEST.
 */
final class UnnestPlans {
  private UnnestPlans() {
  }

  /** The operator for {@code rel} ({@code build} makes its input's), or null when {@code rel} is no UNNEST. */
  static Operator build(RelNode rel, Function<RelNode, Operator> build) {
    if (rel instanceof Uncollect uncollect) {
      RelNode input = uncollect.getInput();
      requireOneCollection(input.getRowType().getFieldCount());
      return new UnnestOperator(build.apply(input), batch -> batch.column(0),
          shape(uncollect, input.getRowType().getFieldList().get(0).getType(), false, false));
    }
    if (!(rel instanceof Correlate correlate)) {
      return null;
    }
    RelNode right = correlate.getRight();
    Project above = right instanceof Project p && p.getInput() instanceof Uncollect ? p : null;
    if (!((above == null ? right : above.getInput()) instanceof Uncollect uncollect)
        || !(uncollect.getInput() instanceof Project project) || !(project.getInput() instanceof Values)) {
      return null;
    }
    if (correlate.getJoinType() != JoinRelType.INNER && correlate.getJoinType() != JoinRelType.LEFT) {
      throw new UnsupportedOperationException("not supported: " + correlate.getJoinType() + " JOIN UNNEST "
          + "(CROSS JOIN or LEFT JOIN ... ON TRUE)");
    }
    requireOneCollection(project.getProjects().size());
    RelDataType left = correlate.getLeft().getRowType();
    RexNode collection = project.getProjects().get(0).accept(new RexShuttle() {
      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable variable
            && variable.id.equals(correlate.getCorrelationId())) {
          return RexInputRef.of(access.getField().getIndex(), left);
        }
        return super.visitFieldAccess(access);
      }

      @Override
      public RexNode visitCorrelVariable(RexCorrelVariable variable) {
        throw new UnsupportedOperationException("not supported: UNNEST of " + project.getProjects().get(0));
      }
    });
    ExprCompiler compiler = new ExprCompiler(rel.getCluster().getRexBuilder());
    Operator unnest = new UnnestOperator(build.apply(correlate.getLeft()), compiler.compile(collection),
        shape(uncollect, collection.getType(), true, correlate.getJoinType() == JoinRelType.LEFT));
    return above == null ? unnest : new ProjectOperator(unnest, projection(above, left.getFieldCount(), compiler));
  }

  /** The left input's columns, then {@code above}'s expressions over the Uncollect's columns that follow them. */
  private static List<VectorExpr> projection(Project above, int leftColumns, ExprCompiler compiler) {
    List<VectorExpr> exprs = new ArrayList<>();
    for (int c = 0; c < leftColumns; c++) {
      int column = c;
      exprs.add(batch -> batch.column(column));
    }
    for (RexNode expr : RexUtil.shift(above.getProjects(), leftColumns)) {
      exprs.add(compiler.compile(expr));
    }
    return exprs;
  }

  private static void requireOneCollection(int collections) {
    if (collections != 1) {
      throw new UnsupportedOperationException("not supported: UNNEST of " + collections + " collections at once "
          + "(unnest each in its own CROSS JOIN)");
    }
  }

  private static UnnestOperator.Shape shape(Uncollect uncollect, RelDataType collection, boolean keepInput,
      boolean outer) {
    int elementColumns = uncollect.getRowType().getFieldCount() - (uncollect.withOrdinality ? 1 : 0);
    boolean spreadRows = collection.getSqlTypeName() != SqlTypeName.MAP && collection.getComponentType().isStruct()
        && !uncollect.getRowType().getFieldList().get(0).getType().isStruct();
    return new UnnestOperator.Shape(keepInput, elementColumns, spreadRows, uncollect.withOrdinality, outer);
  }
}
