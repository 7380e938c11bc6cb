package io.floe.engine.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.FloeSession;
import io.floe.engine.tpch.TpchWarehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Join ordering from statistics over the TPC-H tables at SF 0.01: distinct-count bounds of scanned columns from
 * manifest metrics, join sizes from key distinct counts, and the order the multi-join optimizer picks for q05.
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
