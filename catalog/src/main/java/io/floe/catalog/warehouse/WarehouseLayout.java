package io.floe.catalog.warehouse;

import io.floe.catalog.NameRules;
import io.floe.catalog.Names;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.catalog.WarehouseLocations;
import io.floe.io.LocalFileIO;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the warehouse catalog keeps things: namespace {@code a.b} is the directory {@code <warehouse>/a/b} (its
 * properties in {@code .namespace.json} there), table {@code a.b.t} is {@code <warehouse>/a/b/t}. Every name is one
 * directory, so names that are not a plain directory name are refused: empty, {@code .} and {@code ..}, names
 * starting with {@code .} (reserved for the catalog's own files), and names with {@code /}, {@code \}, {@code %},
 * {@code :}, control characters, or more than 255 bytes of UTF-8. No name can lead outside the warehouse.
 */
final class WarehouseLayout {
  static final String NAMESPACE_FILE = ".namespace.json";
  private static final int MAX_NAME_BYTES = 255;

  private final String root;

  WarehouseLayout(String warehouse) {
    this.root = WarehouseLocations.normalize(warehouse);
  }

  String root() {
    return root;
  }

  /** The directory of a namespace (the warehouse itself for the root). */
  String namespaceDir(Namespace namespace) {
    StringBuilder sb = new StringBuilder(root);
    for (String level : namespace.levels()) {
      checkSegment(level, "namespace level in " + namespace);
      sb.append('/').append(level);
    }
    return sb.toString();
  }

  String namespaceFile(Namespace namespace) {
    return namespaceDir(namespace) + "/" + NAMESPACE_FILE;
  }

  /** The table's directory: its location. */
  String tableLocation(TableIdentifier id) {
    NameRules.checkTable(id);
    checkSegment(id.name(), "table name in namespace " + id.namespace());
    return namespaceDir(id.namespace()) + "/" + id.name();
  }

  static void checkSegment(String name, String what) {
    NameRules.checkCommon(name, what);
    String problem = segmentProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException("invalid " + what + " " + Names.describe(name) + ": " + problem);
    }
  }

  private static String segmentProblem(String name) {
    if (name.equals(".") || name.equals("..")) {
      return "'.' and '..' are not directory names";
    }
    if (name.startsWith(".")) {
      return "names starting with '.' are reserved for the warehouse catalog's own files";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\') {
        return "it contains '" + c + "' (a name is one directory of the warehouse)";
      }
      if (c == '%' || c == ':') {
        return "it contains '" + c + "', which has a meaning in URIs";
      }
      if (Character.isISOControl(c)) {
        return String.format("it contains the control character \\u%04x", (int) c);
      }
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_NAME_BYTES) {
      return "it is " + bytes + " bytes long in UTF-8; a directory name holds at most " + MAX_NAME_BYTES;
    }
    return null;
  }

  /** The local path of a location of this warehouse, for file-system listings. */
  static Path localPath(String location) {
    return LocalFileIO.toPath(location);
  }
}
