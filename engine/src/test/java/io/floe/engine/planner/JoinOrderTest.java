package io.floe.engine.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import io.floe.engine.tpch.TpchWarehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Join ordering from statistics over the TPC-H tables at SF 0.01: distinct-count bounds of scanned columns from
 * manifest metrics, join sizes from key distinct counts, the order the multi-join optimizer picks for q05, and the
 * join equalities implied by the others (added to scans' joins before ordering, dropped where redundant after).
 */
class JoinOrderTest {
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

  private static RelNode plan(String sql) throws Exception {
    return session.planner().plan(sql);
  }

  /** The tables scanned under {@code rel}. */
  private static Set<String> tables(RelNode rel) {
    Set<String> names = new TreeSet<>();
    if (rel instanceof FloeTableScan scan) {
      names.add(scan.floeTable().id().name());
    }
    for (RelNode input : rel.getInputs()) {
      names.addAll(tables(input));
    }
    return names;
  }

  private static List<Join> joins(RelNode rel) {
    List<Join> joins = new ArrayList<>();
    if (rel instanceof Join join) {
      joins.add(join);
    }
    for (RelNode input : rel.getInputs()) {
      joins.addAll(joins(input));
    }
    return joins;
  }

  private static FloeTableScan scan(RelNode rel) {
    if (rel instanceof FloeTableScan scan) {
      return scan;
    }
    return scan(rel.getInput(0));
  }

  @Test
  void q05JoinsLineitemBeforeCustomerMeetsSupplier() throws Exception {
    RelNode plan = plan(TpchWarehouse.query("q05"));
    String text = RelOptUtil.toString(plan);
    List<Join> joins = joins(plan);
    assertEquals(5, joins.size(), text);
    for (Join join : joins) {
      Set<String> below = tables(join);
      if (below.contains("customer") && below.contains("supplier")) {
        assertTrue(below.contains("lineitem") && below.contains("orders"),
            "customer meets supplier (only c_nationkey = s_nationkey links them) before lineitem and orders:\n" + text);
      }
    }
  }

  @Test
  void q05JoinsCustomerWithTheRegionsNationsByTheImpliedEquality() throws Exception {
    // q05 states c_nationkey = s_nationkey and s_nationkey = n_nationkey; c_nationkey = n_nationkey follows
    RelNode plan = plan(TpchWarehouse.query("q05"));
    String text = RelOptUtil.toString(plan);
    boolean customerWithNation = false;
    for (Join join : joins(plan)) {
      Set<String> below = tables(join);
      customerWithNation |= below.containsAll(Set.of("customer", "nation", "region")) && !below.contains("supplier");
      if (below.contains("supplier") && below.contains("lineitem")) {
        assertEquals(2, RelOptUtil.conjunctions(join.getCondition()).size(),
            "the supplier join keeps l_suppkey = s_suppkey and one nation key equality, not both:\n" + text);
      }
    }
    assertTrue(customerWithNation, "customers are restricted to the region's nations before orders:\n" + text);
  }

  @Test
  void equalitiesImpliedByTheOthersAreDroppedAndTheRowsStayTheSame() throws Exception {
    String stated = "SELECT count(*) FROM customer, supplier, nation WHERE c_nationkey = s_nationkey"
        + " AND s_nationkey = n_nationkey";
    String redundant = stated + " AND c_nationkey = n_nationkey";
    RelNode plan = plan(redundant);
    int equalities = 0;
    for (Join join : joins(plan)) {
      equalities += RelOptUtil.conjunctions(join.getCondition()).size();
    }
    assertEquals(2, equalities, "three tables need two equalities:\n" + RelOptUtil.toString(plan));
    List<List<Object>> rows = ResultRows.query(session, redundant);
    assertEquals(ResultRows.query(session, stated), rows);
    // every customer-supplier pair of a nation, counted per nation without joining the rows (nation has all keys)
    String perNation = "SELECT sum(cc * sc) FROM (SELECT c_nationkey AS k, count(*) AS cc FROM customer GROUP BY 1) c"
        + " JOIN (SELECT s_nationkey AS k, count(*) AS sc FROM supplier GROUP BY 1) s ON c.k = s.k";
    assertEquals(ResultRows.query(session, perNation), rows);
  }

  @Test
  void noEqualityIsImpliedToAnAggregatedSide() throws Exception {
    // q18's IN subquery (grouped by l_orderkey, HAVING sum(l_quantity) > 300) joins orders on o_orderkey, as
    // lineitem does: l_orderkey = the subquery's key is implied, but the subquery's row estimate is too rough to
    // order by, so it still meets orders, not lineitem
    RelNode plan = plan(TpchWarehouse.query("q18"));
    String text = RelOptUtil.toString(plan);
    int grouped = 0;
    for (Join join : joins(plan)) {
      for (int side = 0; side < 2; side++) {
        if (isAggregateUnderProjections(join.getInput(side))) {
          grouped++;
          assertTrue(tables(join.getInput(1 - side)).contains("orders"), "the subquery meets orders:\n" + text);
        }
      }
    }
    assertEquals(1, grouped, text);
  }

  private static boolean isAggregateUnderProjections(RelNode rel) {
    RelNode below = rel;
    while (below instanceof Project || below instanceof Filter) {
      below = below.getInput(0);
    }
    return below instanceof Aggregate;
  }

  // TransitiveJoinEqualities on a multi-join of orders, lineitem and a third factor joined on o_orderkey: the
  // implied l_orderkey = third.l_orderkey when that factor reads one table, none when it is an aggregate or outer
  // joined

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

  @Test
  void distinctCountsOfScannedColumnsComeFromManifestBounds() throws Exception {
    RelNode plan = plan("SELECT c_custkey, c_nationkey, c_name, c_acctbal FROM customer");
    FloeTableScan scan = scan(plan);
    RelMetadataQuery mq = plan.getCluster().getMetadataQuery();
    int custkey = scan.columnNames().indexOf("c_custkey");
    int nationkey = scan.columnNames().indexOf("c_nationkey");
    int name = scan.columnNames().indexOf("c_name");
    // keys 1..1500 in 1500 rows; nation keys 0..24; names: only the row count bounds them
    assertEquals(1500, mq.getDistinctRowCount(scan, ImmutableBitSet.of(custkey), null), 0.5);
    assertEquals(25, mq.getDistinctRowCount(scan, ImmutableBitSet.of(nationkey), null), 0.5);
    assertEquals(1500, mq.getDistinctRowCount(scan, ImmutableBitSet.of(name), null), 0.5);
    // a set of columns: at most the product of their bounds and at most the rows
    assertEquals(1500, mq.getDistinctRowCount(scan, ImmutableBitSet.of(custkey, nationkey), null), 0.5);
  }

  @Test
  void equiJoinSizesFollowKeyDistinctCounts() throws Exception {
    Join byNation = joins(plan("SELECT * FROM customer JOIN supplier ON c_nationkey = s_nationkey")).get(0);
    Join bySupplier = joins(plan("SELECT * FROM lineitem JOIN supplier ON l_suppkey = s_suppkey")).get(0);
    RelMetadataQuery mq = byNation.getCluster().getMetadataQuery();
    // 1500 customers x 100 suppliers / 25 nations; every lineitem row has one supplier
    assertEquals(1500 * 100 / 25.0, mq.getRowCount(byNation), 1);
    double lineitems = mq.getRowCount(bySupplier.getLeft()) * mq.getRowCount(bySupplier.getRight()) / 100;
    assertEquals(lineitems, mq.getRowCount(bySupplier), 1);
  }
}
