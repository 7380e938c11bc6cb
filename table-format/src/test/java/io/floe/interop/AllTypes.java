package io.floe.interop;

import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A schema with every primitive type and nested struct, list and map columns, and rows for it (with nulls). */
final class AllTypes {
  static final Schema SCHEMA = new Schema(
      NestedField.required(1, "id", Types.LONG),
      NestedField.optional(2, "b", Types.BOOLEAN),
      NestedField.optional(3, "i", Types.INT),
      NestedField.optional(4, "f", Types.FLOAT),
      NestedField.optional(5, "d", Types.DOUBLE),
      NestedField.optional(6, "dec", Types.decimal(12, 3)),
      NestedField.optional(7, "dt", Types.DATE),
      NestedField.optional(8, "tm", Types.TIME),
      NestedField.optional(9, "ts", Types.TIMESTAMP),
      NestedField.optional(10, "tstz", Types.TIMESTAMPTZ),
      NestedField.optional(11, "s", Types.STRING),
      NestedField.optional(12, "u", Types.UUID),
      NestedField.optional(13, "fx", Types.fixed(4)),
      NestedField.optional(14, "bin", Types.BINARY),
      NestedField.optional(15, "st", Types.struct(
          NestedField.optional(16, "a", Types.INT),
          NestedField.optional(17, "b", Types.STRING))),
      NestedField.optional(18, "lst", Types.list(19, Types.STRING, false)),
      NestedField.optional(20, "mp", Types.map(21, Types.STRING, 22, Types.LONG, false)),
      NestedField.optional(23, "big", Types.decimal(30, 5)));

  private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "épsilon", "ζeta", "", "a"};

  private AllTypes() {
  }

  /** Row {@code id}: every 7th optional value is null; values spread over several years and both signs. */
  static Record row(long id) {
    boolean nulls = id % 7 == 3;
    GenericRecord r = new GenericRecord(SCHEMA.asStruct());
    r.set(0, id);
    if (nulls) {
      return r;
    }
    int k = (int) id;
    r.set(1, k % 2 == 0);
    r.set(2, k * 37 - 500);
    r.set(3, k % 11 == 0 ? Float.NaN : k * 1.5f - 20f);
    r.set(4, k * -2.25 + 0.125);
    r.set(5, BigDecimal.valueOf(k * 1234567L - 9_000_000L, 3));
    r.set(6, LocalDate.of(1965, 1, 1).plusDays(k * 97L));
    r.set(7, LocalTime.ofSecondOfDay((k * 7919L) % 86_400).plusNanos(k * 1000L % 1_000_000));
    r.set(8, LocalDateTime.of(1969, 12, 31, 20, 0).plusMinutes(k * 611L).plusNanos(k * 3000L));
    r.set(9, OffsetDateTime.of(2020, 2, 29, 23, 0, 0, 0, ZoneOffset.ofHours(k % 5)).plusHours(k * 5L));
    r.set(10, WORDS[k % WORDS.length] + k);
    r.set(11, new UUID(k * 31L, -k * 17L));
    r.set(12, ByteBuffer.wrap(new byte[] {(byte) k, (byte) (k >> 8), (byte) 0xFF, 0}));
    r.set(13, ByteBuffer.wrap(("bin" + k).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    GenericRecord st = new GenericRecord(SCHEMA.findField("st").type().asStruct());
    st.set(0, k % 3 == 0 ? null : k);
    st.set(1, "n" + (k % 4));
    r.set(14, st);
    List<String> list = new ArrayList<>();
    for (int j = 0; j < k % 4; j++) {
      list.add(j == 1 ? null : "e" + j);
    }
    r.set(15, list);
    Map<String, Long> map = new LinkedHashMap<>();
    for (int j = 0; j < k % 3; j++) {
      map.put("k" + j, j == 2 ? null : (long) j * k);
    }
    r.set(16, map);
    r.set(17, new BigDecimal("1234567890123456789.5").multiply(BigDecimal.valueOf(k - 50)).setScale(5));
    return r;
  }

  static List<Record> rows(long first, int count) {
    List<Record> rows = new ArrayList<>();
    for (long id = first; id < first + count; id++) {
      rows.add(row(id));
    }
    return rows;
  }
}
