package io.floe.expressions;

import static io.floe.expressions.Expressions.and;
import static io.floe.expressions.Expressions.equal;
import static io.floe.expressions.Expressions.greaterThan;
import static io.floe.expressions.Expressions.in;
import static io.floe.expressions.Expressions.isNull;
import static io.floe.expressions.Expressions.lessThan;
import static io.floe.expressions.Expressions.not;
import static io.floe.expressions.Expressions.notEqual;
import static io.floe.expressions.Expressions.notStartsWith;
import static io.floe.expressions.Expressions.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.manifest.FieldSummary;
import io.floe.partition.PartitionSpec;
import io.floe.partition.Partitioner;
import io.floe.partition.Transform;
import io.floe.types.Comparators;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.RandomValues;
import io.floe.types.Schema;
import io.floe.types.SingleValueSerialization;
import io.floe.types.StructType;
import io.floe.types.Type;
import io.floe.types.TypeId;
import io.floe.types.Types;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectionsTest {
  private static final Schema SCHEMA = new Schema(
      NestedField.optional(1, "d", Types.DATE),
      NestedField.optional(2, "ts", Types.TIMESTAMP),
      NestedField.optional(3, "x", Types.INT),
      NestedField.optional(4, "s", Types.STRING),
      NestedField.optional(5, "id", Types.LONG));
  private static final PartitionSpec SPEC = PartitionSpec.builderFor(SCHEMA)
      .month("d").day("ts").truncate("x", 10).truncate("s", 3).bucket("id", 16).identity("id").build();

  private static String project(Expression filter) {
    return Projections.inclusive(SPEC, Binder.bind(SCHEMA.asStruct(), filter, true)).toString();
  }

  @Test
  void projectsLikeIceberg() {
    assertEquals("d_month in [-2, -1]", project(equal("d", -40)));
    assertEquals("d_month <= -1", project(lessThan("d", -40)));
    assertEquals("d_month >= 0", project(greaterThan("d", -1)));
    assertEquals("ts_day <= 0", project(lessThan("ts", -1L)));
    assertEquals("ts_day in [-1, 0]", project(equal("ts", -1L)));
    assertEquals("d_month in [-2, 0, -1]", project(in("d", -40, 10)));
    assertEquals("x_trunc >= 10", project(greaterThan("x", 9)));
    assertEquals("x_trunc == 10", project(equal("x", 15)));
    assertEquals("s_trunc starts with 'ab'", project(startsWith("s", "ab")));
    assertEquals("s_trunc == abc", project(startsWith("s", "abcd")));
    assertEquals("s_trunc not starts with 'ab'", project(notStartsWith("s", "ab")));
    assertEquals("s_trunc != abc", project(notStartsWith("s", "abc")));
    assertEquals("true", project(notStartsWith("s", "abcd")));
    assertEquals("s_trunc <= abc", project(lessThan("s", "abcd")));
    assertEquals("true", project(notEqual("x", 5)));
    assertEquals("s_trunc is null", project(isNull("s")));
  }

  @Test
  void projectsEveryPartitionFieldOfAColumnAndPushesNotDown() {
    Transform bucket = new Transform.Bucket(16);
    assertEquals("(id_bucket == 3 and id == 34)", project(equal("id", 34L)));
    assertEquals("(id_bucket in [3, " + bucket.apply(Types.LONG, 35L) + "] and id in [34, 35])", project(in("id", 34L, 35L)));
    assertEquals("id >= 34", project(not(lessThan("id", 34L))));
    assertEquals("(id != 34 or ts_day >= 1)", project(not(and(equal("id", 34L), lessThan("ts", 86400000000L)))));
    PartitionSpec hourly = PartitionSpec.builderFor(SCHEMA).hour("ts").build();
    assertEquals(Expressions.alwaysTrue(), Projections.inclusive(hourly, Binder.bind(SCHEMA.asStruct(), equal("ts", Long.MAX_VALUE), true)),
        "the hour of the largest timestamp does not fit an int");
  }

  @Test
  void includesTheWrappedTruncationOfValuesNearIntMin() {
    // truncate[10] of Integer.MIN_VALUE overflows to 2147483646, as in Iceberg
    assertEquals(2147483646, new Transform.Truncate(10).apply(Types.INT, Integer.MIN_VALUE));
    assertEquals("(x_trunc <= -10 or x_trunc == 2147483646)", project(lessThan("x", 0)));
    assertEquals("x_trunc is not null", project(greaterThan("x", Integer.MIN_VALUE)));
    PartitionEvaluator evaluator = new PartitionEvaluator(SPEC, Binder.bind(SCHEMA.asStruct(), lessThan("x", 0), true));
    Record row = GenericRecord.of(SCHEMA.asStruct(), null, null, Integer.MIN_VALUE, null, null);
    assertTrue(evaluator.mightMatch(new Partitioner(SPEC).partitionOf(row)));
  }

  /** Property: when a row matches a filter, its partition matches the filter's inclusive projection. */
  @Test
  void projectionsIncludeThePartitionOfEveryMatchingRow() {
    Random r = new Random(31);
    int prunedPartitions = 0;
    int prunedManifests = 0;
    int checked = 0;
    for (PrimitiveType type : RandomValues.PRIMITIVES) {
      Schema schema = new Schema(NestedField.optional(1, "c", type));
      StructType struct = schema.asStruct();
      for (Transform transform : transformsFor(type)) {
        PartitionSpec spec = PartitionSpec.builderFor(schema).add("c", "p", transform).build();
        Partitioner partitioner = new Partitioner(spec);
        for (int round = 0; round < 150; round++) {
          List<Object> pool = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            pool.add(RandomValues.value(r, type));
          }
          List<Record> rows = new ArrayList<>();
          for (int i = 1 + r.nextInt(5); i > 0; i--) {
            rows.add(GenericRecord.of(struct, r.nextInt(8) == 0 ? null : pool.get(r.nextInt(pool.size()))));
          }
          List<Record> partitions = rows.stream().map(partitioner::partitionOf).toList();
          List<FieldSummary> summary = summarize(r, spec.partitionType().fields().get(0).type(), partitions);
          for (int q = 0; q < 8; q++) {
            Expression bound = Binder.bind(struct, PredicateGenerator.randomFilter(r, "c", type, pool), true);
            RowEvaluator rowEval = new RowEvaluator(struct, bound);
            PartitionEvaluator partEval = new PartitionEvaluator(spec, bound);
            ManifestEvaluator manifestEval = new ManifestEvaluator(spec, bound);
            boolean anyMatch = false;
            for (int i = 0; i < rows.size(); i++) {
              boolean rowMatches = rowEval.eval(rows.get(i));
              boolean partitionMightMatch = partEval.mightMatch(partitions.get(i));
              int row = i;
              if (rowMatches) {
                assertTrue(partitionMightMatch, () -> transform + " of " + type + ": row " + rows.get(row) + " matches " + bound
                    + " but its partition " + partitions.get(row) + " fails " + Projections.inclusive(spec, bound));
              }
              anyMatch |= rowMatches;
              prunedPartitions += partitionMightMatch ? 0 : 1;
            }
            boolean manifestMightMatch = manifestEval.mightMatch(summary);
            if (anyMatch) {
              assertTrue(manifestMightMatch, () -> transform + " of " + type + ": " + bound + " matches a row of " + rows
                  + " but the manifest is skipped by " + Projections.inclusive(spec, bound) + " with " + summary);
            }
            prunedManifests += manifestMightMatch ? 0 : 1;
            checked++;
          }
        }
      }
    }
    assertTrue(prunedPartitions > checked / 5, "pruned only " + prunedPartitions + " partitions for " + checked + " filters");
    assertTrue(prunedManifests > checked / 10, "pruned only " + prunedManifests + " manifests of " + checked);
  }

  private static List<Transform> transformsFor(PrimitiveType type) {
    List<Transform> all = List.of(new Transform.Identity(), new Transform.Bucket(1), new Transform.Bucket(7),
        new Transform.Truncate(1), new Transform.Truncate(2), new Transform.Truncate(10), new Transform.Year(),
        new Transform.Month(), new Transform.Day(), new Transform.Hour(), new Transform.Void());
    return all.stream().filter(t -> t.canTransform(type)).toList();
  }

  /** The partition field summary a manifest writer would record for these partition values. */
  private static List<FieldSummary> summarize(Random r, Type type, List<Record> partitions) {
    boolean containsNull = false;
    boolean containsNan = false;
    Object min = null;
    Object max = null;
    Comparator<Object> cmp = Comparators.forType(type);
    for (Record p : partitions) {
      Object v = p.get(0);
      if (v == null) {
        containsNull = true;
      } else if (RowEvaluator.isNaN(v)) {
        containsNan = true;
      } else {
        min = min == null || cmp.compare(v, min) < 0 ? v : min;
        max = max == null || cmp.compare(v, max) > 0 ? v : max;
      }
    }
    boolean floating = type.typeId() == TypeId.FLOAT || type.typeId() == TypeId.DOUBLE;
    Boolean nan = floating ? (Boolean) containsNan : r.nextBoolean() ? Boolean.FALSE : null;
    ByteBuffer lower = min == null ? null : SingleValueSerialization.toBytes(type, min);
    ByteBuffer upper = max == null ? null : SingleValueSerialization.toBytes(type, max);
    return List.of(new FieldSummary(containsNull, nan, lower, upper));
  }

  @Test
  void manifestEvaluatorUsesSummaries() {
    Expression filter = Binder.bind(SCHEMA.asStruct(), equal("x", 15), true);
    ManifestEvaluator evaluator = new ManifestEvaluator(SPEC, filter);
    assertTrue(evaluator.mightMatch(null));
    assertTrue(evaluator.mightMatch(List.of()));
    FieldSummary unknown = new FieldSummary(true, null, null, null);
    FieldSummary x = new FieldSummary(false, false, SingleValueSerialization.toBytes(Types.INT, 20), SingleValueSerialization.toBytes(Types.INT, 90));
    assertFalse(evaluator.mightMatch(List.of(unknown, unknown, x, unknown, unknown, unknown)));
    FieldSummary xWith10 = new FieldSummary(false, false, SingleValueSerialization.toBytes(Types.INT, 0), SingleValueSerialization.toBytes(Types.INT, 10));
    assertTrue(evaluator.mightMatch(List.of(unknown, unknown, xWith10, unknown, unknown, unknown)));
    FieldSummary allNull = new FieldSummary(true, false, null, null);
    assertFalse(evaluator.mightMatch(List.of(unknown, unknown, allNull, unknown, unknown, unknown)));
    ManifestEvaluator isNullEval = new ManifestEvaluator(SPEC, Binder.bind(SCHEMA.asStruct(), isNull("x"), true));
    assertFalse(isNullEval.mightMatch(List.of(unknown, unknown, x, unknown, unknown, unknown)));
    assertTrue(isNullEval.mightMatch(List.of(unknown, unknown, allNull, unknown, unknown, unknown)));
    // fewer summaries than partition fields: the missing ones are unknown
    assertTrue(evaluator.mightMatch(List.of(unknown)));
  }

  @Test
  void manifestEvaluatorHandlesNaNSummaries() {
    Schema schema = new Schema(NestedField.optional(1, "f", Types.DOUBLE));
    PartitionSpec spec = PartitionSpec.builderFor(schema).identity("f").build();
    FieldSummary nansOnly = new FieldSummary(false, true, null, null);
    FieldSummary nullsOnly = new FieldSummary(true, false, null, null);
    FieldSummary nullsOrNans = new FieldSummary(true, null, null, null);
    assertTrue(manifest(spec, Expressions.notNull("f"), nansOnly));
    assertFalse(manifest(spec, Expressions.notNull("f"), nullsOnly));
    assertTrue(manifest(spec, Expressions.notNull("f"), nullsOrNans));
    assertFalse(manifest(spec, Expressions.notNaN("f"), nansOnly));
    assertTrue(manifest(spec, Expressions.isNaN("f"), nansOnly));
    assertFalse(manifest(spec, Expressions.isNaN("f"), nullsOnly));
    assertFalse(manifest(spec, lessThan("f", 1.0), nansOnly));
  }

  /**
   * A manifest of uuid partitions written by Iceberg 1.12, which orders uuids signed: for partitions
   * ffffffff-ffff-ffff-ffff-ffffffffffff and 00000000-0000-0000-0000-000000000001 its summary has the first as the
   * lower bound. The bounds' values are not used, their presence and contains-null are.
   */
  @Test
  void manifestEvaluatorIgnoresUuidBounds() {
    UUID high = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
    Schema schema = new Schema(NestedField.optional(1, "u", Types.UUID));
    PartitionSpec spec = PartitionSpec.builderFor(schema).identity("u").build();
    FieldSummary signed = new FieldSummary(false, null, SingleValueSerialization.toBytes(Types.UUID, high),
        SingleValueSerialization.toBytes(Types.UUID, low));
    for (UUID value : List.of(high, low)) {
      assertTrue(manifest(spec, equal("u", value), signed), "equal " + value);
      assertTrue(manifest(spec, in("u", value, UUID.fromString("80000000-0000-0000-0000-000000000000")), signed), "in " + value);
      assertTrue(manifest(spec, lessThan("u", value), signed), "< " + value);
      assertTrue(manifest(spec, greaterThan("u", value), signed), "> " + value);
    }
    FieldSummary nullsOnly = new FieldSummary(true, null, null, null);
    assertFalse(manifest(spec, equal("u", low), nullsOnly));
    assertFalse(manifest(spec, Expressions.notNull("u"), nullsOnly));
    assertFalse(manifest(spec, isNull("u"), signed));
    // exact partition values are compared as values, whatever order bounds follow
    PartitionEvaluator partitions = new PartitionEvaluator(spec, Binder.bind(schema.asStruct(), equal("u", high), true));
    assertTrue(partitions.mightMatch(GenericRecord.of(spec.partitionType(), high)));
    assertFalse(partitions.mightMatch(GenericRecord.of(spec.partitionType(), low)));
  }

  private static boolean manifest(PartitionSpec spec, Expression filter, FieldSummary summary) {
    return new ManifestEvaluator(spec, Binder.bind(spec.schema().asStruct(), filter, true)).mightMatch(List.of(summary));
  }
}
