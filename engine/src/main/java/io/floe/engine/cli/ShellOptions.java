package io.floe.engine.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code floe sql}.
 *
 * @param warehouse the warehouse location (a directory, {@code s3://...}); null for {@code ./warehouse}
 * @param properties further connection properties ({@code --property key=value}; catalog and S3 settings, schema)
 * @param format {@code table} or {@code csv}
 * @param sql the statements of {@code -e}, or null
 * @param file the script of {@code -f}, or null
 */
record ShellOptions(String warehouse, Map<String, String> properties, String format, String sql, String file) {
  static final String USAGE = String.join("\n",
      "usage: floe sql [--warehouse URI] [--schema NAME] [--property KEY=VALUE]... [--output table|csv]",
      "                [-e SQL | -f FILE]",
      "  --warehouse URI      the warehouse: a directory (default ./warehouse), s3://bucket/path, ...",
      "  --schema NAME        the default schema (a namespace of the catalog; default: default)",
      "  --property KEY=VALUE a connection property: catalog.type=jdbc, uri=jdbc:sqlite:..., s3.endpoint=...",
      "  --output FORMAT      table (default) or csv",
      "  -e SQL               run the statements (separated by ;) and exit",
      "  -f FILE              run the statements of FILE and exit",
      "  without -e or -f: an interactive shell (sqlline); Ctrl-C cancels the running statement");

  /** Options parsed from the command line; {@link IllegalArgumentException} names what is wrong. */
  static ShellOptions parse(String... args) {
    String warehouse = null;
    Map<String, String> properties = new LinkedHashMap<>();
    String format = "table";
    String sql = null;
    String file = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--warehouse":
          warehouse = value(args, ++i, arg);
          break;
        case "--schema":
          properties.put("schema", value(args, ++i, arg));
          break;
        case "--property":
          String pair = value(args, ++i, arg);
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--property needs KEY=VALUE, got '" + pair + "'");
          }
          properties.put(pair.substring(0, eq), pair.substring(eq + 1));
          break;
        case "--output":
          format = value(args, ++i, arg);
          if (!format.equals("table") && !format.equals("csv")) {
            throw new IllegalArgumentException("--output must be table or csv, got '" + format + "'");
          }
          break;
        case "-e":
          sql = value(args, ++i, arg);
          break;
        case "-f":
          file = value(args, ++i, arg);
          break;
        default:
          throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
    }
    if (sql != null && file != null) {
      throw new IllegalArgumentException("give -e or -f, not both");
    }
    return new ShellOptions(warehouse, java.util.Collections.unmodifiableMap(properties), format, sql, file);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  boolean interactive() {
    return sql == null && file == null;
  }

  /** The driver URL: {@code jdbc:floe:<warehouse>?key=value&...}. */
  String url(Map<String, String> extra) {
    Map<String, String> all = new LinkedHashMap<>(properties);
    all.putAll(extra);
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, String> e : all.entrySet()) {
      pairs.add(encode(e.getKey()) + "=" + encode(e.getValue()));
    }
    return "jdbc:floe:" + (warehouse == null ? "" : warehouse) + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
