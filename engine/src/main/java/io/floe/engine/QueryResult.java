package io.floe.engine;

import io.floe.engine.exec.ArrowBatches;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;
import io.floe.engine.exec.SplitScan;
import io.floe.engine.exec.ValuesOperator;
import io.floe.engine.exchange.ExchangeStats;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The result of a statement: its Arrow schema and a stream of Arrow batches, computed as they are pulled.
 * Close it to stop the query and release its resources.
 */
public final class QueryResult implements AutoCloseable {
  private final Schema schema;
  private final Operator root;
  private final List<SplitScan> scans;
  private final BufferAllocator allocator;
  private final long updateCount;
  private boolean closed;
  private List<ExchangeStats> exchanges = List.of();

  QueryResult(Schema schema, Operator root, List<SplitScan> scans, BufferAllocator allocator) {
    this(schema, root, scans, allocator, -1);
  }

  QueryResult(Schema schema, Operator root, List<SplitScan> scans, List<ExchangeStats> exchanges,
      BufferAllocator allocator) {
    this(schema, root, scans, allocator, -1);
    this.exchanges = List.copyOf(exchanges);
  }

  private QueryResult(Schema schema, Operator root, List<SplitScan> scans, BufferAllocator allocator,
      long updateCount) {
    this.schema = schema;
    this.root = root;
    this.scans = List.copyOf(scans);
    this.allocator = allocator;
    this.updateCount = updateCount;
  }

  /** The result of a statement that returns no rows but a count of rows changed (0 for DDL). */
  public static QueryResult ofUpdateCount(long count) {
    return new QueryResult(new Schema(List.of()), null, List.of(), null, count);
  }

  /**
   * A result of rows already in memory (SHOW, DESCRIBE, CALL): {@code rows} hold Java values in the engine's
   * representation (String, Long, Integer, Boolean, BigDecimal, ...), every column nullable.
   */
  public static QueryResult ofRows(List<String> columnNames, List<SqlTypeName> columnTypes, List<Object[]> rows) {
    RelDataTypeFactory types = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
    RelDataTypeFactory.Builder rowType = types.builder();
    for (int i = 0; i < columnNames.size(); i++) {
      rowType.add(columnNames.get(i), types.createTypeWithNullability(types.createSqlType(columnTypes.get(i)), true));
    }
    return inMemory(ArrowBatches.schema(rowType.build()), rows, new RootAllocator());
  }

  /** A result of one text column {@code column}, one row per line (EXPLAIN); closing frees {@code allocator}. */
  public static QueryResult ofLines(String column, List<String> lines, BufferAllocator allocator) {
    Schema schema = new Schema(List.of(Field.notNullable(column, ArrowType.Utf8.INSTANCE)));
    return inMemory(schema, lines.stream().map(line -> new Object[] {line}).toList(), allocator);
  }

  /** Rows in memory as a result of {@code schema}; closing it frees {@code allocator}. */
  private static QueryResult inMemory(Schema schema, List<Object[]> rows, BufferAllocator allocator) {
    return new QueryResult(schema, new ValuesOperator(rows, schema.getFields().size()), List.of(), allocator);
  }

  /** Rows changed by the statement (INSERT, UPDATE, DELETE, MERGE; 0 for DDL), or -1 for a statement with rows. */
  public long updateCount() {
    return updateCount;
  }

  /** The result's Arrow schema: one field per column, named as in the statement. */
  public Schema schema() {
    return schema;
  }

  /** The result's column names. */
  public List<String> columnNames() {
    return schema.getFields().stream().map(f -> f.getName()).toList();
  }

  /** Per table scan of the query: what it pruned and read so far (complete once the result is consumed). */
  public List<TableScanStats> scans() {
    return scans.stream().map(s -> new TableScanStats(s.tableName(), s.metrics(), s.taskRows())).toList();
  }

  /** Per exchange of the query: rows each task received (complete once the result is consumed). */
  public List<ExchangeStats> exchanges() {
    return exchanges;
  }

  /**
   * The next batch of rows (owned by the caller, who closes it), or null at the end.
   *
   * @throws SQLException when execution fails (for example SQLState 22012 for a division by zero)
   */
  public VectorSchemaRoot nextBatch() throws SQLException {
    if (closed || root == null) {
      return null;
    }
    try {
      Batch batch = root.next();
      return batch == null ? null : ArrowBatches.write(batch, schema, allocator);
    } catch (RuntimeException e) {
      throw SqlErrors.of(e);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (root != null) {
        root.close();
        allocator.close();
      }
    }
  }
}
