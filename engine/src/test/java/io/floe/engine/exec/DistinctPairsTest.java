package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * COUNT(DISTINCT x) keeps counting each (group, value) pair once when the argument's column changes shape between
 * batches (typed longs, then boxed values): the pairs seen move into the general table.
 */
class DistinctPairsTest {
  private static final SqlTypeFactoryImpl TYPES = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);

  @Test
  void pairsSurviveAChangeOfColumnShape() {
    AggregateSpec countDistinct = new AggregateSpec(SqlKind.COUNT, List.of(0), true, -1,
        TYPES.createSqlType(SqlTypeName.BIGINT), null);
    GroupAggregator aggregator = GroupAggregator.create(countDistinct);
    Batch longs = new Batch(5, new Column[] {new LongColumn(new long[] {1, 2, 2, 3, 0},
        new boolean[] {false, false, false, false, true}, 5, LongColumn.Kind.INTEGER, 0)});
    aggregator.add(longs, new int[] {0, 0, 1, 1, 1}, 2);
    Batch boxed = new Batch(5, new Column[] {new ObjectColumn(new Object[] {1L, 4L, 2L, null, 3L})});
    aggregator.add(boxed, new int[] {0, 0, 1, 1, 1}, 2);
    Batch longsAgain = new Batch(2, new Column[] {new LongColumn(new long[] {4, 5}, null, 2,
        LongColumn.Kind.INTEGER, 0)});
    aggregator.add(longsAgain, new int[] {0, 1}, 2);
    Column counts = aggregator.result(0, 2);
    // group 0: 1, 2, 4; group 1: 2, 3, 5
    assertEquals(List.of(3L, 3L), List.of(counts.get(0), counts.get(1)));
  }
}
