package io.floe.engine.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import io.floe.io.LocalFileIO;
import io.floe.partition.PartitionSpec;
import io.floe.table.Table;
import io.floe.table.TableProperties;
import io.floe.table.Tables;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost model reads distinct counts from a table's statistics file (theta sketches' {@code ndv}, from
 * {@code compute_table_stats} or kept by appends) where they are below the bounds of the manifests' metrics: a
 * GROUP BY over a key of 50 values spread wide is estimated at 20,000 groups (the row count) without statistics and
 * at 50 with them, so the join above it broadcasts the grouped side instead of the 1,000 dims; the rows stay the same.
 */
class DistinctCountStatisticsTest {
  private static final String QUERY = "SELECT count(*), sum(g.c) FROM dims d JOIN "
      + "(SELECT k, count(*) AS c FROM facts GROUP BY k) g ON d.id = g.k";

  private static final Schema SCHEMA = new Schema(NestedField.required(1, "id", Types.LONG),
      NestedField.required(2, "k", Types.LONG));

  @TempDir
  Path warehouse;

  /** A table of the warehouse's {@code db} namespace; without sketches, appends leave it without statistics. */
  private Table table(String name, boolean sketched) {
    return new Tables(new LocalFileIO()).create(SCHEMA, PartitionSpec.unpartitioned(SCHEMA),
        warehouse.resolve("db/" + name).toString(),
        sketched ? Map.of() : Map.of(TableProperties.WRITE_DISTINCT_COUNTS, "false"));
  }

  @Test
  void statisticsOfDistinctCountsChangeTheEstimatesAndTheBuildSide() throws Exception {
    try (FloeSession session = FloeSession.open(warehouse, "db").workers(2)) {
      session.execute("CREATE SCHEMA db").close();
      table("facts", false).newAppend().appendRecords(rows(20_000, 50)).commit(); // no statistics file until ANALYZE
      table("dims", true).newAppend().appendRecords(rows(1_000, 1_000)).commit();

      String before = explain(session);
      List<List<Object>> rowsBefore = ResultRows.query(session, QUERY);
      session.execute("CALL system.compute_table_stats('facts')").close();
      String after = explain(session);

      assertTrue(before.contains("broadcast join (estimated rows left 20000, right 1000 "), before);
      assertTrue(after.contains("broadcast join (estimated rows left 1000, right 50 "), after);
      assertEquals(rowsBefore, ResultRows.query(session, QUERY));
      assertEquals(List.of(List.of(1L, 400L)), rowsBefore, "only key 0 is below 1,000, on 400 facts");
    }
  }

  @Test
  void createTableAsAndInsertKeepTheDistinctCountsWithoutAnalyze() throws Exception {
    try (FloeSession session = FloeSession.open(warehouse, "db").workers(2)) {
      session.execute("CREATE SCHEMA db").close();
      table("source", false).newAppend().appendRecords(rows(10_000, 50)).commit();
      table("dims", true).newAppend().appendRecords(rows(1_000, 1_000)).commit();

      session.execute("CREATE TABLE facts AS SELECT * FROM source").close();
      String created = explain(session);
      session.execute("INSERT INTO facts SELECT id + 10000, k FROM source").close();
      String inserted = explain(session);

      assertTrue(created.contains("broadcast join (estimated rows left 1000, right 50 "), created);
      assertTrue(inserted.contains("broadcast join (estimated rows left 1000, right 50 "), inserted);
      assertEquals(List.of(List.of(1L, 400L)), ResultRows.query(session, QUERY));
    }
  }

  private static String explain(FloeSession session) throws Exception {
    StringBuilder text = new StringBuilder();
    for (List<Object> row : ResultRows.query(session, "EXPLAIN " + QUERY)) {
      text.append(row.get(0)).append('\n');
    }
    return text.toString();
  }

  /** Rows id 0..n-1 with k = (id % keys) * 100,000 (the values spread over a range far wider than the rows). */
  private static List<Record> rows(int n, int keys) {
    List<Record> rows = new ArrayList<>();
    for (long id = 0; id < n; id++) {
      rows.add(GenericRecord.of(SCHEMA.asStruct(), id, (id % keys) * 100_000));
    }
    return rows;
  }
}
