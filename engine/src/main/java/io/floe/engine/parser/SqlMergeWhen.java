package io.floe.engine.parser;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * One WHEN clause of a {@link SqlMergeStatement}: {@code WHEN MATCHED [AND cond] THEN UPDATE SET ... | DELETE},
 * {@code WHEN NOT MATCHED BY SOURCE [AND cond] THEN UPDATE SET ... | DELETE} (target rows no source row matches) or
 * {@code WHEN NOT MATCHED [BY TARGET] [AND cond] THEN INSERT [(cols)] VALUES (...)}. The UPDATE and INSERT parts are
 * Calcite's own {@link SqlUpdate} / {@link SqlInsert} (as in Calcite's two-clause MERGE), so they validate the same
 * way.
 */
public final class SqlMergeWhen extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("WHEN", SqlKind.OTHER);

  /** What a clause does. */
  public enum Action { UPDATE, DELETE, INSERT }

  /** The rows a clause applies to. */
  public enum Kind {
    /** Target rows a source row matches. */
    MATCHED,
    /** Source rows no target row matches (INSERT). */
    NOT_MATCHED,
    /** Target rows no source row matches. */
    NOT_MATCHED_BY_SOURCE
  }

  public final Action action;
  public final Kind kind;
  /** The clause's extra condition ({@code AND cond}), null when it has none. */
  public final SqlNode condition;
  /** The SET list of an UPDATE clause, else null. */
  public final SqlUpdate update;
  /** The row of an INSERT clause, else null. */
  public final SqlInsert insert;

  private SqlMergeWhen(SqlParserPos pos, Action action, Kind kind, SqlNode condition, SqlUpdate update,
      SqlInsert insert) {
    super(pos);
    this.action = action;
    this.kind = kind;
    this.condition = condition;
    this.update = update;
    this.insert = insert;
  }

  /** An UPDATE clause of kind MATCHED or NOT_MATCHED_BY_SOURCE. */
  public static SqlMergeWhen update(SqlParserPos pos, Kind kind, SqlNode condition, SqlUpdate update) {
    return new SqlMergeWhen(pos, Action.UPDATE, kind, condition, update, null);
  }

  /** A DELETE clause of kind MATCHED or NOT_MATCHED_BY_SOURCE. */
  public static SqlMergeWhen delete(SqlParserPos pos, Kind kind, SqlNode condition) {
    return new SqlMergeWhen(pos, Action.DELETE, kind, condition, null, null);
  }

  public static SqlMergeWhen insert(SqlParserPos pos, SqlNode condition, SqlInsert insert) {
    return new SqlMergeWhen(pos, Action.INSERT, Kind.NOT_MATCHED, condition, null, insert);
  }

  /** True for WHEN MATCHED clauses (UPDATE, DELETE), false for WHEN NOT MATCHED [BY SOURCE] ones. */
  public boolean matched() {
    return kind == Kind.MATCHED;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(condition, update, insert);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(switch (kind) {
      case MATCHED -> "WHEN MATCHED";
      case NOT_MATCHED -> "WHEN NOT MATCHED";
      case NOT_MATCHED_BY_SOURCE -> "WHEN NOT MATCHED BY SOURCE";
    });
    if (condition != null) {
      writer.keyword("AND");
      condition.unparse(writer, 0, 0);
    }
    writer.keyword("THEN");
    switch (action) {
      case DELETE -> writer.keyword("DELETE");
      case UPDATE -> {
        writer.keyword("UPDATE SET");
        SqlWriter.Frame assignments = writer.startList("", "");
        for (int i = 0; i < update.getTargetColumnList().size(); i++) {
          writer.sep(",");
          update.getTargetColumnList().get(i).unparse(writer, 0, 0);
          writer.keyword("=");
          update.getSourceExpressionList().get(i).unparse(writer, 0, 0);
        }
        writer.endList(assignments);
      }
      default -> {
        writer.keyword("INSERT");
        if (insert.getTargetColumnList() != null) {
          SqlUnparsing.list(writer, insert.getTargetColumnList());
        }
        insert.getSource().unparse(writer, 0, 0);
      }
    }
  }
}
