package io.floe.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.Catalogs;
import io.floe.engine.tpch.TpchWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-query memory limit on TPC-H SF 0.01 tables: a query whose operator outgrows the limit fails with SQLState
 * 53200 naming the operator, releases everything it held, and the session runs the next query normally; so does a
 * query whose thread is interrupted while its workers run. Sorts, hash aggregates and hash joins spill instead (see
 * tpch.SpillingSortTest, tpch.SpillingAggregateTest, tpch.SpillingJoinTest) unless spilling is off; the spill settings come from the connection properties.
 */
class MemoryLimitTest {
  private static final long ONE_MIB = 1L << 20;
  private static TpchWarehouse warehouse;

  @BeforeAll
  static void generate() {
    warehouse = TpchWarehouse.at(Path.of("target").resolve("tpch-sf0.01"), 0.01);
  }

  @Test
  void hashAggregateOverTheLimitFailsAndTheSessionGoesOn() throws Exception {
    // with spilling on the aggregate would spill (tpch.SpillingAggregateTest)
    try (FloeSession session = FloeSession.open(warehouse.root(), TpchWarehouse.SCHEMA).workers(1)
        .memoryLimit(2 * ONE_MIB).spill(false)) {
      SQLException e = assertThrows(SQLException.class, () -> rows(session,
          "SELECT l_orderkey, l_linenumber, count(*) FROM lineitem GROUP BY l_orderkey, l_linenumber"));
      assertEquals("53200", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("memory limit of 2 MiB in "), e.getMessage());
      assertTrue(e.getMessage().contains("HashAggregate"), e.getMessage());
      assertEquals(0, session.allocatedBytes(), "the failed query released its memory");

      assertEquals(List.of(List.of(25L)), rows(session, "SELECT count(*) FROM nation WHERE n_nationkey >= 0"));
      assertEquals(0, session.allocatedBytes());
    }
  }

  @Test
  void joinBuildSideOverTheLimitNamesTheJoinWhenSpillingIsOff() throws Exception {
    // with spilling on the join would spill (tpch.SpillingJoinTest); under 4 MiB the build side's 3.8 MiB fit and
    // the scan's next batch would not
    try (FloeSession session = FloeSession.open(warehouse.root(), TpchWarehouse.SCHEMA).workers(1)
        .memoryLimit(3 * ONE_MIB).spill(false)) {
      SQLException e = assertThrows(SQLException.class, () -> rows(session,
          "SELECT count(*) FROM lineitem a, lineitem b WHERE a.l_orderkey = b.l_orderkey"
              + " AND a.l_comment <> b.l_comment"));
      assertEquals("53200", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("in HashJoin (build side)"), e.getMessage());
      assertEquals(0, session.allocatedBytes());
      assertEquals(List.of(List.of(5L)), rows(session, "SELECT count(*) FROM region WHERE r_regionkey >= 0"));
    }
  }

  @Test
  void sortOverTheLimitNamesTheSortWhenSpillingIsOff() throws Exception {
    try (FloeSession session = FloeSession.open(warehouse.root(), TpchWarehouse.SCHEMA).workers(1)
        .memoryLimit(2 * ONE_MIB).spill(false)) {
      SQLException e = assertThrows(SQLException.class, () -> rows(session,
          "SELECT l_comment FROM lineitem ORDER BY l_comment"));
      assertEquals("53200", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("the largest holder is Sort"), e.getMessage());
      assertEquals(0, session.allocatedBytes());
    }
  }

  @Test
  void limitFromTheConnectionProperty() throws Exception {
    Map<String, String> props = Map.of(Catalogs.WAREHOUSE, warehouse.root().toAbsolutePath().toString(),
        FloeSession.MAX_QUERY_MEMORY, String.valueOf(ONE_MIB), FloeSession.SPILL_ENABLED, "false");
    try (FloeSession session = FloeSession.open(props, TpchWarehouse.SCHEMA)) {
      assertEquals(ONE_MIB, session.memoryLimit());
      // about 60,000 groups of text: several times the limit, however the tasks interleave
      SQLException e = assertThrows(SQLException.class, () -> rows(session,
          "SELECT l_comment, count(*) FROM lineitem GROUP BY l_comment"));
      assertEquals("53200", e.getSQLState(), e.getMessage());
      assertEquals(List.of(List.of(25L)), rows(session, "SELECT count(*) FROM nation WHERE n_nationkey >= 0"));
      assertEquals(0, session.allocatedBytes());
    }
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> FloeSession.open(
        Map.of(Catalogs.WAREHOUSE, "unused", FloeSession.MAX_QUERY_MEMORY, "lots"), "tpch"));
    assertTrue(bad.getMessage().contains(FloeSession.MAX_QUERY_MEMORY), bad.getMessage());
  }

  @Test
  void spillSettingsFromTheConnectionProperties(@TempDir Path spillDir) throws Exception {
    Map<String, String> props = Map.of(Catalogs.WAREHOUSE, warehouse.root().toAbsolutePath().toString(),
        FloeSession.SPILL_ENABLED, "false", FloeSession.SPILL_PATH, spillDir.resolve("spill").toString());
    try (FloeSession session = FloeSession.open(props, TpchWarehouse.SCHEMA)) {
      assertFalse(session.spillEnabled());
      assertEquals(spillDir.resolve("spill").toAbsolutePath(), session.spillDirectory().path());
    }
    assertTrue(Files.notExists(spillDir.resolve("spill")), "created only when a sort spills");
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> FloeSession.open(
        Map.of(Catalogs.WAREHOUSE, "unused", FloeSession.SPILL_ENABLED, "sometimes"), "tpch"));
    assertTrue(bad.getMessage().contains(FloeSession.SPILL_ENABLED), bad.getMessage());
  }

  @Test
  void theDefaultSpillDirectoryIsATempFolderDeletedWithTheSession() throws Exception {
    Path spillDir;
    try (FloeSession session = FloeSession.open(warehouse.root(), TpchWarehouse.SCHEMA).workers(1)
        .memoryLimit(4 * ONE_MIB)) {
      spillDir = session.spillDirectory().path();
      assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(),
          spillDir.getParent().toAbsolutePath());
      assertTrue(spillDir.getFileName().toString().startsWith("floe-spill-"), spillDir.toString());
      assertEquals(60175, rows(session, "SELECT l_comment, l_orderkey FROM lineitem ORDER BY l_comment").size());
      assertTrue(session.spillDirectory().filesCreated() > 0, "the sort spilled");
      assertTrue(Files.isDirectory(spillDir));
      assertEquals(0, session.allocatedBytes());
    }
    assertTrue(Files.notExists(spillDir), "deleted with the session");
  }

  @Test
  void interruptedQueryReleasesItsWorkersMemory() throws Exception {
    try (FloeSession session = FloeSession.open(warehouse.root(), TpchWarehouse.SCHEMA).workers(2)) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread query = new Thread(() -> {
        try {
          rows(session, "SELECT count(*) FROM lineitem a, lineitem b WHERE a.l_returnflag = b.l_returnflag"
              + " AND a.l_comment < b.l_comment");
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      query.start();
      Thread.sleep(2000);
      query.interrupt();
      query.join();
      assertTrue(failure.get() instanceof SQLException, String.valueOf(failure.get()));
      assertEquals(0, session.allocatedBytes(), "the canceled query's workers released their memory");
      assertEquals(List.of(List.of(25L)), rows(session, "SELECT count(*) FROM nation WHERE n_nationkey >= 0"));
    }
  }

  private static List<List<Object>> rows(FloeSession session, String sql) throws SQLException {
    return ResultRows.query(session, sql);
  }
}
