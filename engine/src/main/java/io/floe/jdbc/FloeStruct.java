package io.floe.jdbc;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A ROW value of a result row: {@link #getAttributes()} gives its fields in order, as
 * {@link java.sql.ResultSet#getObject} gives values of their types (NULL fields are null).
 */
final class FloeStruct implements java.sql.Struct {
  private final List<String> names;
  private final Object[] attributes;

  FloeStruct(List<String> names, Object[] attributes) {
    this.names = names;
    this.attributes = attributes;
  }

  @Override
  public String getSQLTypeName() {
    return "ROW";
  }

  @Override
  public Object[] getAttributes() {
    return attributes.clone();
  }

  @Override
  public Object[] getAttributes(Map<String, Class<?>> map) {
    return getAttributes();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FloeStruct s && names.equals(s.names) && Arrays.equals(attributes, s.attributes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(attributes);
  }

  /** The fields as text, {@code {x=1, label=a}}: what {@code getString} returns. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < attributes.length; i++) {
      text.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(ValueConversions.toText(attributes[i]));
    }
    return text.append('}').toString();
  }
}
