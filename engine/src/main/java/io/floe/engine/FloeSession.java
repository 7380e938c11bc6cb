package io.floe.engine;

import io.floe.catalog.Catalog;
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
  private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
  private long memoryLimit = DEFAULT_MEMORY_LIMIT;

  /** Catalog/connection property: the memory limit of each query in bytes. */
  public static final String MAX_QUERY_MEMORY = "query.max-memory-bytes";

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
    FloeSession session = new FloeSession(Catalogs.load(new HashMap<>(properties)), true, defaultSchema);
    session.memoryLimit = bytes;
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

  /**
   * Sets the memory limit of each query in bytes (default {@link #DEFAULT_MEMORY_LIMIT}, or the property
   * {@value #MAX_QUERY_MEMORY}): the scans' Arrow buffers and what hash aggregates, join build sides, sorts and
   * windows hold. A query over it fails with SQLState 53200 naming the operator, and releases all it held.
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

  /** Bytes the session's queries hold now on its Arrow allocator (0 once every result is closed). */
  public long allocatedBytes() {
    return allocator.getAllocatedMemory();
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
    return runner.run(statement, sql, this);
  }

  private QueryResult query(String sql) throws SQLException {
    RelNode plan = plan(sql);
    BufferAllocator queryAllocator = allocator.newChildAllocator("query", 0, memoryLimit);
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
      allocator.close();
    } finally {
      if (ownsCatalog) {
        catalog.close();
      }
    }
  }
}
