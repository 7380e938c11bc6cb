package io.floe.engine.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.TableSpool;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.Pair;
import org.apache.calcite.util.Util;

/** The one-line EXPLAIN label of the operator implementing a logical node: its operator name and attributes. */
final class PlanLabels {
  private PlanLabels() {
  }

  static String of(RelNode rel) {
    return operatorName(rel) + attributes(rel);
  }

  private static String operatorName(RelNode rel) {
    if (rel instanceof FloeTableScan scan) {
      return "Scan " + scan.floeTable().qualifiedName();
    }
    if (rel instanceof Join) {
      return "HashJoin";
    }
    if (rel instanceof RepeatUnion) {
      return "RecursiveUnion";
    }
    if (rel instanceof TableSpool spool) {
      return "WorkTable " + Util.last(spool.getTable().getQualifiedName());
    }
    if (rel instanceof TableScan scan) {
      return "WorkTable scan " + Util.last(scan.getTable().getQualifiedName());
    }
    if (rel instanceof Aggregate) {
      return "HashAggregate";
    }
    if (rel instanceof Sort sort) {
      return sort.getCollation().getFieldCollations().isEmpty() ? "Limit" : "Sort";
    }
    if (rel instanceof Filter || rel instanceof Project || rel instanceof Union || rel instanceof Values
        || rel instanceof Window) {
      return rel.getRelTypeName().replaceFirst("^Logical", "");
    }
    return rel.getRelTypeName();
  }

  /** The node's own attributes (not its inputs), as Calcite's EXPLAIN prints them. */
  private static String attributes(RelNode rel) {
    List<String> items = new ArrayList<>();
    rel.explain(new RelWriter() {
      @Override
      public void explain(RelNode node, List<Pair<String, Object>> values) {
        // Not called: done() ends the node.
      }

      @Override
      public SqlExplainLevel getDetailLevel() {
        return SqlExplainLevel.EXPPLAN_ATTRIBUTES;
      }

      @Override
      public RelWriter item(String term, Object value) {
        if (!(value instanceof RelNode) && !"table".equals(term)) {
          items.add(term + "=" + value);
        }
        return this;
      }

      @Override
      public RelWriter done(RelNode node) {
        return this;
      }
    });
    return items.isEmpty() ? "" : " " + String.join(", ", items);
  }
}
