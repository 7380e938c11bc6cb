package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Filters implied by an INNER join's OR condition ({@code planner/JoinDisjunctionFilters}) are pushed to the join's
 * inputs (TPC-H q07's nation scans) and change no result: OR branches over both sides, a branch that says nothing
 * about one side, NULLs in the branches' columns, an outer join (left alone); each compared with DuckDB serially and
 * on 4 workers.
 */
@Timeout(120)
class JoinDisjunctionFilterTest extends DuckDbComparedStatements {

  private static final String Q07_SHAPE = "SELECT n1.n_name, n2.n_name, count(*), sum(c_acctbal) "
      + "FROM supplier, customer, nation n1, nation n2 WHERE s_nationkey = n1.n_nationkey "
      + "AND c_nationkey = n2.n_nationkey AND ((n1.n_name = 'FRANCE' AND n2.n_name = 'GERMANY') "
      + "OR (n1.n_name = 'GERMANY' AND n2.n_name = 'FRANCE')) GROUP BY 1, 2 ORDER BY 1, 2";
  /** nation with every third name NULL. */
  private static final String NULLABLE_NAMES = "(SELECT n_nationkey, n_regionkey, "
      + "CASE WHEN n_nationkey % 3 = 0 THEN NULL ELSE n_name END AS nm FROM nation) t";

  static Stream<String> statements() {
    return Stream.of(
        Q07_SHAPE,
        // the second branch has no term over nation, the first none over region: neither side is filtered
        "SELECT n_name, r_name FROM nation JOIN region ON n_regionkey = r_regionkey "
            + "AND (n_nationkey < 3 OR r_name = 'ASIA') ORDER BY 1, 2",
        // terms over one side and over both sides in the same branch
        "SELECT n_name, r_name FROM nation, region WHERE (n_regionkey = r_regionkey AND n_name LIKE 'A%') "
            + "OR (n_nationkey = r_regionkey AND r_name LIKE '%A' AND n_name < 'F') ORDER BY 1, 2",
        "SELECT t.nm, r_name FROM " + NULLABLE_NAMES + " JOIN region ON t.n_regionkey = r_regionkey "
            + "AND ((t.nm LIKE 'A%' AND r_name = 'AMERICA') OR (t.nm IS NULL AND r_name = 'ASIA') "
            + "OR (t.nm > 'R' AND r_name <> 'EUROPE')) ORDER BY 1, 2",
        // an outer join keeps its unmatched rows: nothing is pushed
        "SELECT n_name, r_name FROM nation LEFT JOIN region ON n_regionkey = r_regionkey "
            + "AND ((n_name LIKE 'A%' AND r_name = 'AMERICA') OR (n_name LIKE 'C%' AND r_name = 'ASIA')) "
            + "ORDER BY 1, 2",
        "SELECT s_name, n_name FROM supplier JOIN nation ON s_nationkey = n_nationkey "
            + "AND ((s_acctbal > 9000 AND n_regionkey = 1) OR (s_acctbal < -900 AND n_regionkey IN (2, 3))) "
            + "ORDER BY 1, 2");
  }

  @Test
  void q07ShapeFiltersBothNationScans() throws Exception {
    for (String sql : List.of(Q07_SHAPE, TpchWarehouse.query("q07"))) {
      String plan = SERIAL.get().explain(sql);
      assertEquals(2, plan.split("Scan tpch.nation columns=\\[n_nationkey, n_name], filter=\\(n_name == "
          + "(FRANCE or n_name == GERMANY|GERMANY or n_name == FRANCE)\\)", -1).length - 1, plan);
    }
  }

  @Test
  void outerJoinLeavesItsPreservedSideUnfiltered() throws Exception {
    String plan = SERIAL.get().explain("SELECT n_name, r_name FROM nation LEFT JOIN region "
        + "ON n_regionkey = r_regionkey AND ((n_name LIKE 'A%' AND r_name = 'AMERICA') "
        + "OR (n_name LIKE 'C%' AND r_name = 'ASIA'))");
    assertFalse(plan.contains("Scan tpch.nation columns=[n_name, n_regionkey], filter"), plan);
  }
}
