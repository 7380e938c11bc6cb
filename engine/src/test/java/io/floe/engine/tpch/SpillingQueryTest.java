package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.ResultRows;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of spilling queries over TPC-H share: DuckDB as the oracle, a session under a memory limit
 * spilling to a directory of each test's own, the check that the directory is empty again, and comparing rows with
 * DuckDB's in any order.
 */
abstract class SpillingQueryTest {
  @RegisterExtension
  static final TpchOracleExtension ORACLE = new TpchOracleExtension(1);

  @TempDir
  Path spillDir;

  FloeSession session;

  /** The memory limit each test starts with (on 1 worker). */
  abstract long limit();

  @BeforeEach
  void limitMemory() {
    session = ORACLE.get().session().memoryLimit(limit()).spill(true).spillPath(spillDir);
  }

  @AfterEach
  void restore() {
    session.workers(1).spill(true).memoryLimit(FloeSession.DEFAULT_MEMORY_LIMIT);
  }

  /**
   * Asserts that {@code sql} returns DuckDB's rows (in any order, more than {@code minRows}) after spilling at least
   * {@code minFiles} files, and that the files are deleted and the memory released afterwards.
   */
  void assertSpilledRowsMatchDuckDb(String sql, int minFiles, int minRows) throws Exception {
    long filesBefore = session.spillDirectory().filesCreated();
    List<List<Object>> actual = sorted(ResultRows.query(session, sql));
    long files = session.spillDirectory().filesCreated() - filesBefore;
    List<List<Object>> expected = sorted(ORACLE.get().expected(sql));
    assertTrue(expected.size() > minRows, "rows: " + expected.size());
    assertNull(ResultRows.difference(expected, actual), () -> "differs from DuckDB: " + sql);
    assertTrue(files >= minFiles, "spill files: " + files);
    assertSpillFilesDeleted();
    assertEquals(0, session.allocatedBytes());
  }

  /**
   * Asserts that {@code sql} fails with SQLState {@code sqlState} after spilling, leaving no spill file and no memory
   * held; returns the failure.
   */
  SQLException assertFailureAfterSpillingDeletesTheFiles(String sql, String sqlState) throws Exception {
    long filesBefore = session.spillDirectory().filesCreated();
    SQLException e = assertThrows(SQLException.class, () -> ResultRows.query(session, sql));
    assertEquals(sqlState, e.getSQLState(), e.getMessage());
    assertTrue(session.spillDirectory().filesCreated() > filesBefore, "spilled before the failure: " + sql);
    assertSpillFilesDeleted();
    assertEquals(0, session.allocatedBytes());
    return e;
  }

  /**
   * Asserts that closing {@code sql}'s result after its first batch (once it spilled) deletes the spill files and
   * releases the memory.
   */
  void assertClosingEarlyDeletesTheFiles(String sql) throws Exception {
    long filesBefore = session.spillDirectory().filesCreated();
    try (QueryResult result = session.execute(sql)) {
      try (VectorSchemaRoot first = result.nextBatch()) {
        assertTrue(first.getRowCount() > 0);
      }
      assertTrue(session.spillDirectory().filesCreated() > filesBefore, "spilled: " + sql);
    }
    assertSpillFilesDeleted();
    assertEquals(0, session.allocatedBytes());
  }

  /**
   * Asserts that with spilling off {@code sql} fails with 53200 naming {@code operator}, having spilled nothing and
   * holding no memory afterwards.
   */
  void assertOutOfMemoryWithoutSpilling(String sql, String operator) throws Exception {
    session.spill(false);
    long filesBefore = session.spillDirectory().filesCreated();
    SQLException e = assertThrows(SQLException.class, () -> ResultRows.query(session, sql));
    assertEquals("53200", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains(operator), e.getMessage());
    assertEquals(filesBefore, session.spillDirectory().filesCreated(), "nothing spilled");
    assertEquals(0, session.allocatedBytes());
  }

  /**
   * The files, rows and bytes that EXPLAIN ANALYZE of {@code sql} shows spilled under a node named {@code operator}
   * (asserting it shows them), after which the spill directory is empty.
   */
  long[] explainedSpill(String sql, String operator) throws Exception {
    StringBuilder plan = new StringBuilder();
    for (List<Object> line : ResultRows.query(session, "EXPLAIN ANALYZE " + sql)) {
      plan.append(line.get(0)).append('\n');
    }
    Matcher spilled = Pattern.compile(Pattern.quote(operator)
        + ".*\\n(?:.*\\n)*?\\s+spilled \\w+=(\\d+) rows=(\\d+) bytes=(\\d+)").matcher(plan);
    assertTrue(spilled.find(), plan::toString);
    assertSpillFilesDeleted();
    return new long[] {Long.parseLong(spilled.group(1)), Long.parseLong(spilled.group(2)),
        Long.parseLong(spilled.group(3))};
  }

  /** The rows ordered by their values, NULLs first (numbers as numbers, the rest as text). */
  static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>(rows);
    out.sort((a, b) -> {
      for (int c = 0; c < a.size(); c++) {
        int cmp = VALUE_ORDER.compare(a.get(c), b.get(c));
        if (cmp != 0) {
          return cmp;
        }
      }
      return 0;
    });
    return out;
  }

  private static final Comparator<Object> VALUE_ORDER = Comparator.nullsFirst((Object x, Object y) ->
      x instanceof Number n && y instanceof Number m
          ? new BigDecimal(n.toString()).compareTo(new BigDecimal(m.toString()))
          : x.toString().compareTo(y.toString()));

  void assertSpillFilesDeleted() throws IOException {
    assertEquals(0, listSpillDir().length, "spill files left: " + String.join(", ", listSpillDir()));
  }

  String[] listSpillDir() throws IOException {
    if (!Files.isDirectory(spillDir)) {
      return new String[0];
    }
    try (Stream<Path> files = Files.list(spillDir)) {
      return files.map(p -> p.getFileName().toString()).toArray(String[]::new);
    }
  }
}
