package io.floe.engine.timetravel;

import io.floe.engine.catalog.FloeCalciteTable;
import io.floe.metadata.Snapshot;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSnapshot;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Before validation, points each reference to a Floe table with a literal {@code FOR VERSION AS OF} or
 * {@code FOR SYSTEM_TIME AS OF TIMESTAMP '...'} at the table as of that snapshot ({@link FloeCalciteTable#at}, added
 * to the statement's schema as {@code t@<snapshot id>}), so the statement sees the columns of the schema the
 * snapshot was written with: a column dropped since is there, one added since is not, a renamed one has its old
 * name, as Iceberg, Spark and Trino read a version. The reference
 * keeps its alias (the table's name when it had none). Other periods (expressions, parameters) are left to
 * {@link SnapshotScanRule}, which reads the snapshot with the table's current columns.
 */
public final class PinnedVersions extends SqlShuttle {
  private final SchemaPlus defaultSchema;
  private final ZoneId timeZone;

  private PinnedVersions(SchemaPlus defaultSchema, ZoneId timeZone) {
    this.defaultSchema = defaultSchema;
    this.timeZone = timeZone;
  }

  /** {@code statement} with its time-travel references pinned; table names resolve from {@code defaultSchema}. */
  public static SqlNode rewrite(SqlNode statement, SchemaPlus defaultSchema, ZoneId timeZone) {
    if (defaultSchema == null) {
      return statement;
    }
    return statement.accept(new PinnedVersions(defaultSchema, timeZone));
  }

  @Override
  public SqlNode visit(SqlCall call) {
    // a snapshot reference holds a table name and a period, nothing else to rewrite
    if (call.getKind() == SqlKind.AS && call.operand(0) instanceof SqlSnapshot snapshot) {
      SqlNode pinned = pin(snapshot);
      if (pinned == snapshot) {
        return call;
      }
      List<SqlNode> operands = new ArrayList<>(call.getOperandList());
      operands.set(0, pinned);
      return call.getOperator().createCall(call.getParserPosition(), operands);
    }
    if (call instanceof SqlSnapshot snapshot) {
      SqlNode pinned = pin(snapshot);
      if (pinned == snapshot) {
        return call;
      }
      SqlIdentifier table = (SqlIdentifier) snapshot.getTableRef();
      SqlParserPos pos = snapshot.getParserPosition();
      return SqlStdOperatorTable.AS.createCall(pos, pinned,
          new SqlIdentifier(List.of(table.names.get(table.names.size() - 1)), pos));
    }
    return super.visit(call);
  }

  /** The snapshot reference reading the pinned table, or {@code snapshot} itself when it cannot be pinned. */
  private SqlNode pin(SqlSnapshot snapshot) {
    if (!(snapshot.getTableRef() instanceof SqlIdentifier table) || table.isStar()) {
      return snapshot;
    }
    List<String> names = table.names;
    for (CalciteSchema start : List.of(CalciteSchema.from(defaultSchema), CalciteSchema.from(defaultSchema).root())) {
      CalciteSchema schema = start;
      for (int i = 0; schema != null && i < names.size() - 1; i++) {
        schema = schema.getSubSchema(names.get(i), false);
      }
      CalciteSchema.TableEntry entry = schema == null ? null : schema.getTable(names.get(names.size() - 1), false);
      if (entry == null) {
        continue;
      }
      if (!(entry.getTable() instanceof FloeCalciteTable floeTable) || floeTable.pinned() != null) {
        return snapshot;
      }
      Snapshot version = TableVersions.resolve(floeTable.table(), floeTable.qualifiedName(), snapshot.getPeriod(),
          timeZone);
      if (version == null) {
        return snapshot;
      }
      String pinnedName = entry.name + "@" + version.snapshotId();
      schema.add(pinnedName, floeTable.at(version)); // the statement's schema: planned once, then dropped
      List<String> pinnedNames = new ArrayList<>(names);
      pinnedNames.set(names.size() - 1, pinnedName);
      SqlIdentifier pinned = new SqlIdentifier(pinnedNames, table.getParserPosition());
      return new SqlSnapshot(snapshot.getParserPosition(), pinned, snapshot.getPeriod());
    }
    return snapshot;
  }
}
