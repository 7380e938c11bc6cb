package io.floe.engine.procedure;

import static io.floe.engine.procedure.Procedure.Parameter.required;

import io.floe.catalog.TableIdentifier;
import io.floe.engine.FloeSession;
import io.floe.metadata.Snapshot;
import io.floe.table.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/** Catalog procedures: {@code register_table}. */
final class CatalogProcedures {
  private CatalogProcedures() {
  }

  static List<Procedure> all() {
    return List.of(new Procedure("register_table", List.of(required("table"), required("metadata_file")),
        List.of("current_snapshot_id", "total_records_count", "total_data_files_count"),
        List.of(SqlTypeName.BIGINT, SqlTypeName.BIGINT, SqlTypeName.BIGINT), CatalogProcedures::registerTable));
  }

  /** Iceberg's {@code register_table}: adds an existing table to the catalog by its metadata file. */
  private static List<Object[]> registerTable(Arguments args, FloeSession session) throws SQLException {
    TableIdentifier id = args.newTable("table", session);
    Table table = session.catalog().registerTable(id, args.string("metadata_file"));
    Snapshot current = table.currentSnapshot();
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {current == null ? null : current.snapshotId(), total(current, "total-records"),
        total(current, "total-data-files")});
    return rows;
  }

  private static long total(Snapshot snapshot, String key) {
    return snapshot == null ? 0 : Long.parseLong(snapshot.summary().getOrDefault(key, "0"));
  }
}
