package io.floe.engine.exec.spill;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.ObjectColumn;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spill format of one column of a batch, typed like the column so it reads back as the same column: a tag, then
 * longs (with their kind and scale), doubles, booleans or byte strings (lengths, then the bytes) in bulk with the null
 * flags as bits, or boxed engine values one by one, each with its own tag.
 */
final class ColumnCodec {
  private static final byte LONGS = 1;
  private static final byte DOUBLES = 2;
  private static final byte BOOLEANS = 3;
  private static final byte BYTES = 4;
  private static final byte BOXED = 5;

  private static final byte NULL = 0;
  private static final byte LONG = 1;
  private static final byte DATE = 2;
  private static final byte DECIMAL = 3;
  private static final byte DOUBLE = 4;
  private static final byte BOOLEAN = 5;
  private static final byte STRING = 6;
  private static final byte BINARY = 7;
  private static final byte LIST = 8;
  private static final byte MAP = 9;

  private ColumnCodec() {
  }

  /** Writes the first {@code rows} rows of {@code column}. */
  static void write(DataOutputStream out, Column column, int rows) throws IOException {
    if (column instanceof LongColumn c) {
      out.writeByte(LONGS);
      out.writeByte(c.kind().ordinal());
      out.writeInt(c.scale());
      writeNulls(out, c.nulls(), rows);
      ByteBuffer buffer = ByteBuffer.allocate(8 * rows);
      buffer.asLongBuffer().put(c.values(), 0, rows);
      out.write(buffer.array());
    } else if (column instanceof DoubleColumn c) {
      out.writeByte(DOUBLES);
      writeNulls(out, c.nulls(), rows);
      ByteBuffer buffer = ByteBuffer.allocate(8 * rows);
      buffer.asDoubleBuffer().put(c.values(), 0, rows);
      out.write(buffer.array());
    } else if (column instanceof BoolColumn c) {
      out.writeByte(BOOLEANS);
      writeNulls(out, c.nulls(), rows);
      writeBits(out, c.values(), rows);
    } else if (column instanceof BytesColumn c) {
      writeBytes(out, c, rows);
    } else {
      out.writeByte(BOXED);
      for (int r = 0; r < rows; r++) {
        writeValue(out, column.get(r));
      }
    }
  }

  /** Reads a column of {@code rows} rows written by {@link #write}. */
  static Column read(DataInputStream in, int rows) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case LONGS: {
        LongColumn.Kind kind = LongColumn.Kind.values()[in.readByte()];
        int scale = in.readInt();
        boolean[] nulls = readNulls(in, rows);
        long[] values = new long[rows];
        ByteBuffer.wrap(readFully(in, 8 * rows)).asLongBuffer().get(values);
        return new LongColumn(values, nulls, rows, kind, scale);
      }
      case DOUBLES: {
        boolean[] nulls = readNulls(in, rows);
        double[] values = new double[rows];
        ByteBuffer.wrap(readFully(in, 8 * rows)).asDoubleBuffer().get(values);
        return new DoubleColumn(values, nulls, rows);
      }
      case BOOLEANS: {
        boolean[] nulls = readNulls(in, rows);
        return new BoolColumn(readBits(in, rows), nulls, rows);
      }
      case BYTES:
        return readBytes(in, rows);
      case BOXED: {
        Object[] values = new Object[rows];
        for (int r = 0; r < rows; r++) {
          values[r] = readValue(in);
        }
        return new ObjectColumn(values);
      }
      default:
        throw new IOException("corrupt spill file: column tag " + tag);
    }
  }

  private static void writeBytes(DataOutputStream out, BytesColumn c, int rows) throws IOException {
    out.writeByte(BYTES);
    out.writeBoolean(c.text());
    boolean[] nulls = c.nulls();
    writeNulls(out, nulls, rows);
    ByteBuffer lengths = ByteBuffer.allocate(4 * rows);
    int total = 0;
    for (int r = 0; r < rows; r++) {
      int length = nulls != null && nulls[r] ? 0 : c.length(r);
      lengths.putInt(length);
      total += length;
    }
    out.write(lengths.array());
    out.writeInt(total);
    byte[] data = c.data();
    for (int r = 0; r < rows; r++) {
      if (nulls == null || !nulls[r]) {
        out.write(data, c.start(r), c.length(r));
      }
    }
  }

  private static Column readBytes(DataInputStream in, int rows) throws IOException {
    boolean text = in.readBoolean();
    boolean[] nulls = readNulls(in, rows);
    int[] lengths = new int[rows];
    ByteBuffer.wrap(readFully(in, 4 * rows)).asIntBuffer().get(lengths);
    byte[] data = readFully(in, in.readInt());
    int[] starts = new int[rows];
    int start = 0;
    for (int r = 0; r < rows; r++) {
      starts[r] = start;
      start += lengths[r];
    }
    return new BytesColumn(data, starts, lengths, nulls, rows, text);
  }

  private static void writeValue(DataOutputStream out, Object value) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof Long v) {
      out.writeByte(LONG);
      out.writeLong(v);
    } else if (value instanceof Integer v) {
      out.writeByte(DATE);
      out.writeInt(v);
    } else if (value instanceof BigDecimal v) {
      out.writeByte(DECIMAL);
      out.writeInt(v.scale());
      byte[] unscaled = v.unscaledValue().toByteArray();
      out.writeInt(unscaled.length);
      out.write(unscaled);
    } else if (value instanceof Double v) {
      out.writeByte(DOUBLE);
      out.writeDouble(v);
    } else if (value instanceof Boolean v) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(v);
    } else if (value instanceof String v) {
      byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
      out.writeByte(STRING);
      out.writeInt(utf8.length);
      out.write(utf8);
    } else if (value instanceof byte[] v) {
      out.writeByte(BINARY);
      out.writeInt(v.length);
      out.write(v);
    } else if (value instanceof List<?> v) { // an ARRAY's elements or a ROW's fields
      out.writeByte(LIST);
      out.writeInt(v.size());
      for (Object element : v) {
        writeValue(out, element);
      }
    } else if (value instanceof Map<?, ?> v) {
      out.writeByte(MAP);
      out.writeInt(v.size());
      for (Map.Entry<?, ?> entry : v.entrySet()) {
        writeValue(out, entry.getKey());
        writeValue(out, entry.getValue());
      }
    } else {
      throw new UnsupportedOperationException("not supported: spilling values of type "
          + value.getClass().getSimpleName());
    }
  }

  private static Object readValue(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case NULL:
        return null;
      case LONG:
        return in.readLong();
      case DATE:
        return in.readInt();
      case DECIMAL: {
        int scale = in.readInt();
        return new BigDecimal(new BigInteger(readFully(in, in.readInt())), scale);
      }
      case DOUBLE:
        return in.readDouble();
      case BOOLEAN:
        return in.readBoolean();
      case STRING:
        return new String(readFully(in, in.readInt()), StandardCharsets.UTF_8);
      case BINARY:
        return readFully(in, in.readInt());
      case LIST: {
        int size = in.readInt();
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          list.add(readValue(in));
        }
        return list;
      }
      case MAP: {
        int size = in.readInt();
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
          map.put(readValue(in), readValue(in));
        }
        return map;
      }
      default:
        throw new IOException("corrupt spill file: value tag " + tag);
    }
  }

  private static void writeNulls(DataOutputStream out, boolean[] nulls, int rows) throws IOException {
    out.writeBoolean(nulls != null);
    if (nulls != null) {
      writeBits(out, nulls, rows);
    }
  }

  private static boolean[] readNulls(DataInputStream in, int rows) throws IOException {
    return in.readBoolean() ? readBits(in, rows) : null;
  }

  private static void writeBits(DataOutputStream out, boolean[] flags, int rows) throws IOException {
    byte[] bits = new byte[(rows + 7) >>> 3];
    for (int r = 0; r < rows; r++) {
      if (flags[r]) {
        bits[r >>> 3] |= (byte) (1 << (r & 7));
      }
    }
    out.write(bits);
  }

  private static boolean[] readBits(DataInputStream in, int rows) throws IOException {
    byte[] bits = readFully(in, (rows + 7) >>> 3);
    boolean[] flags = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      flags[r] = (bits[r >>> 3] & (1 << (r & 7))) != 0;
    }
    return flags;
  }

  private static byte[] readFully(DataInputStream in, int length) throws IOException {
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }
}
