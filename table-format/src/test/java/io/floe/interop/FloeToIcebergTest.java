package io.floe.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.data.Values;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.table.Table;
import io.floe.table.Tables;
import io.floe.types.NestedField;
import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tables written by Floe (each partition transform, several snapshots incl. overwrites and file deletes, every
 * primitive type, nested types, nulls) read by Apache Iceberg 1.12's generic reader give the same rows, field by
 * field, at every snapshot.
 */
class FloeToIcebergTest {
  @TempDir
  Path dir;

  static Stream<Arguments> specs() {
    Schema s = AllTypes.SCHEMA;
    List<Arguments> args = new ArrayList<>();
    args.add(Arguments.of("unpartitioned", (Function<Schema, PartitionSpec>) PartitionSpec::unpartitioned));
    args.add(Arguments.of("identity", (Function<Schema, PartitionSpec>) x -> PartitionSpec.builderFor(x).identity("b").identity("dt").build()));
    args.add(Arguments.of("bucket", (Function<Schema, PartitionSpec>) x -> PartitionSpec.builderFor(x).bucket("id", 4).bucket("u", 3).build()));
    args.add(Arguments.of("bucket-strings", (Function<Schema, PartitionSpec>) x -> PartitionSpec.builderFor(x).bucket("s", 5).bucket("dec", 2).build()));
    args.add(Arguments.of("truncate", (Function<Schema, PartitionSpec>) x -> PartitionSpec.builderFor(x).truncate("s", 2).truncate("i", 1000).build()));
    args.add(Arguments.of("truncate-decimal", (Function<Schema, PartitionSpec>) x -> PartitionSpec.builderFor(x).truncate("dec", 100000).build()));
    args.add(Arguments.of("year", (Function<Schema, PartitionSpec>) x -> PartitionSpec.builderFor(x).year("dt").build()));
    args.add(Arguments.of("month", (Function<Schema, PartitionSpec>) x -> PartitionSpec.builderFor(x).month("ts").build()));
    args.add(Arguments.of("day", (Function<Schema, PartitionSpec>) x -> PartitionSpec.builderFor(x).day("tstz").build()));
    args.add(Arguments.of("hour", (Function<Schema, PartitionSpec>) x -> PartitionSpec.builderFor(x).hour("ts").build()));
    args.add(Arguments.of("void", (Function<Schema, PartitionSpec>) x -> PartitionSpec.builderFor(x).alwaysNull("s").build()));
    return args.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void icebergReadsEverySnapshotOfAFloeTable(String name, Function<Schema, PartitionSpec> specFn) throws Exception {
    String location = dir.resolve(name).toString();
    Table table = new Tables(new LocalFileIO()).create(AllTypes.SCHEMA, specFn.apply(AllTypes.SCHEMA), location);
    table.newAppend().appendRecords(AllTypes.rows(0, 60)).commit();
    table.newAppend().appendRecords(AllTypes.rows(60, 40)).commit();
    table.newOverwrite().overwriteByRowFilter(Expressions.lessThan("id", 15L)).addRecords(AllTypes.rows(500, 5)).commit();
    String someFile = table.newScan().planFiles().get(0).file().path();
    table.newDelete().deleteFile(someFile).commit();
    table.newDelete().deleteFromRowFilter(Expressions.equal("b", true)).commit();

    org.apache.iceberg.Table iceberg = new HadoopTables(new Configuration()).load(location);
    int icebergSnapshots = 0;
    for (org.apache.iceberg.Snapshot ignored : iceberg.snapshots()) {
      icebergSnapshots++;
    }
    assertEquals(table.snapshots().size(), icebergSnapshots);
    for (Snapshot s : table.snapshots()) {
      Map<Long, Record> floeRows = byId(table.newScan().useSnapshot(s.snapshotId()).records());
      Map<Long, Record> icebergRows = new TreeMap<>();
      try (CloseableIterable<org.apache.iceberg.data.Record> rows = IcebergGenerics.read(iceberg).useSnapshot(s.snapshotId()).build()) {
        for (org.apache.iceberg.data.Record r : rows) {
          Record converted = fromIceberg(r);
          icebergRows.put((Long) converted.get(0), converted);
        }
      }
      assertEquals(floeRows.keySet(), icebergRows.keySet(), name + ": row ids of snapshot " + s.snapshotId());
      for (Long id : floeRows.keySet()) {
        assertRowEquals(floeRows.get(id), icebergRows.get(id), name + " row " + id);
      }
      assertEquals(Long.parseLong(s.summary().get("total-records")), icebergRows.size());
      assertEquals(s.operation(), iceberg.snapshot(s.snapshotId()).operation());
    }
    // Iceberg prunes Floe's files with the partition values and bounds Floe wrote, as Floe does
    org.apache.iceberg.expressions.Expression filter = org.apache.iceberg.expressions.Expressions.equal("id", 42L);
    int icebergFiles = 0;
    try (CloseableIterable<FileScanTask> tasks = iceberg.newScan().filter(filter).planFiles()) {
      for (FileScanTask t : tasks) {
        icebergFiles++;
        assertTrue(t.file().recordCount() > 0);
      }
    }
    assertEquals(table.newScan().filter(Expressions.equal("id", 42L)).planFiles().size(), icebergFiles);
  }

  static Map<Long, Record> byId(List<Record> rows) {
    Map<Long, Record> m = new TreeMap<>();
    for (Record r : rows) {
      m.put((Long) r.get(0), r);
    }
    return m;
  }

  /** Converts an Iceberg generic record (LocalDate, OffsetDateTime, byte[] ...) to Floe internal values. */
  static Record fromIceberg(org.apache.iceberg.data.Record r) {
    return (Record) convert(AllTypes.SCHEMA.asStruct(), r);
  }

  static Object convert(Type type, Object v) {
    if (v == null) {
      return null;
    }
    if (type instanceof StructType st) {
      org.apache.iceberg.StructLike struct = (org.apache.iceberg.StructLike) v;
      GenericRecord g = new GenericRecord(st);
      for (int i = 0; i < st.fields().size(); i++) {
        g.set(i, convert(st.fields().get(i).type(), struct.get(i, Object.class)));
      }
      return g;
    } else if (type instanceof ListType lt) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<?>) v) {
        out.add(convert(lt.elementType(), o));
      }
      return out;
    } else if (type instanceof MapType mt) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(convert(mt.keyType(), e.getKey()), convert(mt.valueType(), e.getValue()));
      }
      return out;
    }
    return Values.toInternal(type, v instanceof CharSequence cs ? cs.toString() : v);
  }

  static void assertRowEquals(Record expected, Record actual, String what) {
    List<NestedField> fields = expected.struct().fields();
    for (int i = 0; i < fields.size(); i++) {
      Object e = expected.get(i);
      Object a = actual.get(i);
      if (e instanceof Float f && f.isNaN()) {
        assertTrue(a instanceof Float g && g.isNaN(), what + " column " + fields.get(i).name());
      } else {
        assertEquals(normalize(e), normalize(a), what + " column " + fields.get(i).name());
      }
    }
  }

  /** Records compare by values; nested records become lists so that record classes do not matter. */
  static Object normalize(Object v) {
    if (v instanceof Record r) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        values.add(normalize(r.get(i)));
      }
      return values;
    } else if (v instanceof List<?> l) {
      List<Object> values = new ArrayList<>();
      for (Object o : l) {
        values.add(normalize(o));
      }
      return values;
    } else if (v instanceof Map<?, ?> m) {
      Map<Object, Object> values = new TreeMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        values.put(normalize(e.getKey()), normalize(e.getValue()));
      }
      return values;
    }
    return v;
  }
}
