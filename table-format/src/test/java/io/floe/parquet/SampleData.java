package io.floe.parquet;

import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Type;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Deterministic test rows of every type, with nulls, NaNs, signed zeros, empty collections and long strings. */
public final class SampleData {
  private SampleData() {
  }

  /** Every primitive type, optional, plus a required int id. */
  public static Schema primitives() {
    return new Schema(
        NestedField.required(1, "id", Types.INT),
        NestedField.optional(2, "b", Types.BOOLEAN),
        NestedField.optional(3, "i", Types.INT),
        NestedField.optional(4, "l", Types.LONG),
        NestedField.optional(5, "f", Types.FLOAT),
        NestedField.optional(6, "d", Types.DOUBLE),
        NestedField.optional(7, "dec9", Types.decimal(9, 2)),
        NestedField.optional(8, "dec18", Types.decimal(18, 6)),
        NestedField.optional(9, "dec38", Types.decimal(38, 10)),
        NestedField.optional(10, "date", Types.DATE),
        NestedField.optional(11, "time", Types.TIME),
        NestedField.optional(12, "ts", Types.TIMESTAMP),
        NestedField.optional(13, "tstz", Types.TIMESTAMPTZ),
        NestedField.optional(14, "s", Types.STRING),
        NestedField.optional(15, "u", Types.UUID),
        NestedField.optional(16, "fx", Types.fixed(5)),
        NestedField.optional(17, "bin", Types.BINARY));
  }

  /** Structs, lists and maps, nested in each other. */
  public static Schema nested() {
    return new Schema(
        NestedField.required(1, "id", Types.LONG),
        NestedField.optional(2, "point", Types.struct(
            NestedField.required(3, "x", Types.DOUBLE),
            NestedField.optional(4, "label", Types.STRING),
            NestedField.optional(5, "inner", Types.struct(NestedField.optional(6, "n", Types.INT))))),
        NestedField.optional(7, "tags", Types.list(8, Types.STRING, false)),
        NestedField.required(9, "scores", Types.list(10, Types.INT, true)),
        NestedField.optional(11, "attrs", Types.map(12, Types.STRING, 13, Types.LONG, false)),
        NestedField.optional(14, "people", Types.list(15, Types.struct(
            NestedField.required(16, "name", Types.STRING),
            NestedField.optional(17, "phones", Types.list(18, Types.STRING, false))), false)),
        NestedField.optional(19, "lookup", Types.map(20, Types.INT, 21,
            Types.struct(NestedField.optional(22, "v", Types.decimal(20, 3))), true)));
  }

  public static List<Record> rows(Schema schema, int count, long seed) {
    Random random = new Random(seed);
    List<Record> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(record(schema.asStruct(), random, i, true));
    }
    return rows;
  }

  private static Record record(StructType struct, Random random, int row, boolean top) {
    GenericRecord r = new GenericRecord(struct);
    for (int i = 0; i < struct.fields().size(); i++) {
      NestedField f = struct.fields().get(i);
      if (top && i == 0) {
        r.set(0, f.type().typeId() == io.floe.types.TypeId.INT ? (Object) row : (Object) (long) row);
      } else {
        r.set(i, value(f.type(), f.required(), random));
      }
    }
    return r;
  }

  private static Object value(Type type, boolean required, Random random) {
    if (!required && random.nextInt(6) == 0) {
      return null;
    }
    if (type instanceof StructType s) {
      return record(s, random, -1, false);
    } else if (type instanceof ListType l) {
      int n = random.nextInt(4);
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(value(l.elementType(), l.elementRequired(), random));
      }
      return out;
    } else if (type instanceof MapType m) {
      int n = random.nextInt(4);
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        out.put(value(m.keyType(), true, random), value(m.valueType(), m.valueRequired(), random));
      }
      return out;
    }
    return primitive((PrimitiveType) type, random);
  }

  static Object primitive(PrimitiveType type, Random random) {
    return switch (type.typeId()) {
      case BOOLEAN -> random.nextBoolean();
      case INT -> random.nextInt(2000) - 1000;
      case LONG -> random.nextLong();
      case FLOAT -> pick(random, new Float[] {Float.NaN, -0.0f, 0.0f, Float.NEGATIVE_INFINITY}, random.nextFloat() * 100 - 50);
      case DOUBLE -> pick(random, new Double[] {Double.NaN, -0.0d, 0.0d, Double.MAX_VALUE}, random.nextGaussian() * 1e6);
      case DECIMAL -> new BigDecimal(new BigInteger(Math.min(120, (int) (type.precision() * 3.3)), random)
          .mod(BigInteger.TEN.pow(type.precision())).subtract(random.nextBoolean() ? BigInteger.TEN.pow(type.precision() - 1) : BigInteger.ZERO),
          type.scale());
      case DATE -> random.nextInt(40000) - 10000;
      case TIME -> (long) random.nextInt(86400) * 1_000_000L + random.nextInt(1_000_000);
      case TIMESTAMP, TIMESTAMPTZ -> random.nextLong() % 4_000_000_000_000_000L;
      case STRING -> string(random);
      case UUID -> new UUID(random.nextLong(), random.nextLong());
      case FIXED -> ByteBuffer.wrap(bytes(random, type.length()));
      case BINARY -> ByteBuffer.wrap(bytes(random, random.nextInt(40)));
      default -> throw new IllegalArgumentException(type.toString());
    };
  }

  private static <T> T pick(Random random, T[] specials, T normal) {
    return random.nextInt(10) == 0 ? specials[random.nextInt(specials.length)] : normal;
  }

  private static String string(Random random) {
    String[] alphabet = {"a", "b", "z", "é", "中", "\uD83D\uDE00", "\uFFFF", " "};
    int n = random.nextInt(30);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return sb.toString();
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    if (n > 0 && random.nextInt(8) == 0) {
      java.util.Arrays.fill(b, (byte) 0xFF);
    }
    return b;
  }
}
