package io.floe.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.table.Table;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job runs twice in a row on one warehouse at TPC-H SF 0.01; what it reports (rows updated,
 * Q6 revenue before and after by time travel) is checked against the table read directly through the Table API.
 */
class QuickstartExampleTest {
  /** TPC-H SF 0.01: lineitem 60,175, orders 15,000, partsupp 8,000, part 2,000, customer 1,500, supplier 100, 25, 5. */
  private static final long SF001_ROWS = 60_175 + 15_000 + 8_000 + 2_000 + 1_500 + 100 + 25 + 5;

  @TempDir
  Path warehouse;

  @Test
  void runsAndRerunsOnTheSameWarehouse() throws Exception {
    QuickstartExample.Outcome first = null;
    for (int run = 0; run < 2; run++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      QuickstartExample.Outcome outcome = QuickstartExample.run(warehouse, 0.01,
          new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
      String out = bytes.toString(StandardCharsets.UTF_8);

      assertEquals(SF001_ROWS, outcome.rowsLoaded(), out);
      assertTrue(out.contains("lineitem      60,175 rows"), out);
      assertEquals(run == 1, out.contains("dropped the 8 tables of the previous run"), out);
      for (String expected : List.of("Q1 pricing summary report", "Q3 shipping priority", "Q6 forecasting revenue",
          "Q6 over the view lineitem_1994", "lineitem: 6 of 7 files pruned", "rows updated",
          "FOR VERSION AS OF " + outcome.snapshotBefore(), "FOR SYSTEM_TIME AS OF TIMESTAMP",
          "the table's snapshots")) {
        assertTrue(out.contains(expected), expected + " in\n" + out);
      }
      assertTrue(out.contains(String.format("%,d rows updated", outcome.rowsUpdated())), out);

      try (Catalog catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toString()))) {
        Table lineitem = catalog.loadTable(TableIdentifier.of(Namespace.of(QuickstartExample.SCHEMA), "lineitem"));
        assertEquals(2, lineitem.snapshots().size(), "the load and the update (a rerun replaces the table)");
        assertEquals(outcome.snapshotAfter(), lineitem.currentSnapshot().snapshotId());
        List<Record> oldAir = lineitem.newScan().useSnapshot(outcome.snapshotBefore()).filter(air1994()).records();
        assertEquals(oldAir.size(), outcome.rowsUpdated(), "UPDATE's row count");
        long changed = oldAir.stream().filter(r -> ((BigDecimal) r.getField("l_discount"))
            .compareTo(new BigDecimal("0.06")) != 0).count();
        assertEquals(changed, outcome.changedRowsByJoin(), "the join of the two versions finds the changed rows");
        assertTrue(lineitem.newScan().filter(air1994()).records().stream()
            .allMatch(r -> ((BigDecimal) r.getField("l_discount")).compareTo(new BigDecimal("0.06")) == 0));

        assertSameNumber(q6(lineitem, outcome.snapshotBefore()), outcome.revenueBefore(), "Q6 FOR VERSION AS OF");
        assertSameNumber(outcome.revenueBefore(), outcome.revenueAtTimeBefore(), "Q6 FOR SYSTEM_TIME AS OF");
        assertSameNumber(outcome.revenueBefore(), outcome.revenueThroughView(), "Q6 over the view, before the update");
        assertSameNumber(q6(lineitem, outcome.snapshotAfter()), outcome.revenueAfter(), "Q6 now");
        assertNotEquals(0, outcome.revenueBefore().compareTo(outcome.revenueAfter()), "the update changed Q6");
      }
      if (first == null) {
        first = outcome;
      } else {
        assertEquals(first.rowsUpdated(), outcome.rowsUpdated(), "the same data the second time");
        assertEquals(first.revenueAfter(), outcome.revenueAfter());
      }
    }
  }

  private static void assertSameNumber(BigDecimal expected, BigDecimal actual, String what) {
    assertEquals(0, expected.compareTo(actual), what + ": expected " + expected + " but was " + actual);
  }

  private static io.floe.expressions.Expression air1994() {
    return Expressions.and(Expressions.equal("l_shipmode", "AIR"), Expressions.and(
        Expressions.greaterThanOrEqual("l_shipdate", LocalDate.of(1994, 1, 1)),
        Expressions.lessThan("l_shipdate", LocalDate.of(1995, 1, 1))));
  }

  /** TPC-H Q6's revenue at a snapshot, computed from the records. */
  private static BigDecimal q6(Table lineitem, long snapshotId) {
    BigDecimal revenue = BigDecimal.ZERO;
    for (Record r : lineitem.newScan().useSnapshot(snapshotId).records()) {
      LocalDate shipped = date(r.getField("l_shipdate"));
      BigDecimal discount = (BigDecimal) r.getField("l_discount");
      if (!shipped.isBefore(LocalDate.of(1994, 1, 1)) && shipped.isBefore(LocalDate.of(1995, 1, 1))
          && discount.compareTo(new BigDecimal("0.05")) >= 0 && discount.compareTo(new BigDecimal("0.07")) <= 0
          && ((BigDecimal) r.getField("l_quantity")).compareTo(BigDecimal.valueOf(24)) < 0) {
        revenue = revenue.add(((BigDecimal) r.getField("l_extendedprice")).multiply(discount));
      }
    }
    return revenue;
  }

  private static LocalDate date(Object internal) {
    return internal instanceof LocalDate d ? d : LocalDate.ofEpochDay(((Number) internal).longValue());
  }
}
