package io.floe.engine.procedure;

import static io.floe.engine.procedure.Procedure.Parameter.optional;
import static io.floe.engine.procedure.Procedure.Parameter.required;

import io.floe.engine.FloeSession;
import io.floe.engine.ddl.DdlErrors;
import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotRef;
import io.floe.metadata.TableMetadata;
import io.floe.table.ManageSnapshots;
import io.floe.table.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Snapshot and ref management: {@code rollback_to_snapshot}, {@code rollback_to_timestamp},
 * {@code set_current_snapshot}, {@code create_tag}, {@code create_branch}, {@code fast_forward}.
 */
final class SnapshotProcedures {
  private static final List<String> MAIN_MOVED = List.of("previous_snapshot_id", "current_snapshot_id");
  private static final List<SqlTypeName> TWO_IDS = List.of(SqlTypeName.BIGINT, SqlTypeName.BIGINT);
  private static final List<String> REF_CREATED = List.of("ref_name", "snapshot_id");
  private static final List<SqlTypeName> NAME_AND_ID = List.of(SqlTypeName.VARCHAR, SqlTypeName.BIGINT);

  private SnapshotProcedures() {
  }

  /** A change to a table's refs. */
  @FunctionalInterface
  private interface RefChange {
    void apply(ManageSnapshots manage, Table table, Arguments args) throws SQLException;
  }

  static List<Procedure> all() {
    return List.of(
        new Procedure("rollback_to_snapshot", List.of(required("table"), required("snapshot_id")), MAIN_MOVED,
            TWO_IDS, moveMain((manage, table, args) -> manage.rollbackTo(args.longValue("snapshot_id")))),
        new Procedure("rollback_to_timestamp", List.of(required("table"), required("timestamp")), MAIN_MOVED,
            TWO_IDS, moveMain((manage, table, args) -> manage.rollbackToTime(args.timestampMillis("timestamp")))),
        new Procedure("set_current_snapshot", List.of(required("table"), optional("snapshot_id"), optional("ref")),
            MAIN_MOVED, TWO_IDS, moveMain(SnapshotProcedures::setCurrent)),
        new Procedure("create_tag", List.of(required("table"), required("tag"), optional("snapshot_id")),
            REF_CREATED, NAME_AND_ID, (args, session) -> createRef(args, session, "tag")),
        new Procedure("create_branch", List.of(required("table"), required("branch"), optional("snapshot_id")),
            REF_CREATED, NAME_AND_ID, (args, session) -> createRef(args, session, "branch")),
        new Procedure("fast_forward", List.of(required("table"), required("branch"), required("to")),
            List.of("branch_updated", "previous_ref", "updated_ref"),
            List.of(SqlTypeName.VARCHAR, SqlTypeName.BIGINT, SqlTypeName.BIGINT), SnapshotProcedures::fastForward));
  }

  /** A procedure moving main; its row: main's snapshot before and after. */
  private static Procedure.Body moveMain(RefChange change) {
    return (args, session) -> {
      Table table = session.catalog().loadTable(args.table("table", session));
      Long before = currentId(table.metadata());
      ManageSnapshots manage = table.manageSnapshots();
      change.apply(manage, table, args);
      TableMetadata after = manage.commit();
      return row(before, currentId(after));
    };
  }

  private static void setCurrent(ManageSnapshots manage, Table table, Arguments args) throws SQLException {
    if (args.has("snapshot_id") == args.has("ref")) {
      throw DdlErrors.invalid("set_current_snapshot needs either snapshot_id or ref");
    }
    long id;
    if (args.has("ref")) {
      SnapshotRef ref = table.refs().get(args.string("ref"));
      if (ref == null) {
        throw DdlErrors.invalid("table " + table.name() + " has no ref " + args.string("ref"));
      }
      id = ref.snapshotId();
    } else {
      id = args.longValue("snapshot_id");
    }
    manage.setCurrentSnapshot(id);
  }

  private static List<Object[]> createRef(Arguments args, FloeSession session, String kind) throws SQLException {
    Table table = session.catalog().loadTable(args.table("table", session));
    String name = args.string(kind);
    Long id = args.longValue("snapshot_id");
    if (id == null) {
      Snapshot current = table.currentSnapshot();
      if (current == null) {
        if (kind.equals("tag")) {
          throw DdlErrors.invalid("table " + table.name() + " has no snapshot to tag");
        }
      } else {
        id = current.snapshotId();
      }
    }
    ManageSnapshots manage = table.manageSnapshots();
    if (kind.equals("tag")) {
      manage.createTag(name, id);
    } else if (id == null) {
      manage.createBranch(name);
    } else {
      manage.createBranch(name, id);
    }
    TableMetadata after = manage.commit();
    return row(name, after.refs().get(name).snapshotId());
  }

  private static List<Object[]> fastForward(Arguments args, FloeSession session) throws SQLException {
    Table table = session.catalog().loadTable(args.table("table", session));
    String branch = args.string("branch");
    SnapshotRef before = table.refs().get(branch);
    TableMetadata after = table.manageSnapshots().fastForwardBranch(branch, args.string("to")).commit();
    return row(branch, before == null ? null : before.snapshotId(), after.refs().get(branch).snapshotId());
  }

  private static Long currentId(TableMetadata metadata) {
    return metadata.currentSnapshotId();
  }

  private static List<Object[]> row(Object... values) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(values);
    return rows;
  }
}
