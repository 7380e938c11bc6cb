package io.floe.engine.server;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remote SQL endpoint speaking Arrow Flight SQL: the Flight SQL JDBC driver, ADBC and tools built on them
 * (DBeaver) connect to it. Each client connection gets its own session over one shared catalog.
 *
 * <pre>{@code
 * ./floe server --warehouse ./warehouse --users users.properties      # port 31337
 * jdbc:arrow-flight-sql://localhost:31337?useEncryption=false&user=alice&password=...&schema=shop
 * }</pre>
 */
public final class FloeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FloeServer.class);

  private final BufferAllocator allocator;
  private final Catalog catalog;
  private final ClientSessions sessions;
  private final FlightServer server;

  private FloeServer(BufferAllocator allocator, Catalog catalog, ClientSessions sessions, FlightServer server) {
    this.allocator = allocator;
    this.catalog = catalog;
    this.sessions = sessions;
    this.server = server;
  }

  /** Starts a server; it runs until {@link #close()}. */
  public static FloeServer start(ServerOptions options) throws IOException {
    UserFile users = null;
    if (options.authentication()) {
      if (!Files.exists(options.usersFile())) {
        throw new IllegalArgumentException("users file " + options.usersFile() + " does not exist: create it with "
            + "'./floe server --add-user NAME --users " + options.usersFile() + "', or pass --no-auth");
      }
      users = UserFile.load(options.usersFile());
    }
    BufferAllocator allocator = new RootAllocator();
    Catalog catalog = null;
    ClientSessions sessions = null;
    try {
      catalog = Catalogs.load(new HashMap<>(options.catalogProperties()));
      sessions = new ClientSessions(catalog, options.defaultSchema(), options.idleTimeout());
      FloeFlightSqlProducer producer = new FloeFlightSqlProducer(sessions, new CatalogMetadata(catalog), allocator);
      Location location = options.tlsCertificate() == null
          ? Location.forGrpcInsecure(options.host(), options.port())
          : Location.forGrpcTls(options.host(), options.port());
      FlightServer.Builder builder = FlightServer.builder(allocator, location, producer)
          .headerAuthenticator(new FloeAuthenticator(users, sessions));
      if (options.tlsCertificate() != null) {
        builder.useTls(options.tlsCertificate().toFile(), options.tlsKey().toFile());
      }
      FlightServer server = builder.build().start();
      LOG.info("Floe Flight SQL server on port {} (TLS {}, authentication {})", server.getPort(),
          options.tlsCertificate() != null ? "on" : "off", options.authentication() ? "on" : "off");
      return new FloeServer(allocator, catalog, sessions, server);
    } catch (IOException | RuntimeException e) {
      if (sessions != null) {
        sessions.close();
      }
      if (catalog != null) {
        catalog.close();
      }
      allocator.close();
      throw e;
    }
  }

  /** The port the server listens on. */
  public int port() {
    return server.getPort();
  }

  /** Open client sessions. */
  public int sessions() {
    return sessions.size();
  }

  /** Queries planned or streaming now, over all sessions. */
  public int runningQueries() {
    return sessions.runningQueries();
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /** Stops accepting calls, waits up to 10 s for running streams, then closes sessions and the catalog. */
  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("streams still open after 10 s: stopping them");
      }
      server.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while stopping the server: closing it now");
    } finally {
      sessions.close();
      catalog.close();
      allocator.close();
    }
  }

  /**
   * {@code FloeServer [options]} runs the server until interrupted; {@code FloeServer --add-user NAME [--users
   * FILE]} adds a user (password from the console or stdin).
   */
  public static void main(String[] args) throws Exception {
    List<String> list = Arrays.asList(args);
    if (list.contains("--help") || list.contains("-h")) {
      System.out.println(String.join("\n",
          "usage: floe server [--port 31337] [--warehouse DIR|URI] [--conf key=value]... [--catalog-properties FILE]",
          "                   [--schema NAME] [--users users.properties | --no-auth] [--tls-cert PEM --tls-key PEM]",
          "                   [--idle-timeout-minutes 30] [--host 0.0.0.0]",
          "       floe server --add-user NAME [--users users.properties]   (password from the console or stdin)"));
      return;
    }
    try {
      int addUser = list.indexOf("--add-user");
      if (addUser >= 0) {
        if (addUser + 1 >= args.length) {
          throw new IllegalArgumentException("--add-user needs a user name");
        }
        String user = args[addUser + 1];
        int usersAt = list.indexOf("--users");
        Path file = Path.of(usersAt >= 0 && usersAt + 1 < args.length ? args[usersAt + 1]
            : ServerOptions.DEFAULT_USERS_FILE);
        UserFile.addUser(file, user, UserFile.readPassword(user), PasswordHash.DEFAULT_ITERATIONS);
        System.err.println("user " + user + " written to " + file);
        return;
      }
      FloeServer server = start(ServerOptions.parse(args));
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "floe-server-shutdown"));
      System.err.println("Floe Flight SQL server listening on port " + server.port());
      server.awaitTermination();
    } catch (IllegalArgumentException e) {
      System.err.println("floe server: " + e.getMessage());
      System.exit(2);
    }
  }
}
