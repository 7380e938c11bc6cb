package io.floe.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.arrow.ArrowRows;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.io.LocalFileIO;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Types;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files not written by Iceberg: 2-level lists, and no field ids (columns matched by name). */
class LegacyParquetLayoutTest {
  @TempDir
  Path dir;

  private final LocalFileIO io = new LocalFileIO();

  private List<Record> read(Path file, Schema projection) {
    List<Record> out = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        ParquetBatchIterator batches = ParquetArrowReader.read(io.newInputFile(file.toString()), projection, allocator,
            2, null)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          out.addAll(ArrowRows.toRecords(batch, projection));
        }
      }
    }
    return out;
  }

  private void write(Path file, MessageType type, List<Group> groups) throws Exception {
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(ParquetFiles.output(io.newOutputFile(file.toString())))
        .withType(type).build()) {
      for (Group g : groups) {
        writer.write(g);
      }
    }
  }

  @Test
  void readsTwoLevelListsAndFilesWithoutIds() throws Exception {
    MessageType type = MessageTypeParser.parseMessageType("""
        message legacy {
          required int64 id;
          optional group nums (LIST) { repeated int32 array; }
          optional group people (LIST) { repeated group array { required binary name (UTF8); optional int32 age; } }
        }""");
    SimpleGroupFactory factory = new SimpleGroupFactory(type);
    Group first = factory.newGroup().append("id", 1L);
    first.addGroup("nums").append("array", 5).append("array", 6);
    Group people = first.addGroup("people");
    people.addGroup("array").append("name", "ann").append("age", 30);
    people.addGroup("array").append("name", "bob");
    Group second = factory.newGroup().append("id", 2L);
    second.addGroup("nums");
    Group third = factory.newGroup().append("id", 3L);
    Path file = dir.resolve("legacy.parquet");
    write(file, type, List.of(first, second, third));

    StructType person = Types.struct(NestedField.required(6, "name", Types.STRING), NestedField.optional(7, "age", Types.INT));
    Schema schema = new Schema(
        NestedField.required(1, "id", Types.LONG),
        NestedField.optional(2, "nums", Types.list(3, Types.LONG, true)),
        NestedField.optional(4, "people", Types.list(5, person, true)));
    List<Record> expected = List.of(
        GenericRecord.of(schema.asStruct(), 1L, List.of(5L, 6L),
            List.of(GenericRecord.of(person, "ann", 30), GenericRecord.of(person, "bob", null))),
        GenericRecord.of(schema.asStruct(), 2L, List.of(), null),
        GenericRecord.of(schema.asStruct(), 3L, null, null));
    assertEquals(expected, read(file, schema));
  }

  @Test
  void readsThreeLevelListsWithNullElementsFromOtherWriters() throws Exception {
    MessageType type = MessageTypeParser.parseMessageType("""
        message other {
          optional group xs (LIST) { repeated group list { optional binary element (UTF8); } }
          optional group m (MAP) { repeated group key_value { required int32 key; optional double value; } }
        }""");
    SimpleGroupFactory factory = new SimpleGroupFactory(type);
    Group row = factory.newGroup();
    Group xs = row.addGroup("xs");
    xs.addGroup("list").append("element", "a");
    xs.addGroup("list");
    Group m = row.addGroup("m");
    m.addGroup("key_value").append("key", 1).append("value", 1.5);
    m.addGroup("key_value").append("key", 2);
    Path file = dir.resolve("other.parquet");
    write(file, type, List.of(row, factory.newGroup()));

    Schema schema = new Schema(
        NestedField.optional(1, "xs", Types.list(2, Types.STRING, false)),
        NestedField.optional(3, "m", Types.map(4, Types.INT, 5, Types.DOUBLE, false)));
    java.util.Map<Integer, Double> map = new java.util.LinkedHashMap<>();
    map.put(1, 1.5);
    map.put(2, null);
    List<Record> expected = List.of(
        GenericRecord.of(schema.asStruct(), Arrays.asList("a", null), map),
        GenericRecord.of(schema.asStruct(), null, null));
    assertEquals(expected, read(file, schema));
  }
}
