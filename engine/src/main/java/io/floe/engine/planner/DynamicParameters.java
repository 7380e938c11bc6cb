package io.floe.engine.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/** Finds the dynamic parameters ({@code ?}) of a plan, including those inside subqueries, with their types. */
final class DynamicParameters extends RelVisitor {
  private final Map<Integer, RelDataType> types = new TreeMap<>();

  private final RexShuttle rexCollector = new RexShuttle() {
    @Override
    public RexNode visitDynamicParam(RexDynamicParam param) {
      types.putIfAbsent(param.getIndex(), param.getType());
      return param;
    }

    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
      DynamicParameters.this.go(subQuery.rel);
      return super.visitSubQuery(subQuery);
    }
  };

  private DynamicParameters() {
  }

  /** The parameter types of {@code plan} in index order; fails when a parameter's type cannot be found. */
  static List<RelDataType> types(RelNode plan) {
    DynamicParameters collector = new DynamicParameters();
    collector.go(plan);
    List<RelDataType> ordered = new ArrayList<>();
    for (Map.Entry<Integer, RelDataType> entry : collector.types.entrySet()) {
      if (entry.getKey() != ordered.size()) {
        throw new IllegalStateException("the type of parameter " + (ordered.size() + 1) + " is unknown");
      }
      ordered.add(entry.getValue());
    }
    return ordered;
  }

  @Override
  public void visit(RelNode node, int ordinal, RelNode parent) {
    node.accept(rexCollector);
    super.visit(node, ordinal, parent);
  }
}
