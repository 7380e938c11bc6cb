package io.floe.engine.server;

import io.floe.catalog.Catalogs;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How a {@link FloeServer} runs: where it listens, its catalog (a warehouse directory and/or catalog properties),
 * who may connect, and TLS.
 *
 * @param host the address to bind ({@code 0.0.0.0}: all interfaces)
 * @param port the port (0: any free port)
 * @param catalogProperties the catalog's properties ({@link Catalogs#load})
 * @param defaultSchema the schema unqualified names resolve in until a client chooses one
 * @param usersFile the users and password hashes; null only with authentication off
 * @param authentication whether clients must log in
 * @param tlsCertificate PEM certificate chain (with {@code tlsKey}), or null for plain text
 * @param tlsKey PEM PKCS#8 private key, or null
 * @param idleTimeout how long an unused session lives
 */
public record ServerOptions(String host, int port, Map<String, String> catalogProperties, String defaultSchema,
    Path usersFile, boolean authentication, Path tlsCertificate, Path tlsKey, Duration idleTimeout) {
  public static final int DEFAULT_PORT = 31337;
  public static final String DEFAULT_USERS_FILE = "users.properties";

  public ServerOptions {
    catalogProperties = Map.copyOf(catalogProperties);
    if (authentication && usersFile == null) {
      throw new IllegalArgumentException("authentication needs a users file (--users FILE), or pass --no-auth");
    }
    if ((tlsCertificate == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("TLS needs both --tls-cert and --tls-key");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535: " + port);
    }
  }

  /** Defaults: port 31337 on all interfaces, warehouse {@code ./warehouse}, users {@code ./users.properties}. */
  public static ServerOptions defaults() {
    return new ServerOptions("0.0.0.0", DEFAULT_PORT, Map.of(Catalogs.WAREHOUSE, "warehouse"), "default",
        Path.of(DEFAULT_USERS_FILE), true, null, null, Duration.ofMinutes(30));
  }

  public ServerOptions withPort(int newPort) {
    return new ServerOptions(host, newPort, catalogProperties, defaultSchema, usersFile, authentication,
        tlsCertificate, tlsKey, idleTimeout);
  }

  public ServerOptions withCatalog(Map<String, String> properties) {
    return new ServerOptions(host, port, properties, defaultSchema, usersFile, authentication, tlsCertificate, tlsKey,
        idleTimeout);
  }

  public ServerOptions withUsers(Path file) {
    return new ServerOptions(host, port, catalogProperties, defaultSchema, file, true, tlsCertificate, tlsKey,
        idleTimeout);
  }

  public ServerOptions withoutAuthentication() {
    return new ServerOptions(host, port, catalogProperties, defaultSchema, null, false, tlsCertificate, tlsKey,
        idleTimeout);
  }

  public ServerOptions withTls(Path certificate, Path key) {
    return new ServerOptions(host, port, catalogProperties, defaultSchema, usersFile, authentication, certificate,
        key, idleTimeout);
  }

  public ServerOptions withDefaultSchema(String schema) {
    return new ServerOptions(host, port, catalogProperties, schema, usersFile, authentication, tlsCertificate, tlsKey,
        idleTimeout);
  }

  /**
   * Parses command-line options: {@code --port N}, {@code --host ADDR}, {@code --warehouse URI}, {@code --conf
   * key=value} (repeatable), {@code --catalog-properties FILE}, {@code --schema NAME}, {@code --users FILE},
   * {@code --no-auth}, {@code --tls-cert FILE}, {@code --tls-key FILE}, {@code --idle-timeout-minutes N}.
   */
  public static ServerOptions parse(String... args) {
    ServerOptions defaults = defaults();
    String host = defaults.host();
    int port = defaults.port();
    Map<String, String> catalog = new LinkedHashMap<>(defaults.catalogProperties());
    String schema = defaults.defaultSchema();
    Path users = defaults.usersFile();
    boolean authentication = true;
    Path cert = null;
    Path key = null;
    Duration idle = defaults.idleTimeout();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--no-auth")) {
        authentication = false;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--port" -> port = integer(option, value);
        case "--host" -> host = value;
        case "--warehouse" -> catalog.put(Catalogs.WAREHOUSE, value);
        case "--conf" -> {
          int eq = value.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--conf takes key=value: " + value);
          }
          catalog.put(value.substring(0, eq).strip(), value.substring(eq + 1).strip());
        }
        case "--catalog-properties" -> catalog.putAll(properties(Path.of(value)));
        case "--schema" -> schema = value;
        case "--users" -> users = Path.of(value);
        case "--tls-cert" -> cert = Path.of(value);
        case "--tls-key" -> key = Path.of(value);
        case "--idle-timeout-minutes" -> idle = Duration.ofMinutes(integer(option, value));
        default -> throw new IllegalArgumentException("unknown option " + option + " (try --help)");
      }
    }
    return new ServerOptions(host, port, catalog, schema, authentication ? users : null, authentication, cert, key,
        idle);
  }

  private static int integer(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a number: " + value, e);
    }
  }

  private static Map<String, String> properties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog properties " + file, e);
    }
    Map<String, String> map = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
    return map;
  }
}
