package io.floe.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import io.floe.table.Table;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table with a TIMESTAMP WITH LOCAL TIME ZONE (timestamptz) column compared with literals and casts; the expected
 * rows are those the Table API reads, filtered in Java by the instant the literal names (its text read as UTC).
 */
class TimestampWithLocalTimeZoneTest {
  private static final Schema EVENTS = new Schema(
      NestedField.required(1, "id", Types.LONG),
      NestedField.optional(2, "happened", Types.TIMESTAMPTZ));
  private static final Instant[] TIMES = {
      Instant.parse("2025-12-31T23:59:59.999999Z"), Instant.parse("2026-01-01T00:00:00Z"),
      Instant.parse("2026-01-01T00:00:00.000001Z"), Instant.parse("2026-03-15T12:30:00Z"), null};

  @TempDir
  static Path warehouse;
  private static Catalog catalog;
  private static Table events;
  private static FloeSession session;

  @BeforeAll
  static void createTable() throws SQLException {
    catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toString()));
    catalog.createNamespace(Namespace.of("tz"));
    Table created = catalog.createTable(TableIdentifier.of("tz", "events"), EVENTS);
    List<Record> rows = new ArrayList<>();
    for (int i = 0; i < TIMES.length; i++) {
      rows.add(GenericRecord.of(EVENTS.asStruct(), (long) i, TIMES[i]));
    }
    created.newAppend().appendRecords(rows).commit();
    events = catalog.loadTable(TableIdentifier.of("tz", "events"));
    session = FloeSession.open(catalog, "tz");
  }

  @AfterAll
  static void close() {
    session.close();
    catalog.close();
  }

  @Test
  void comparisonsWithALiteral() throws SQLException {
    long midnight = micros(Instant.parse("2026-01-01T00:00:00Z"));
    String literal = "TIMESTAMP WITH LOCAL TIME ZONE '2026-01-01 00:00:00'";
    assertEquals(ids(at -> at > midnight),
        query("SELECT id FROM events WHERE happened > " + literal + " ORDER BY id"));
    assertEquals(ids(at -> at >= midnight),
        query("SELECT id FROM events WHERE happened >= " + literal + " ORDER BY id"));
    assertEquals(ids(at -> at < midnight),
        query("SELECT id FROM events WHERE " + literal + " > happened ORDER BY id"));
    assertEquals(ids(at -> at == midnight), query("SELECT id FROM events WHERE happened = " + literal));
    long fraction = micros(Instant.parse("2026-01-01T00:00:00.000001Z"));
    assertEquals(ids(at -> at >= fraction), query("SELECT id FROM events"
        + " WHERE happened >= TIMESTAMP WITH LOCAL TIME ZONE '2026-01-01 00:00:00.000001' ORDER BY id"));
    assertEquals(List.of(List.of(midnight)), query("SELECT " + literal + " FROM (VALUES (1))"));
  }

  @Test
  void castsToTimestampWithLocalTimeZone() throws SQLException {
    long march = micros(Instant.parse("2026-03-15T12:30:00Z"));
    assertEquals(ids(at -> at == march), query("SELECT id FROM events"
        + " WHERE happened = CAST(TIMESTAMP '2026-03-15 12:30:00' AS TIMESTAMP WITH LOCAL TIME ZONE)"));
    assertEquals(ids(at -> at < march), query("SELECT id FROM events"
        + " WHERE happened < CAST('2026-03-15 12:30:00' AS TIMESTAMP WITH LOCAL TIME ZONE) ORDER BY id"));
    assertEquals(ids(at -> at >= march), query("SELECT id FROM events"
        + " WHERE happened >= TIMESTAMP '2026-03-15 12:30:00' ORDER BY id"), "a TIMESTAMP compared as in UTC");
    SQLException invalid = assertThrows(SQLException.class,
        () -> query("SELECT id FROM events WHERE happened < CAST(id || 'x' AS TIMESTAMP WITH LOCAL TIME ZONE)"));
    assertEquals("22007", invalid.getSQLState(), invalid.getMessage());
    assertTrue(invalid.getMessage().contains("0x"), invalid.getMessage());
    assertEquals(List.of(List.of(3L, "2026-03-15 12:30:00", micros(Instant.parse("2026-03-15T00:00:00Z")))),
        query("SELECT id, CAST(happened AS VARCHAR), CAST(CAST(happened AS DATE) AS TIMESTAMP WITH LOCAL TIME ZONE)"
            + " FROM events WHERE id = 3"));
  }

  /** The ids of the rows whose non-null {@code at} matches, as the Table API reads them. */
  private static List<List<Object>> ids(LongPredicate test) {
    List<List<Object>> ids = new ArrayList<>();
    for (Record record : events.newScan().records()) {
      Object at = record.get(1);
      if (at != null && test.test(micros(at))) {
        ids.add(List.of(record.get(0)));
      }
    }
    ids.sort((a, b) -> Long.compare((Long) a.get(0), (Long) b.get(0)));
    return ids;
  }

  private static long micros(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof Instant i) {
      return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }
    if (value instanceof java.time.OffsetDateTime t) {
      return micros(t.toInstant());
    }
    if (value instanceof LocalDateTime t) {
      return micros(t.toInstant(ZoneOffset.UTC));
    }
    throw new AssertionError("unexpected timestamptz value " + value + " of " + value.getClass());
  }

  private static List<List<Object>> query(String sql) throws SQLException {
    return ResultRows.query(session, sql);
  }
}
