package io.floe.benchmarks;

import io.floe.data.GenericRecord;
import io.floe.io.LocalFileIO;
import io.floe.manifest.DataFile;
import io.floe.table.AppendFiles;
import io.floe.table.Table;
import io.floe.table.TableWriter;
import io.floe.table.Tables;
import io.floe.types.Schema;
import io.floe.types.StructType;
import java.util.Map;

/**
 * Builds the fragmented tables of the maintenance benchmarks with Floe: the events table ({@link EventTables},
 * partitioned by {@code day(ts)}) holding many small data files. Iceberg opens the same tables, so both sides work
 * on identical files.
 */
final class SmallFileTables {
  private SmallFileTables() {
  }

  /**
   * A table of {@code files} data files of {@code rowsPerFile} rows each, spread round-robin over {@code days}
   * day partitions, committed as {@code commits} appends (files / commits files each).
   */
  static Table create(String location, int files, int rowsPerFile, int days, int commits, Map<String, String> properties) {
    Schema schema = EventTables.floeSchema();
    Table table = new Tables(new LocalFileIO()).create(schema, EventTables.floeSpec(schema, 0), location, properties);
    StructType struct = schema.asStruct();
    int perCommit = Math.max(1, files / commits);
    long id = 0;
    for (int c = 0; c < commits; c++) {
      AppendFiles append = table.newAppend();
      for (int f = 0; f < perCommit; f++) {
        int file = c * perCommit + f;
        int day = file % days;
        TableWriter writer = table.newWriter();
        for (int r = 0; r < rowsPerFile; r++, id++) {
          long ts = EventTables.dayStartMicros(day) + (id % 86_400) * 1_000_000L;
          writer.write(GenericRecord.of(struct, id, ts, EventTables.REGIONS[(int) (id % EventTables.REGIONS.length)],
              (id % 10_000) / 100.0));
        }
        for (DataFile d : writer.complete()) {
          append.appendFile(d);
        }
      }
      append.commit();
    }
    return table;
  }
}
