package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.expr.VectorExpr;
import java.util.List;
import org.apache.calcite.rel.core.JoinRelType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;

/**
 * A SEMI or ANTI join building on its left input (the right input probing and marking the left rows) keeps exactly
 * the left rows the join probing with the left input keeps: duplicate keys on both sides, null keys on either side,
 * two keys, a residual condition over both sides' columns, typed (long fast path) and boxed key columns.
 */
class BuildLeftSemiJoinTest {
  /** Residual: the left payload and the right payload differ modulo 3 (column 2 of each side). */
  private static final VectorExpr PAYLOADS_DIFFER = batch -> {
    int n = batch.size();
    boolean[] values = new boolean[n];
    for (int r = 0; r < n; r++) {
      values[r] = (Long) batch.column(2).get(r) % 3 != (Long) batch.column(5).get(r) % 3;
    }
    return new BoolColumn(values, null, n);
  };

  static Stream<Arguments> joins() {
    Stream.Builder<Arguments> out = Stream.builder();
    for (JoinRelType type : new JoinRelType[] {JoinRelType.SEMI, JoinRelType.ANTI}) {
      for (boolean typed : new boolean[] {true, false}) {
        for (boolean residual : new boolean[] {false, true}) {
          out.add(Arguments.of(type, new int[] {0}, typed, residual));
          out.add(Arguments.of(type, new int[] {0, 1}, typed, residual));
        }
      }
    }
    return out.build();
  }

  @ParameterizedTest(name = "{0} keys={1} typed={2} residual={3}")
  @MethodSource("joins")
  void keepsTheRowsOfTheJoinProbingWithTheLeft(JoinRelType type, int[] keys, boolean typed, boolean residual) {
    // the left is the smaller side: 800 rows over 300 key values, the right 5000 rows over 200 values
    List<Object[]> left = LongKeyFastPathTest.rows(3, 800, 300);
    List<Object[]> right = LongKeyFastPathTest.rows(4, 5000, 200);
    boolean[] nullSafe = new boolean[keys.length];
    VectorExpr condition = residual ? PAYLOADS_DIFFER : null;
    List<String> expected = LongKeyFastPathTest.drain(new HashJoinOperator(LongKeyFastPathTest.source(left, typed,
        256), LongKeyFastPathTest.source(right, typed, 700), type, keys, keys, nullSafe, condition, 3, 3));
    List<String> actual = LongKeyFastPathTest.drain(HashJoinOperator.buildingLeft(LongKeyFastPathTest.source(left,
        typed, 256), LongKeyFastPathTest.source(right, typed, 700), type, keys, keys, nullSafe, condition, 3, 3,
        null));
    assertFalse(expected.isEmpty());
    assertTrue(expected.size() < left.size(), "some left rows are dropped");
    if (type == JoinRelType.ANTI) {
      assertTrue(actual.stream().anyMatch(row -> row.startsWith("[null")), "null-key left rows are kept by ANTI");
    } else {
      assertTrue(actual.stream().noneMatch(row -> row.startsWith("[null")), "null-key left rows never match");
    }
    assertEquals(expected, actual);
  }

  @Test
  void emptyLeftSideKeepsNothing() {
    List<Object[]> right = LongKeyFastPathTest.rows(4, 100, 20);
    assertTrue(LongKeyFastPathTest.drain(HashJoinOperator.buildingLeft(LongKeyFastPathTest.source(List.of(), true,
        10), LongKeyFastPathTest.source(right, true, 10), JoinRelType.ANTI, new int[] {0}, new int[] {0},
        new boolean[] {false}, null, 3, 3, null)).isEmpty());
  }

  @Test
  void onlySemiAndAntiJoinsBuildOnTheLeft() {
    assertThrows(IllegalArgumentException.class, () -> HashJoinOperator.buildingLeft(
        LongKeyFastPathTest.source(List.of(), true, 10), LongKeyFastPathTest.source(List.of(), true, 10),
        JoinRelType.INNER, new int[] {0}, new int[] {0}, new boolean[] {false}, null, 3, 3, null));
  }
}
