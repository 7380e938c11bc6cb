package io.floe.engine.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.engine.FloeSession;
import io.floe.engine.tpch.TpchWarehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The equalities {@link TransitiveJoinEqualities} adds to a multi-join of orders, lineitem and a third factor joined
 * on {@code o_orderkey}: {@code l_orderkey = } the third factor's key when that factor reads one table, none when it
 * is an aggregate or is outer joined.
 */
class TransitiveJoinEqualitiesTest {
  private static FloeSession session;

  @BeforeAll
  static void setUp() {
    TpchWarehouse warehouse = TpchWarehouse.at(Path.of("target").resolve("tpch-sf0.01"), 0.01);
    session = FloeSession.open(warehouse.root(), TpchWarehouse.SCHEMA);
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (session != null) {
      session.close();
    }
  }

  @Test
  void aFilteredScanJoinedOnTheSameKeyGetsTheImpliedEquality() throws Exception {
    List<RexNode> conjuncts = derivedFilter(JoinRelType.INNER,
        b -> b.filter(b.greaterThan(b.field("l_quantity"), b.literal(30))));
    assertEquals(3, conjuncts.size(), conjuncts.toString());
    assertEquals("=($1, $2)", conjuncts.get(2).toString(), "lineitem's l_orderkey = the third factor's");
  }

  @Test
  void anAggregatedFactorGetsNone() throws Exception {
    List<RexNode> conjuncts = derivedFilter(JoinRelType.INNER,
        b -> b.aggregate(b.groupKey("l_orderkey"), b.sum(b.field("l_quantity"))));
    assertEquals(2, conjuncts.size(), conjuncts.toString());
  }

  @Test
  void anOuterJoinedFactorGetsNone() throws Exception {
    // its o_orderkey = third.l_orderkey is an outer join condition: l_orderkey = third.l_orderkey would drop the
    // orders without a third row
    List<RexNode> conjuncts = derivedFilter(JoinRelType.LEFT,
        b -> b.filter(b.greaterThan(b.field("l_quantity"), b.literal(30))));
    assertEquals(List.of("=($0, $1)"), conjuncts.stream().map(RexNode::toString).toList());
  }

  /**
   * The join filter of the multi-join {@code orders JOIN lineitem ON o_orderkey = l_orderkey JOIN|LEFT JOIN
   * third ON o_orderkey = third.l_orderkey}, where {@code third} is lineitem's {@code l_orderkey, l_quantity}
   * shaped by {@code shape}, after {@link TransitiveJoinEqualities#derive}.
   */
  private static List<RexNode> derivedFilter(JoinRelType thirdJoin, UnaryOperator<RelBuilder> shape)
      throws Exception {
    RelNode orders = session.planner().plan("SELECT o_orderkey FROM orders");
    RelNode lineitem = session.planner().plan("SELECT l_orderkey FROM lineitem");
    RelNode third = session.planner().plan("SELECT l_orderkey, l_quantity FROM lineitem");
    RelBuilder b = RelFactories.LOGICAL_BUILDER.create(orders.getCluster(), null);
    b.push(orders).push(lineitem);
    b.join(JoinRelType.INNER, b.equals(b.field(2, 0, "o_orderkey"), b.field(2, 1, "l_orderkey")));
    b.push(third);
    shape.apply(b);
    b.project(b.field(0));
    b.join(thirdJoin, b.equals(b.field(2, 0, 0), b.field(2, 1, 0)));
    HepPlanner hep = new HepPlanner(HepProgram.builder().addMatchOrder(HepMatchOrder.BOTTOM_UP)
        .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN).build());
    hep.setRoot(b.build());
    RelNode derived = TransitiveJoinEqualities.derive(hep.findBestExp());
    MultiJoin multiJoin = (MultiJoin) derived;
    return RelOptUtil.conjunctions(multiJoin.getJoinFilter());
  }
}
