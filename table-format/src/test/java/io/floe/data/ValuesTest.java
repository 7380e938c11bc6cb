package io.floe.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.types.NestedField;
import io.floe.types.StructType;
import io.floe.types.Type;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void keepsInternalValues() {
    ByteBuffer b = ByteBuffer.wrap(new byte[] {1, 2});
    assertSame(b, Values.toInternal(Types.BINARY, b));
    assertEquals(5, Values.toInternal(Types.INT, 5));
    assertEquals(17486, Values.toInternal(Types.DATE, 17486));
    assertEquals(1L, Values.toInternal(Types.TIMESTAMPTZ, 1L));
    assertNull(Values.toInternal(Types.STRING, null));
  }

  @Test
  void convertsNumbersWithoutLoss() {
    assertEquals(7L, Values.toInternal(Types.LONG, 7));
    assertEquals(7, Values.toInternal(Types.INT, 7L));
    assertEquals(3, Values.toInternal(Types.INT, (short) 3));
    assertEquals(2.5d, Values.toInternal(Types.DOUBLE, 2.5f));
    assertEquals(2.0d, Values.toInternal(Types.DOUBLE, 2));
    assertEquals(0.5f, Values.toInternal(Types.FLOAT, 0.5d));
    assertEquals(new BigDecimal("14.20"), Values.toInternal(Types.decimal(9, 2), new BigDecimal("14.2")));
    assertEquals(new BigDecimal("14.20"), Values.toInternal(Types.decimal(9, 2), new BigDecimal("14.200")));
    assertEquals(new BigDecimal("3.00"), Values.toInternal(Types.decimal(9, 2), 3));
    assertEquals(new BigDecimal("-3.00"), Values.toInternal(Types.decimal(9, 2), -3L));
    assertEquals(new BigDecimal("12"), Values.toInternal(Types.decimal(5, 0), BigInteger.valueOf(12)));

    assertMessage(() -> Values.toInternal(Types.INT, 1L << 40), "outside the range of an int");
    assertMessage(() -> Values.toInternal(Types.FLOAT, 0.1d), "not exactly representable");
    assertMessage(() -> Values.toInternal(Types.decimal(9, 2), new BigDecimal("1.005")), "decimal(9,2) without rounding");
    assertMessage(() -> Values.toInternal(Types.decimal(4, 2), new BigDecimal("123.4")), "more digits than decimal(4,2)");
    assertMessage(() -> Values.toInternal(Types.decimal(9, 2), 1.5d), "java.lang.Double");
    assertMessage(() -> Values.toInternal(Types.LONG, "5"), "expected a long value");
    assertMessage(() -> Values.toInternal(Types.LONG, 1.0d), "java.lang.Double");
    assertMessage(() -> Values.toInternal(Types.DOUBLE, Long.MAX_VALUE), "not exactly representable as a double");
  }

  @Test
  void convertsDatesAndTimes() {
    assertEquals(17486, Values.toInternal(Types.DATE, LocalDate.of(2017, 11, 16)));
    assertEquals(-1, Values.toInternal(Types.DATE, LocalDate.of(1969, 12, 31)));
    assertEquals(81068000001L, Values.toInternal(Types.TIME, LocalTime.of(22, 31, 8, 1999)));
    assertEquals(1510871468000000L, Values.toInternal(Types.TIMESTAMP, LocalDateTime.of(2017, 11, 16, 22, 31, 8)));
    // before 1970 sub-second parts still count forwards: -1 second + 0.5 s
    assertEquals(-500_000L, Values.toInternal(Types.TIMESTAMP, LocalDateTime.of(1969, 12, 31, 23, 59, 59, 500_000_000)));
    long tz = 1510871468000000L;
    assertEquals(tz, Values.toInternal(Types.TIMESTAMPTZ, Instant.parse("2017-11-16T22:31:08Z")));
    assertEquals(tz, Values.toInternal(Types.TIMESTAMPTZ, OffsetDateTime.of(2017, 11, 16, 14, 31, 8, 0, ZoneOffset.ofHours(-8))));
    assertEquals(tz, Values.toInternal(Types.TIMESTAMPTZ,
        ZonedDateTime.of(LocalDateTime.of(2017, 11, 16, 23, 31, 8), ZoneId.of("Europe/Paris"))));

    assertMessage(() -> Values.toInternal(Types.TIMESTAMP, Instant.EPOCH), "timestamptz column");
    assertMessage(() -> Values.toInternal(Types.TIMESTAMP, OffsetDateTime.now()), "java.time.OffsetDateTime");
    assertMessage(() -> Values.toInternal(Types.TIMESTAMPTZ, LocalDateTime.now()), "no time zone");
    assertMessage(() -> Values.toInternal(Types.DATE, LocalDateTime.now()), "expected a date value");
  }

  @Test
  void convertsStringsUuidsAndBytes() {
    UUID u = UUID.fromString("f79c3e09-677c-4bbd-a479-3f349cb785e7");
    assertEquals(u, Values.toInternal(Types.UUID, u.toString()));
    ByteBuffer raw = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).flip();
    assertEquals(u, Values.toInternal(Types.UUID, raw));
    assertEquals("abc", Values.toInternal(Types.STRING, new StringBuilder("abc")));
    byte[] bytes = {1, 2, 3};
    ByteBuffer converted = (ByteBuffer) Values.toInternal(Types.fixed(3), bytes);
    bytes[0] = 9;
    assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), converted);
    assertEquals(ByteBuffer.wrap(new byte[] {1}), Values.toInternal(Types.BINARY, new byte[] {1}));

    assertMessage(() -> Values.toInternal(Types.UUID, "nope"), "'nope' is not a valid uuid");
    assertMessage(() -> Values.toInternal(Types.fixed(4), new byte[3]), "expected 4 bytes for fixed[4]");
    assertMessage(() -> Values.toInternal(Types.STRING, 5), "expected a string value (String) but got java.lang.Integer 5");
    assertMessage(() -> Values.toInternal(Types.BOOLEAN, "true"), "java.lang.String");
  }

  @Test
  void convertsNestedValuesRecursively() {
    StructType point = Types.struct(NestedField.required(3, "x", Types.LONG), NestedField.optional(4, "day", Types.DATE));
    Type listOfPoints = Types.list(5, point, true);
    Type tags = Types.map(6, Types.STRING, 7, Types.decimal(9, 2), false);
    StructType row = Types.struct(NestedField.required(1, "points", listOfPoints), NestedField.optional(2, "tags", tags));

    GenericRecord p = GenericRecord.of(point, 1, LocalDate.of(1970, 1, 2));
    GenericRecord input = GenericRecord.of(row, List.of(p), Map.of("a", 2));
    GenericRecord out = Values.toInternal(row, input);

    Record outPoint = (Record) ((List<?>) out.get(0)).get(0);
    assertEquals(1L, outPoint.get(0));
    assertEquals(1, outPoint.get(1));
    assertEquals(Map.of("a", new BigDecimal("2.00")), out.get(1));
    assertEquals(LocalDate.of(1970, 1, 2), p.get(1), "the input is not modified");

    assertMessage(() -> Values.toInternal(row, GenericRecord.of(row, null, null)), "required field 'points' is null");
    assertMessage(() -> Values.toInternal(row, GenericRecord.of(row, List.of(GenericRecord.of(point, null, null)), null)),
        "required field 'points.element.x' is null");
    assertMessage(() -> Values.toInternal(row, GenericRecord.of(row, Arrays.asList((Object) null), null)),
        "required list element 'points.element' is null");
    assertMessage(() -> Values.toInternal(row, GenericRecord.of(row, List.of(), Map.of("a", "x"))),
        "field 'tags.value': expected a decimal(9,2) value");
    assertMessage(() -> Values.toInternal(row, GenericRecord.of(row, List.of(GenericRecord.of(point, "1", null)), null)),
        "field 'points.element.x': expected a long value");
    assertMessage(() -> Values.toInternal(row, GenericRecord.of(row, "notalist", null)), "expected a list<");
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' should contain '" + expected + "'");
  }
}
