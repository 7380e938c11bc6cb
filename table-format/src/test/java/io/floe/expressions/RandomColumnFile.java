package io.floe.expressions;

import io.floe.data.GenericRecord;
import io.floe.data.Metrics;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.RandomValues;
import io.floe.types.Schema;
import io.floe.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random file of one column (field id 1): 1 to 6 values drawn from a pool of 4 (one in ten NULL), and the metrics
 * a writer would record for them (string and binary bounds truncated to 1 to 4 characters), one statistic sometimes
 * missing. Predicates draw their literals mostly from the pool.
 */
record RandomColumnFile(PrimitiveType type, List<Object> pool, List<Object> values, Metrics metrics) {
  /** One random filter on a random file: the filter bound to the file's one-column schema, and its rows' results. */
  @FunctionalInterface
  interface Check {
    void check(Schema schema, RandomColumnFile file, Expression bound, List<Boolean> rowResults);
  }

  /** Calls {@code check} for 10 random filters on each of 400 random files of each primitive type. */
  static void forEachFilter(long seed, Check check) {
    Random r = new Random(seed);
    for (PrimitiveType type : RandomValues.PRIMITIVES) {
      Schema schema = new Schema(NestedField.optional(1, "c", type));
      StructType struct = schema.asStruct();
      for (int f = 0; f < 400; f++) {
        RandomColumnFile file = of(r, type);
        for (int q = 0; q < 10; q++) {
          Expression bound = Binder.bind(struct, PredicateGenerator.randomFilter(r, "c", type, file.pool()), true);
          RowEvaluator rows = new RowEvaluator(struct, bound);
          check.check(schema, file, bound, file.values().stream().map(v -> rows.eval(GenericRecord.of(struct, v))).toList());
        }
      }
    }
  }

  static RandomColumnFile of(Random r, PrimitiveType type) {
    List<Object> pool = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pool.add(RandomValues.value(r, type));
    }
    List<Object> values = new ArrayList<>();
    int rows = 1 + r.nextInt(6);
    for (int i = 0; i < rows; i++) {
      values.add(r.nextInt(10) == 0 ? null : pool.get(r.nextInt(pool.size())));
    }
    Metrics metrics = dropSome(r, ColumnStats.of(1, type, values, 1 + r.nextInt(4)));
    return new RandomColumnFile(type, pool, values, metrics);
  }

  /** {@code m} without one of its statistics, picked at random (or none, in 3 of 8 cases). */
  private static Metrics dropSome(Random r, Metrics m) {
    int drop = r.nextInt(8);
    return new Metrics(m.recordCount(), null, drop == 1 ? null : m.valueCounts(), drop == 2 ? null : m.nullValueCounts(),
        drop == 3 ? null : m.nanValueCounts(), drop == 4 ? null : m.lowerBounds(), drop == 5 ? null : m.upperBounds());
  }
}
