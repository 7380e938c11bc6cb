package io.floe.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A statement reads the metadata of the tables it names, not of every table in their namespace. */
class FloeSchemaTest {
  private static final Schema SCHEMA = new Schema(NestedField.required(1, "id", Types.LONG));

  @TempDir
  Path warehouse;

  @Test
  void aBrokenTableDoesNotBreakQueriesOfItsNeighbours() throws Exception {
    try (Catalog catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toString()))) {
      catalog.createNamespace(Namespace.of("shop"));
      catalog.createTable(TableIdentifier.of("shop", "good"), SCHEMA).newAppend()
          .appendRecords(List.of(GenericRecord.of(SCHEMA.asStruct(), 7L))).commit();
      catalog.createTable(TableIdentifier.of("shop", "broken"), SCHEMA);
    }
    try (Stream<Path> files = Files.list(warehouse.resolve("shop/broken/metadata"))) {
      for (Path metadata : files.filter(f -> f.toString().endsWith(".metadata.json")).toList()) {
        Files.writeString(metadata, "{ not json");
      }
    }
    try (FloeSession session = FloeSession.open(warehouse, "shop")) {
      assertEquals(List.of(List.of(7L)), ResultRows.query(session, "SELECT id FROM good"));
      assertEquals(List.of(List.of(7L)), ResultRows.query(session, "SELECT id FROM \"good$snapshots\" s, good"
          + " WHERE s.snapshot_id IS NOT NULL"));
      SQLException error = assertThrows(SQLException.class, () -> ResultRows.query(session, "SELECT id FROM broken"));
      assertTrue(error.getMessage().contains("broken"), error.getMessage());
    }
  }
}
