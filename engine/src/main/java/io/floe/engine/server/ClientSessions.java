package io.floe.engine.server;

import io.floe.catalog.Catalog;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open client sessions, found by their bearer token (what clients send) or id (the call's peer identity).
 * Sessions unused for the idle timeout and streaming nothing are closed.
 */
final class ClientSessions implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClientSessions.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Catalog catalog;
  private final String defaultSchema;
  private final long idleNanos;
  private final Map<String, ClientSession> byToken = new ConcurrentHashMap<>();
  private final Map<String, ClientSession> byId = new ConcurrentHashMap<>();
  private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "floe-session-reaper");
    thread.setDaemon(true);
    return thread;
  });
  private volatile ClientSession anonymous;

  ClientSessions(Catalog catalog, String defaultSchema, Duration idleTimeout) {
    this.catalog = catalog;
    this.defaultSchema = defaultSchema;
    this.idleNanos = idleTimeout.toNanos();
    long period = Math.max(1, Math.min(60, idleTimeout.toSeconds() / 2));
    reaper.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.SECONDS);
  }

  /** A new session of {@code user} with a fresh random bearer token. */
  ClientSession open(String user) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    ClientSession session = new ClientSession(Base64.getUrlEncoder().withoutPadding().encodeToString(secret), user,
        catalog, defaultSchema);
    byToken.put(session.token(), session);
    byId.put(session.id(), session);
    LOG.info("session {} opened for {}", session.id(), user);
    return session;
  }

  /** The session shared by clients that send no credentials when authentication is off. */
  synchronized ClientSession anonymous() {
    if (anonymous == null) {
      anonymous = open("anonymous");
    }
    return anonymous;
  }

  Optional<ClientSession> byToken(String token) {
    ClientSession session = byToken.get(token);
    if (session != null) {
      session.touch();
    }
    return Optional.ofNullable(session);
  }

  Optional<ClientSession> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  void close(ClientSession session) {
    byToken.remove(session.token());
    byId.remove(session.id());
    synchronized (this) {
      if (anonymous == session) {
        anonymous = null;
      }
    }
    session.close();
    LOG.info("session {} of {} closed", session.id(), session.user());
  }

  int size() {
    return byId.size();
  }

  /** Queries planned or streaming, over all sessions. */
  int runningQueries() {
    return byId.values().stream().mapToInt(ClientSession::runningQueries).sum();
  }

  private void closeIdle() {
    for (ClientSession session : byId.values()) {
      if (session.idleFor(idleNanos)) {
        LOG.info("session {} of {} idle: closing it", session.id(), session.user());
        close(session);
      }
    }
  }

  @Override
  public void close() {
    reaper.shutdownNow();
    for (ClientSession session : byId.values()) {
      close(session);
    }
  }
}
