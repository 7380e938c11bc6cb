package io.floe.types;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A primitive type. {@code precision}/{@code scale} are set for decimal, {@code length} for fixed; otherwise 0.
 * {@link #toString()} gives the spec's JSON name, e.g. {@code decimal(9,2)} or {@code fixed[16]}.
 */
public record PrimitiveType(TypeId typeId, int precision, int scale, int length) implements Type {
  private static final Pattern DECIMAL = Pattern.compile("decimal\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");
  private static final Pattern FIXED = Pattern.compile("fixed\\[\\s*(\\d+)\\s*]");

  public PrimitiveType {
    if (!typeId.isPrimitive()) {
      throw new IllegalArgumentException("not a primitive type id: " + typeId);
    }
    if (typeId == TypeId.DECIMAL && (precision < 1 || precision > 38 || scale < 0 || scale > precision)) {
      throw new IllegalArgumentException("invalid decimal(" + precision + "," + scale + "): precision must be 1..38 and 0 <= scale <= precision");
    }
    if (typeId == TypeId.FIXED && length < 1) {
      throw new IllegalArgumentException("invalid fixed[" + length + "]: length must be positive");
    }
  }

  /** Parses a primitive type name as written in table metadata JSON. */
  public static PrimitiveType parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    Matcher m = DECIMAL.matcher(n);
    if (m.matches()) {
      return Types.decimal(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    m = FIXED.matcher(n);
    if (m.matches()) {
      return Types.fixed(Integer.parseInt(m.group(1)));
    }
    return switch (n) {
      case "boolean" -> Types.BOOLEAN;
      case "int" -> Types.INT;
      case "long" -> Types.LONG;
      case "float" -> Types.FLOAT;
      case "double" -> Types.DOUBLE;
      case "date" -> Types.DATE;
      case "time" -> Types.TIME;
      case "timestamp" -> Types.TIMESTAMP;
      case "timestamptz" -> Types.TIMESTAMPTZ;
      case "string" -> Types.STRING;
      case "uuid" -> Types.UUID;
      case "binary" -> Types.BINARY;
      default -> throw new IllegalArgumentException("unknown type: " + name);
    };
  }

  @Override
  public String toString() {
    return switch (typeId) {
      case DECIMAL -> "decimal(" + precision + "," + scale + ")";
      case FIXED -> "fixed[" + length + "]";
      default -> typeId.name().toLowerCase(Locale.ROOT);
    };
  }
}
