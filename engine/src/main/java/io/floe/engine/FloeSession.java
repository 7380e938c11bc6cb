package io.floe.engine;

import io.floe.catalog.Catalog;
import io.floe.catalog.CatalogTransaction;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.table.Table;
import io.floe.engine.catalog.FloeSchema;
import io.floe.engine.metadata.InformationSchema;
import io.floe.engine.metadata.InformationSchemaTable;
import io.floe.engine.exec.ArrowBatches;
import io.floe.engine.exec.spill.SpillDirectory;
import io.floe.engine.exchange.SkewSettings;
import io.floe.engine.planner.DistributionSettings;
import io.floe.engine.planner.OperatorDecorator;
import io.floe.engine.planner.PhysicalPlanner;
import io.floe.engine.planner.PlannedQuery;
import io.floe.engine.planner.SqlPlanner;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.sql.SQLException;
import io.floe.engine.statement.StatementRunner;
import io.floe.engine.statement.Statements;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import io.floe.engine.explain.ExplainStatement;
import io.floe.engine.explain.Explainer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.schema.SchemaPlus;

/**
 * An embedded SQL session over the tables of a Floe {@link Catalog}: namespaces are schemas, tables are tables.
 * Statements see each table at its current snapshot when they are planned. Not thread-safe: use one session per
 * thread.
 *
 * <pre>{@code
 * try (FloeSession session = FloeSession.open(Path.of("/data/warehouse"), "tpch");
 *      QueryResult result = session.execute("SELECT count(*) FROM lineitem")) {
 *   VectorSchemaRoot batch;
 *   while ((batch = result.nextBatch()) != null) { try (batch) { ... } }
 * }
 * }</pre>
 */
public final class FloeSession implements AutoCloseable {
  private final Catalog catalog;
  private final boolean ownsCatalog;
  private final BufferAllocator allocator = new RootAllocator();
  private String schema;
  private CatalogTransaction transaction;
  private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
  private ZoneId timeZone = ZoneOffset.UTC;
  private long broadcastRowLimit = DistributionSettings.DEFAULT_BROADCAST_ROW_LIMIT;
  private SkewSettings skew = SkewSettings.DEFAULT;
  private boolean joinKeyFilters = true;
  private long memoryLimit = DEFAULT_MEMORY_LIMIT;
  private boolean spillEnabled = true;
  private SpillDirectory spillDirectory = SpillDirectory.temporary();

  /** Catalog/connection property: the memory limit of each query in bytes. */
  public static final String MAX_QUERY_MEMORY = "query.max-memory-bytes";

  /**
   * Catalog/connection property: whether sorts and grouped hash aggregates spill to disk rather than fail over the
   * memory limit (default true).
   */
  public static final String SPILL_ENABLED = "spill.enabled";

  /** Catalog/connection property: the directory queries spill to (default a {@code floe-spill-<uuid>} temp folder). */
  public static final String SPILL_PATH = "spill.path";

  /** Default memory limit of a query: 70% of the JVM's maximum heap, at least 64 MiB. */
  public static final long DEFAULT_MEMORY_LIMIT = Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 10 * 7);

  private FloeSession(Catalog catalog, boolean ownsCatalog, String schema) {
    this.catalog = catalog;
    this.ownsCatalog = ownsCatalog;
    this.schema = schema;
  }

  /**
   * A session over the warehouse catalog of a local directory ({@code <warehouse>/<namespace>/<table>}), with
   * {@code defaultSchema} as the default schema.
   */
  public static FloeSession open(Path warehouse, String defaultSchema) {
    return open(Map.of(Catalogs.WAREHOUSE, warehouse.toAbsolutePath().toString()), defaultSchema);
  }

  /** A session over a warehouse directory whose default schema is {@code default}. */
  public static FloeSession open(Path warehouse) {
    return open(warehouse, "default");
  }

  /**
   * A session over the catalog that {@code properties} describe ({@link Catalogs#load(Map)}: {@code warehouse},
   * {@code catalog.type}, {@code uri}, S3 settings, ...); the session closes the catalog.
   */
  public static FloeSession open(Map<String, String> properties, String defaultSchema) {
    String limit = properties.get(MAX_QUERY_MEMORY);
    long bytes;
    try {
      bytes = limit == null ? DEFAULT_MEMORY_LIMIT : Long.parseLong(limit.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(MAX_QUERY_MEMORY + "=" + limit + " is not a number of bytes", e);
    }
    if (bytes < 1) {
      throw new IllegalArgumentException(MAX_QUERY_MEMORY + "=" + limit + " must be positive");
    }
    String spill = properties.getOrDefault(SPILL_ENABLED, "true").strip();
    if (!spill.equalsIgnoreCase("true") && !spill.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException(SPILL_ENABLED + "=" + spill + " must be true or false");
    }
    FloeSession session = new FloeSession(Catalogs.load(new HashMap<>(properties)), true, defaultSchema);
    session.memoryLimit = bytes;
    session.spillEnabled = Boolean.parseBoolean(spill);
    if (properties.get(SPILL_PATH) != null) {
      session.spillPath(Path.of(properties.get(SPILL_PATH).strip()));
    }
    return session;
  }

  /** A session over a catalog that the caller keeps open and closes. */
  public static FloeSession open(Catalog catalog, String defaultSchema) {
    return new FloeSession(catalog, false, defaultSchema);
  }

  public Catalog catalog() {
    return catalog;
  }

  /**
   * The table a statement of this session writes to: the catalog's table, or, inside an explicit transaction,
   * the transaction's staged view of it. Statements commit exactly one snapshot through it.
   */
  public Table tableForWrite(TableIdentifier id) {
    return transaction != null ? transaction.table(id) : catalog.loadTable(id);
  }

  /** Whether an explicit transaction (BEGIN ... COMMIT/ROLLBACK) is open. */
  public boolean inTransaction() {
    return transaction != null;
  }

  /**
   * Opens an explicit transaction: until {@link #endTransaction()}, {@link #tableForWrite} stages commits in it.
   *
   * @throws SQLException 25001 when one is already open, 0A000 when the catalog has no multi-table commits
   */
  public void beginTransaction() throws SQLException {
    if (transaction != null) {
      throw new SQLException("a transaction is already open", "25001");
    }
    if (!catalog.supportsMultiTableTransactions()) {
      throw SqlErrors.notSupported("transactions on catalog type " + catalog.getClass().getSimpleName()
          + " (catalog " + catalog.name() + "); use the JDBC catalog");
    }
    transaction = catalog.newTransaction();
  }

  /** Closes the open transaction and returns it, for the caller to commit or abort; null when none is open. */
  public CatalogTransaction endTransaction() {
    CatalogTransaction ended = transaction;
    transaction = null;
    return ended;
  }

  /** Sets the schema unqualified table names resolve in. */
  public FloeSession useSchema(String name) {
    this.schema = name;
    return this;
  }

  public String schema() {
    return schema;
  }

  /** Sets how many local workers run grouped aggregations and equi-joins (1: serial execution). */
  public FloeSession workers(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("workers must be at least 1: " + count);
    }
    this.workers = count;
    return this;
  }

  public int workers() {
    return workers;
  }

  /** Sets the time zone that timestamps without one are read in, e.g. by time travel (default UTC). */
  public FloeSession timeZone(ZoneId zone) {
    this.timeZone = Objects.requireNonNull(zone, "zone");
    return this;
  }

  public ZoneId timeZone() {
    return timeZone;
  }

  /** Joins whose build side is estimated at most {@code rows} rows broadcast it to every worker (0: never). */
  public FloeSession broadcastJoinRowLimit(long rows) {
    this.broadcastRowLimit = rows;
    return this;
  }

  /** Turns skew salting of partitioned joins on (the default, see {@link SkewSettings#DEFAULT}) or off. */
  public FloeSession skewSalting(boolean enabled) {
    this.skew = enabled ? SkewSettings.DEFAULT : SkewSettings.DISABLED;
    return this;
  }

  /**
   * Turns on (the default) or off filtering a join's probe rows by its build keys on the probe side's producers,
   * before they are exchanged and probed (see {@link io.floe.engine.exec.JoinKeyFilter}).
   */
  public FloeSession joinKeyFilters(boolean enabled) {
    this.joinKeyFilters = enabled;
    return this;
  }

  /** Sets how partitioned joins detect heavy-hitter keys (see {@link SkewSettings}). */
  public FloeSession skewSalting(SkewSettings settings) {
    this.skew = settings;
    return this;
  }

  /** How queries of this session are distributed over workers. */
  public DistributionSettings distributionSettings() {
    return new DistributionSettings(workers, broadcastRowLimit, skew, joinKeyFilters);
  }

  /**
   * Sets the memory limit of each query in bytes (default {@link #DEFAULT_MEMORY_LIMIT}, or the property
   * {@value #MAX_QUERY_MEMORY}): the scans' Arrow buffers and what hash aggregates, join build sides, sorts and
   * windows hold. A query over it fails with SQLState 53200 naming the operator, and releases all it held; a sort or
   * a grouped hash aggregate spills to {@link #spillDirectory()} instead (unless {@link #spill(boolean) spilling} is
   * off).
   */
  public FloeSession memoryLimit(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("memory limit must be positive: " + bytes);
    }
    this.memoryLimit = bytes;
    return this;
  }

  public long memoryLimit() {
    return memoryLimit;
  }

  /**
   * Turns spilling on (the default, or the property {@value #SPILL_ENABLED}) or off: a sort whose rows would take its
   * query over the memory limit writes sorted runs to {@link #spillDirectory()} and merges them, a grouped hash
   * aggregate writes the rows of the groups it cannot hold to partition files there and aggregates them one by one;
   * without spilling they fail with SQLState 53200.
   */
  public FloeSession spill(boolean enabled) {
    this.spillEnabled = enabled;
    return this;
  }

  public boolean spillEnabled() {
    return spillEnabled;
  }

  /** Sets the directory queries spill to (created when needed, kept on close; property {@value #SPILL_PATH}). */
  public FloeSession spillPath(Path directory) {
    spillDirectory.close();
    this.spillDirectory = SpillDirectory.at(directory);
    return this;
  }

  /** Where queries spill: by default a {@code floe-spill-<uuid>} temp folder, deleted when the session closes. */
  public SpillDirectory spillDirectory() {
    return spillDirectory;
  }

  /** Bytes the session's queries hold now on its Arrow allocator (0 once every result is closed). */
  public long allocatedBytes() {
    return allocator.getAllocatedMemory();
  }

  /**
   * Runs one statement (a semicolon may end it). A query is planned and started; its rows are computed as the
   * result's batches are pulled. Other statements run to completion and return their
   * {@link QueryResult#updateCount()}.
   */
  public QueryResult execute(String text) throws SQLException {
    String sql = SqlPlanner.withoutFinalSemicolon(text);
    Optional<ExplainStatement> explain = ExplainStatement.recognize(sql);
    if (explain.isPresent()) {
      return Explainer.run(explain.get(), this);
    }
    SqlNode statement;
    try {
      statement = SqlPlanner.parse(sql);
    } catch (Exception e) {
      throw SqlErrors.of(e);
    }
    return execute(statement, sql);
  }

  /** Runs a statement that is parsed already (for example by an extended parser); see {@link #execute(String)}. */
  public QueryResult execute(SqlNode statement) throws SQLException {
    return execute(statement, statement.toString());
  }

  private QueryResult execute(SqlNode statement, String sql) throws SQLException {
    if (statement.getKind().belongsTo(SqlKind.QUERY)) {
      return query(statement);
    }
    StatementRunner runner = Statements.runnerFor(statement)
        .orElseThrow(() -> SqlErrors.notSupported(statement.getKind() + " statements"));
    try {
      return runner.run(statement, sql, this);
    } catch (RuntimeException e) {
      throw SqlErrors.of(e);
    }
  }

  private QueryResult query(SqlNode query) throws SQLException {
    BufferAllocator queryAllocator = newQueryAllocator();
    try {
      PlannedQuery planned = planQuery(query, OperatorDecorator.NONE, queryAllocator);
      return new QueryResult(ArrowBatches.schema(planned.logical().getRowType()), planned.root(),
          planned.physical().scans(), planned.physical().exchanges(), queryAllocator);
    } catch (SQLException | RuntimeException e) {
      queryAllocator.close();
      throw e;
    }
  }

  /**
   * Plans the query {@code sql} into operators wrapped by {@code decorator}, without running them (EXPLAIN); the
   * caller runs and closes the root. Operators allocate from {@code queryAllocator}.
   */
  public PlannedQuery planQuery(String sql, OperatorDecorator decorator, BufferAllocator queryAllocator)
      throws SQLException {
    return planQuery(parse(sql), decorator, queryAllocator);
  }

  /** Like {@link #planQuery(String, OperatorDecorator, BufferAllocator)} for an already parsed query. */
  public PlannedQuery planQuery(SqlNode query, OperatorDecorator decorator, BufferAllocator queryAllocator)
      throws SQLException {
    RelNode plan = plan(query);
    try {
      PhysicalPlanner planner = new PhysicalPlanner(queryAllocator, distributionSettings(), decorator)
          .spillTo(spillEnabled ? spillDirectory : null);
      return new PlannedQuery(plan, planner, planner.build(plan));
    } catch (RuntimeException e) {
      throw SqlErrors.of(e);
    }
  }

  /** A child allocator of this session's allocator, for one query, limited to {@link #memoryLimit()}. */
  public BufferAllocator newQueryAllocator() {
    return allocator.newChildAllocator("query", 0, memoryLimit);
  }

  /** The optimized logical plan of {@code sql}, as text. */
  public String explain(String sql) throws SQLException {
    return RelOptUtil.toString(plan(parse(sql)));
  }

  private static SqlNode parse(String sql) throws SQLException {
    try {
      return SqlPlanner.parse(sql);
    } catch (Exception e) {
      throw SqlErrors.of(e);
    }
  }

  private RelNode plan(SqlNode query) throws SQLException {
    try {
      return planner().plan(query);
    } catch (Exception e) {
      throw SqlErrors.of(e);
    }
  }

  /**
   * A query's result row type and the types of its {@code ?} parameters, without running it (for clients that
   * prepare statements: JDBC, Flight SQL).
   */
  public SqlPlanner.Description describe(String sql) throws SQLException {
    try {
      return planner().describe(sql);
    } catch (Exception e) {
      throw SqlErrors.of(e);
    }
  }

  /** A planner over the catalog's namespaces as they are now, resolving unqualified names in the session's schema. */
  public SqlPlanner planner() {
    SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
    for (Namespace namespace : catalog.listNamespaces()) {
      root.add(namespace.lastLevel(), new FloeSchema(catalog, namespace));
    }
    if (root.getSubSchema(InformationSchemaTable.SCHEMA_NAME) == null) {
      root.add(InformationSchemaTable.SCHEMA_NAME, new InformationSchema(catalog));
    }
    SchemaPlus defaultSchema = schema == null ? null : root.getSubSchema(schema);
    return new SqlPlanner(defaultSchema == null ? root : defaultSchema, timeZone);
  }

  /** Maps a failure of planning or running a statement to an {@link SQLException} with its SQLState. */
  public static SQLException sqlError(Throwable e) {
    return SqlErrors.of(e);
  }

  @Override
  public void close() {
    try {
      CatalogTransaction open = endTransaction();
      if (open != null) {
        open.abort();
      }
      allocator.close();
      spillDirectory.close();
    } finally {
      if (ownsCatalog) {
        catalog.close();
      }
    }
  }
}
