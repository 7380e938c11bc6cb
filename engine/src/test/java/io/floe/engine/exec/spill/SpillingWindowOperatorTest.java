package io.floe.engine.exec.spill;

import static io.floe.engine.exec.spill.SpillingSortOperatorTest.assertNoFilesIn;
import static io.floe.engine.exec.spill.SpillingSortOperatorTest.batches;
import static io.floe.engine.exec.spill.SpillingSortOperatorTest.rows;
import static io.floe.engine.exec.spill.SpillingSortOperatorTest.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;
import io.floe.engine.exec.WindowCall;
import io.floe.engine.exec.WindowFrame;
import io.floe.engine.exec.WindowFrame.Bound;
import io.floe.engine.exec.WindowFrame.Kind;
import io.floe.engine.exec.WindowOperator;
import io.floe.engine.expr.SqlStateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelFieldCollation.Direction;
import org.apache.calcite.rel.RelFieldCollation.NullDirection;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WindowOperator} spilling to real files under a 4 MiB limit (60,000 rows), against the same windows in
 * memory: partitions by text and booleans with NULLs and by doubles with NaN, -0.0 and 0.0 (keys the sort finds
 * equal stay in one piece), a ROWS frame, LAG, RANK over ties; memory is released and the files deleted after
 * success and a cancellation.
 */
class SpillingWindowOperatorTest {
  private static final long LIMIT = 4L << 20;
  private static final SqlTypeFactoryImpl TYPES = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);

  @TempDir
  Path dir;

  @Test
  void spilledWindowsEqualTheWindowsInMemory() throws IOException {
    List<Batch> input = batches(new Random(7), 120, 500);
    List<String> expected = sortedRows(new WindowOperator(source(input), windows()));
    SpillDirectory directory = SpillDirectory.at(dir);
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      List<String> actual = sortedRows(new WindowOperator(source(input), windows(), allocator,
          new Spilling(directory, new SpillStats("runs"), 1)));
      assertEquals(expected, actual);
      assertEquals(0, allocator.getAllocatedMemory());
    }
    assertTrue(directory.filesCreated() > 0, "the window spilled");
    assertNoFilesIn(dir);
  }

  @Test
  void aCanceledWindowStopsAndDeletesItsFiles() throws IOException {
    List<Batch> input = batches(new Random(7), 120, 500);
    SpillDirectory directory = SpillDirectory.at(dir);
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      try (WindowOperator window = new WindowOperator(source(input), windows(), allocator,
          new Spilling(directory, new SpillStats("runs"), 1))) {
        assertTrue(window.next().size() > 0);
        assertTrue(directory.filesCreated() > 0, "the window spilled before it was canceled");
        // the query is canceled (its thread interrupted) while the window computes its partitions
        Thread.currentThread().interrupt();
        SqlStateException e = assertThrows(SqlStateException.class, () -> {
          while (window.next() != null) {
            continue;
          }
        });
        assertEquals("57014", e.sqlState(), e.getMessage());
      } finally {
        Thread.interrupted();
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
    assertNoFilesIn(dir);
  }

  /**
   * Per boolean and text (columns 4, 6): ROW_NUMBER, a ROWS frame's SUM and LAG of a decimal by a unique long; per
   * double, boolean and text (3, 4, 6): RANK and a running COUNT(*) by dates with NULLs and ties, descending.
   */
  private static List<WindowOperator.Window> windows() {
    RelDataType bigint = TYPES.createSqlType(SqlTypeName.BIGINT);
    RelDataType decimal = TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.DECIMAL, 12, 2), true);
    RelDataType sum = TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.DECIMAL, 19, 2), true);
    WindowFrame sliding = new WindowFrame(true, new Bound(Kind.PRECEDING, 2, null),
        new Bound(Kind.FOLLOWING, 1, null));
    WindowFrame running = new WindowFrame(false, Bound.of(Kind.UNBOUNDED_PRECEDING), Bound.of(Kind.CURRENT_ROW));
    return List.of(
        new WindowOperator.Window(new int[] {4, 6}, List.of(new RelFieldCollation(0)), sliding, List.of(
            WindowCall.of(SqlKind.ROW_NUMBER, -1, bigint),
            WindowCall.of(SqlKind.SUM, 2, sum),
            new WindowCall(SqlKind.LAG, 2, 1, -1, -1, null, false, false, decimal))),
        new WindowOperator.Window(new int[] {3, 4, 6},
            List.of(new RelFieldCollation(1, Direction.DESCENDING, NullDirection.FIRST)), running, List.of(
                WindowCall.of(SqlKind.RANK, -1, bigint),
                WindowCall.of(SqlKind.COUNT, -1, bigint))));
  }

  /** The rows {@code window} returns as text (binary values by content), sorted: a spilled window reorders them. */
  private static List<String> sortedRows(Operator window) {
    return rows(window).stream().map(Arrays::deepToString).sorted().toList();
  }
}
