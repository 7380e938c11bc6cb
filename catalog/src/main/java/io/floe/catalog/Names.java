package io.floe.catalog;

/**
 * Printable forms of namespace and table names for messages: plain names print as they are; any other name is
 * quoted, with control characters escaped and long names abbreviated, so a hostile name cannot garble a message.
 */
public final class Names {
  private static final int MAX_SHOWN = 60;

  private Names() {
  }

  /** {@code a.b}, or the root namespace as {@code <root>}. */
  public static String describe(Namespace namespace) {
    if (namespace.isEmpty()) {
      return "<root>";
    }
    StringBuilder sb = new StringBuilder();
    for (String level : namespace.levels()) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(describe(level));
    }
    return sb.toString();
  }

  /** {@code a.b.t} (or just {@code t} in the root namespace). */
  public static String describe(TableIdentifier id) {
    return id.namespace().isEmpty() ? describe(id.name()) : describe(id.namespace()) + "." + describe(id.name());
  }

  /** One name or level: as is when plain (letters, digits, '_', '-'), else quoted and escaped. */
  public static String describe(String name) {
    if (isPlain(name)) {
      return name;
    }
    StringBuilder sb = new StringBuilder("'");
    int shown = Math.min(name.length(), MAX_SHOWN);
    if (shown < name.length() && Character.isHighSurrogate(name.charAt(shown - 1))) {
      shown--;
    }
    for (int i = 0; i < shown; i++) {
      char c = name.charAt(i);
      if (c == '\'' || c == '\\') {
        sb.append('\\').append(c);
      } else if (Character.isISOControl(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('\'');
    if (name.length() > MAX_SHOWN) {
      sb.append("... (").append(name.length()).append(" characters)");
    }
    return sb.toString();
  }

  private static boolean isPlain(String name) {
    if (name.isEmpty() || name.length() > MAX_SHOWN) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
