package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * SUM over decimals adds batches without overflow checks while no group's sum can leave a long, and exactly (past
 * a long) once it can: small values first, then values near the long range, compared with BigDecimal sums.
 */
class GroupSumTest {
  private static final SqlTypeFactoryImpl TYPES = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);

  @Test
  void sumsStayExactWhenLaterBatchesApproachTheLongRange() {
    Random random = new Random(5);
    Deque<Batch> batches = new ArrayDeque<>();
    BigDecimal[] expected = new BigDecimal[3];
    java.util.Arrays.fill(expected, BigDecimal.ZERO.setScale(2));
    for (int b = 0; b < 12; b++) {
      int n = 700;
      long[] groups = new long[n];
      long[] values = new long[n];
      boolean[] nulls = b % 4 == 3 ? new boolean[n] : null;
      for (int r = 0; r < n; r++) {
        groups[r] = random.nextInt(3);
        long magnitude = b < 6 ? 1_000_000 : Long.MAX_VALUE / 4;
        values[r] = (random.nextLong() % magnitude) + (b >= 9 ? Long.MAX_VALUE / 2 : 0);
        if (nulls != null && r % 7 == 0) {
          nulls[r] = true;
        } else {
          int g = (int) groups[r];
          expected[g] = expected[g].add(BigDecimal.valueOf(values[r], 2));
        }
      }
      batches.add(new Batch(n, new Column[] {new LongColumn(groups, null, n, LongColumn.Kind.INTEGER, 0),
          new LongColumn(values, nulls, n, LongColumn.Kind.DECIMAL, 2)}));
    }
    AggregateSpec sum = new AggregateSpec(SqlKind.SUM, List.of(1), false, -1,
        TYPES.createSqlType(SqlTypeName.DECIMAL, 38, 2), null);
    HashAggregateOperator aggregate = new HashAggregateOperator(new Operator() {
      @Override
      public Batch next() {
        return batches.poll();
      }

      @Override
      public void close() {
      }
    }, new int[] {0}, List.of(sum));
    List<String> actual = new ArrayList<>();
    Batch out;
    while ((out = aggregate.next()) != null) {
      for (int r = 0; r < out.size(); r++) {
        actual.add(out.column(0).get(r) + "=" + out.column(1).get(r));
      }
    }
    actual.sort(null);
    List<String> wanted = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      wanted.add(g + "=" + expected[g]);
    }
    assertEquals(wanted, actual);
  }
}
