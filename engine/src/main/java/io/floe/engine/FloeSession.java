package io.floe.engine;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.table.Table;
import io.floe.engine.catalog.FloeSchema;
import io.floe.engine.exec.ArrowBatches;
import io.floe.engine.exchange.SkewSettings;
import io.floe.engine.planner.DistributionSettings;
import io.floe.engine.planner.OperatorDecorator;
import io.floe.engine.planner.PhysicalPlanner;
import io.floe.engine.planner.PlannedQuery;
import io.floe.engine.planner.SqlPlanner;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import io.floe.engine.statement.StatementRunner;
import io.floe.engine.statement.Statements;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import java.util.HashMap;
import java.util.Map;
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
  private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
  private long broadcastRowLimit = DistributionSettings.DEFAULT_BROADCAST_ROW_LIMIT;
  private SkewSettings skew = SkewSettings.DEFAULT;

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
    return new FloeSession(Catalogs.load(new HashMap<>(properties)), true, defaultSchema);
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
    return catalog.loadTable(id);
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

  /** Sets how partitioned joins detect heavy-hitter keys (see {@link SkewSettings}). */
  public FloeSession skewSalting(SkewSettings settings) {
    this.skew = settings;
    return this;
  }

  /** How queries of this session are distributed over workers. */
  public DistributionSettings distributionSettings() {
    return new DistributionSettings(workers, broadcastRowLimit, skew);
  }

  /**
   * Runs one statement. A query is planned and started; its rows are computed as the result's batches are
   * pulled. Other statements run to completion and return their {@link QueryResult#updateCount()}.
   */
  public QueryResult execute(String sql) throws SQLException {
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
    if (statement.getKind().belongsTo(SqlKind.QUERY)) {
      return query(sql);
    }
    StatementRunner runner = Statements.runnerFor(statement).orElseThrow(() -> new SQLFeatureNotSupportedException(
        "not supported: " + statement.getKind() + " statements", "0A000"));
    return runner.run(statement, sql, this);
  }

  private QueryResult query(String sql) throws SQLException {
    BufferAllocator queryAllocator = newQueryAllocator();
    try {
      PlannedQuery planned = planQuery(sql, OperatorDecorator.NONE, queryAllocator);
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
    RelNode plan = plan(sql);
    try {
      PhysicalPlanner planner = new PhysicalPlanner(queryAllocator, distributionSettings(), decorator);
      return new PlannedQuery(plan, planner, planner.build(plan));
    } catch (RuntimeException e) {
      throw SqlErrors.of(e);
    }
  }

  /** A child allocator of this session's allocator, for one query. */
  public BufferAllocator newQueryAllocator() {
    return allocator.newChildAllocator("query", 0, Long.MAX_VALUE);
  }

  /** The optimized logical plan of {@code sql}, as text. */
  public String explain(String sql) throws SQLException {
    return RelOptUtil.toString(plan(sql));
  }

  private RelNode plan(String sql) throws SQLException {
    try {
      SchemaPlus root = CalciteSchema.createRootSchema(false, true).plus();
      for (Namespace namespace : catalog.listNamespaces()) {
        root.add(namespace.lastLevel(), new FloeSchema(catalog, namespace));
      }
      SchemaPlus defaultSchema = schema == null ? null : root.getSubSchema(schema);
      return new SqlPlanner(defaultSchema == null ? root : defaultSchema).plan(sql);
    } catch (Exception e) {
      throw SqlErrors.of(e);
    }
  }

  @Override
  public void close() {
    try {
      allocator.close();
    } finally {
      if (ownsCatalog) {
        catalog.close();
      }
    }
  }
}
