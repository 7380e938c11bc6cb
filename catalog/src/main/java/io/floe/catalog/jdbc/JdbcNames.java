package io.floe.catalog.jdbc;

import io.floe.catalog.NameRules;
import io.floe.catalog.Names;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names in the JDBC catalog. Table names are stored verbatim (any text up to 255 characters without NUL).
 * Namespaces are stored as Iceberg's JdbcCatalog stores them, levels joined by {@code .}, so a level must not
 * contain {@code .}, and the joined form is limited to 255 characters (the columns are {@code VARCHAR(255)}).
 * Directories of new tables are named after the names when those are plain, else after a sanitized form with a
 * hash, so no name can lead outside the warehouse.
 */
final class JdbcNames {
  static final int MAX_NAME = 255;
  static final int MAX_PROPERTY_VALUE = 1000;
  static final int MAX_LOCATION = 1000;
  /** The property Iceberg's JdbcCatalog writes to mark a namespace as existing. */
  static final String EXISTS_PROPERTY = "exists";

  private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

  private JdbcNames() {
  }

  /** The stored form of a namespace ({@code a.b}); the root is the empty string. */
  static String namespaceKey(Namespace namespace) {
    NameRules.checkNamespace(namespace);
    for (String level : namespace.levels()) {
      if (level.indexOf('.') >= 0) {
        throw new IllegalArgumentException("invalid namespace level " + Names.describe(level) + " in " + namespace
            + ": the JDBC catalog stores namespaces as Iceberg does, levels joined by '.', so a level must not contain '.'");
      }
    }
    String key = String.join(".", namespace.levels());
    checkLength(key, MAX_NAME, "namespace " + namespace);
    return key;
  }

  static Namespace namespaceOf(String key) {
    return key.isEmpty() ? Namespace.empty() : new Namespace(Arrays.asList(key.split("\\.", -1)));
  }

  /** Validates a table identifier and returns its stored table name. */
  static String tableName(TableIdentifier id) {
    NameRules.checkTable(id);
    namespaceKey(id.namespace());
    checkLength(id.name(), MAX_NAME, "table name in namespace " + id.namespace());
    return id.name();
  }

  /** LIKE pattern (escape character {@code !}) matching the namespaces strictly below {@code key}. */
  static String descendantsPattern(String key) {
    String escaped = key.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return escaped.isEmpty() ? "%" : escaped + ".%";
  }

  /** A directory name for a namespace level or table name that cannot escape its parent directory. */
  static String locationSegment(String name) {
    if (PLAIN_SEGMENT.matcher(name).matches()) {
      return name;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length() && sb.length() < 40; i++) {
      char c = name.charAt(i);
      sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-') ? c : '_');
    }
    return sb.append('-').append(sha256Prefix(name)).toString();
  }

  /** Refuses null, over-long and reserved properties; the columns hold 255-character keys, 1000-character values. */
  static void checkProperties(Map<String, String> properties, String owner) {
    NameRules.checkProperties(properties, owner);
    for (Map.Entry<String, String> e : properties.entrySet()) {
      if (e.getKey().equals(EXISTS_PROPERTY)) {
        throw new IllegalArgumentException("property '" + EXISTS_PROPERTY + "' of " + owner
            + " is reserved (Iceberg's JdbcCatalog marks namespaces with it)");
      }
      NameRules.checkCommon(e.getKey(), "property key of " + owner);
      checkLength(e.getKey(), MAX_NAME, "property key of " + owner);
      checkLength(e.getValue(), MAX_PROPERTY_VALUE, "value of property " + Names.describe(e.getKey()) + " of " + owner);
      if (e.getValue().indexOf('\0') >= 0) {
        throw new IllegalArgumentException("the value of property " + Names.describe(e.getKey()) + " of " + owner
            + " contains a NUL character");
      }
    }
  }

  static void checkLength(String value, int max, String what) {
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      throw new IllegalArgumentException("invalid " + what + " " + Names.describe(value) + ": it is " + length
          + " characters long; the JDBC catalog holds at most " + max);
    }
  }

  private static String sha256Prefix(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
