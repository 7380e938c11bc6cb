package io.floe.engine.server;

import io.floe.catalog.Catalog;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.dml.PreparedInsert;
import io.floe.engine.planner.SqlPlanner;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one client connection: its {@link FloeSession} (its own default schema), its prepared
 * statements and its queries between planning and the end of their stream. Statements of one session are planned
 * one at a time; their results stream concurrently.
 */
final class ClientSession {
  private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

  private final String id = UUID.randomUUID().toString();
  private final String token;
  private final String user;
  private final Catalog catalog;
  private final Map<String, PreparedQuery> prepared = new ConcurrentHashMap<>();
  private final Map<String, RunningQuery> queries = new ConcurrentHashMap<>();
  private final AtomicInteger streaming = new AtomicInteger();
  private volatile long lastUsedNanos = System.nanoTime();
  private String schema;
  private boolean schemaChosen;
  private FloeSession session;
  private boolean closed;

  ClientSession(String token, String user, Catalog catalog, String defaultSchema) {
    this.token = token;
    this.user = user;
    this.catalog = catalog;
    this.schema = defaultSchema;
  }

  String id() {
    return id;
  }

  String token() {
    return token;
  }

  String user() {
    return user;
  }

  Catalog catalog() {
    return catalog;
  }

  void touch() {
    lastUsedNanos = System.nanoTime();
  }

  /** Whether the session has been unused for {@code idleNanos} and streams nothing. */
  boolean idleFor(long idleNanos) {
    return streaming.get() == 0 && System.nanoTime() - lastUsedNanos > idleNanos;
  }

  /** The schema a client asked for when connecting (a {@code schema} header), unless one was chosen already. */
  synchronized void offerSchema(String name) {
    if (name != null && !name.isBlank() && !schemaChosen) {
      useSchema(name);
    }
  }

  synchronized void useSchema(String name) {
    schemaChosen = true;
    schema = name;
    if (session != null) {
      session.useSchema(name);
    }
  }

  synchronized String schema() {
    return schema;
  }

  /** Runs a statement: a query is planned and its rows are computed as its result is read. */
  synchronized QueryResult execute(String sql) throws SQLException {
    return floe().execute(sql);
  }

  /**
   * Appends rows of parameter values with {@code sql}, an {@code INSERT ... VALUES (?, ...)}, as one snapshot when
   * every value fits its column ({@link PreparedInsert}); empty, writing nothing, otherwise.
   */
  synchronized OptionalLong insertDirectly(String sql, int parameters, List<Object[]> rows) throws SQLException {
    Optional<PreparedInsert> insert = PreparedInsert.prepare(floe(), sql, parameters);
    return insert.isPresent() ? insert.get().insert(rows) : OptionalLong.empty();
  }

  synchronized SqlPlanner.Description describe(String sql) throws SQLException {
    return floe().describe(sql);
  }

  private FloeSession floe() {
    if (closed) {
      throw new IllegalStateException("session " + id + " of " + user + " is closed");
    }
    if (session == null) {
      session = FloeSession.open(catalog, schema);
    }
    touch();
    return session;
  }

  String addPrepared(PreparedQuery query) {
    String handle = UUID.randomUUID().toString();
    prepared.put(handle, query);
    return handle;
  }

  Optional<PreparedQuery> prepared(String handle) {
    return Optional.ofNullable(prepared.get(handle));
  }

  void closePrepared(String handle) {
    prepared.remove(handle);
  }

  /** Registers a planned query until its stream is read; returns its ticket id. */
  String addQuery(RunningQuery query) {
    queries.put(query.id(), query);
    return query.id();
  }

  /** Takes the query of {@code id} for streaming; empty when unknown, already streamed or cancelled. */
  Optional<RunningQuery> startStreaming(String id) {
    RunningQuery query = queries.get(id);
    if (query == null || !query.claim()) {
      return Optional.empty();
    }
    streaming.incrementAndGet();
    return Optional.of(query);
  }

  /** Called by the streaming thread when the query's stream ended; closes its result. */
  void finishStreaming(RunningQuery query) {
    queries.remove(query.id());
    query.result().close();
    if (streaming.decrementAndGet() == 0) {
      closeEngineIfDone();
    }
  }

  /** Cancels the query of {@code id}: a pending one is closed now, a streaming one at its next batch. */
  boolean cancel(String id) {
    RunningQuery query = queries.get(id);
    if (query == null) {
      return false;
    }
    if (query.cancel()) {
      queries.remove(id);
      query.result().close();
    }
    return true;
  }

  int runningQueries() {
    return queries.size();
  }

  /** Closes the session: pending queries now, streaming ones at their next batch, then the engine session. */
  void close() {
    synchronized (this) {
      closed = true;
    }
    for (String queryId : queries.keySet()) {
      cancel(queryId);
    }
    prepared.clear();
    if (streaming.get() == 0) {
      closeEngineIfDone();
    }
  }

  private synchronized void closeEngineIfDone() {
    if (closed && session != null && streaming.get() == 0) {
      LOG.debug("closing session {} of {}", id, user);
      session.close();
      session = null;
    }
  }
}
