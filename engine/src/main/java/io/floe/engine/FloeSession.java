package io.floe.engine;

import io.floe.engine.catalog.FloeSchema;
import io.floe.engine.catalog.TableSource;
import io.floe.engine.catalog.WarehouseTableSource;
import io.floe.engine.exec.ArrowBatches;
import io.floe.engine.exec.Operator;
import io.floe.engine.planner.PhysicalPlanner;
import io.floe.engine.planner.SqlPlanner;
import java.nio.file.Path;
import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.schema.SchemaPlus;

/**
 * An embedded SQL session over Floe tables. Statements see each table at its current snapshot when they are
 * planned. Not thread-safe: use one session per thread.
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
  private final TableSource source;
  private final BufferAllocator allocator = new RootAllocator();
  private String schema;
  private int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private FloeSession(TableSource source, String schema) {
    this.source = source;
    this.schema = schema;
  }

  /** A session over the warehouse directory {@code <warehouse>/<schema>/<table>}, with {@code schema} as default. */
  public static FloeSession open(Path warehouse, String defaultSchema) {
    return new FloeSession(new WarehouseTableSource(warehouse), defaultSchema);
  }

  /** A session over a warehouse directory whose default schema is {@code default}. */
  public static FloeSession open(Path warehouse) {
    return open(warehouse, "default");
  }

  /** A session over any table source. */
  public static FloeSession open(TableSource source, String defaultSchema) {
    return new FloeSession(source, defaultSchema);
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

  /** Plans and starts {@code sql}; rows are computed as the result's batches are pulled. */
  public QueryResult execute(String sql) throws SQLException {
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
    SchemaPlus root = CalciteSchema.createRootSchema(false, true).plus();
    for (String name : source.schemaNames()) {
      root.add(name, new FloeSchema(source, name));
    }
    SchemaPlus defaultSchema = root.getSubSchema(schema);
    try {
      return new SqlPlanner(defaultSchema == null ? root : defaultSchema).plan(sql);
    } catch (Exception e) {
      throw SqlErrors.of(e);
    }
  }

  @Override
  public void close() {
    allocator.close();
  }
}
