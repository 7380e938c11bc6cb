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
import io.floe.table.Tables;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost model reads distinct counts from a table's statistics file (theta sketches' {@code ndv}, from
 * {@code compute_table_stats}) where they are below the bounds of the manifests' metrics: a GROUP BY over a key of
 * 50 values spread wide is estimated at 20,000 groups (the row count) without statistics and at 50 with them, so
 * the join above it broadcasts the grouped side instead of the 1,000 dims; the rows stay the same.
 */
class DistinctCountStatisticsTest {
  private static final String QUERY = "SELECT count(*), sum(g.c) FROM dims d JOIN "
      + "(SELECT k, count(*) AS c FROM facts GROUP BY k) g ON d.id = g.k";

  @TempDir
  Path warehouse;

  @Test
  void statisticsOfDistinctCountsChangeTheEstimatesAndTheBuildSide() throws Exception {
    Tables tables = new Tables(new LocalFileIO());
    Schema schema = new Schema(NestedField.required(1, "id", Types.LONG), NestedField.required(2, "k", Types.LONG));
    try (FloeSession session = FloeSession.open(warehouse, "db").workers(2)) {
      session.execute("CREATE SCHEMA db").close();
      Table facts = tables.create(schema, PartitionSpec.unpartitioned(schema), warehouse.resolve("db/facts").toString());
      Table dims = tables.create(schema, PartitionSpec.unpartitioned(schema), warehouse.resolve("db/dims").toString());
      facts.newAppend().appendRecords(rows(schema, 20_000, 50)).commit();
      dims.newAppend().appendRecords(rows(schema, 1_000, 1_000)).commit();

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

  private static String explain(FloeSession session) throws Exception {
    StringBuilder text = new StringBuilder();
    for (List<Object> row : ResultRows.query(session, "EXPLAIN " + QUERY)) {
      text.append(row.get(0)).append('\n');
    }
    return text.toString();
  }

  /** Rows id 0..n-1 with k = (id % keys) * 100,000 (the values spread over a range far wider than the rows). */
  private static List<Record> rows(Schema schema, int n, int keys) {
    List<Record> rows = new ArrayList<>();
    for (long id = 0; id < n; id++) {
      rows.add(GenericRecord.of(schema.asStruct(), id, (id % keys) * 100_000));
    }
    return rows;
  }
}
