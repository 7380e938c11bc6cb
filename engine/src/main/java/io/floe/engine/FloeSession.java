package io.floe.engine;

import io.floe.catalog.Catalog;
import io.floe.catalog.CatalogTransaction;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.table.Table;
import io.floe.engine.catalog.FloeSchema;
import io.floe.engine.exec.ArrowBatches;
import io.floe.engine.exec.Operator;
import io.floe.engine.planner.PhysicalPlanner;
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
      throw new SQLFeatureNotSupportedException("not supported: transactions on catalog type "
          + catalog.getClass().getSimpleName() + " (catalog " + catalog.name() + "); use the JDBC catalog", "0A000");
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

  /**
   * Runs one statement. A query is planned and started; its rows are computed as the result's batches are
   * pulled. Other statements run to completion and return their {@link QueryResult#updateCount()}.
   */
  public QueryResult execute(String sql) throws SQLException {
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
    try {
      return runner.run(statement, sql, this);
    } catch (RuntimeException e) {
      throw SqlErrors.of(e);
    }
  }

  private QueryResult query(String sql) throws SQLException {
    RelNode plan = plan(sql);
    BufferAllocator queryAllocator = allocator.newChildAllocator("query", 0, Long.MAX_VALUE);
    try {
      PhysicalPlanner planner = new PhysicalPlanner(queryAllocator, workers);
      Operator root = planner.build(plan);
      return new QueryResult(ArrowBatches.schema(plan.getRowType()), root, planner.scans(), queryAllocator);
    } catch (RuntimeException e) {
      queryAllocator.close();
      throw SqlErrors.of(e);
    }
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
      CatalogTransaction open = endTransaction();
      if (open != null) {
        open.abort();
      }
      allocator.close();
    } finally {
      if (ownsCatalog) {
        catalog.close();
      }
    }
  }
}
