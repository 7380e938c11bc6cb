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
 * One WHEN clause of a {@link SqlMergeStatement}: {@code WHEN MATCHED [AND cond] THEN UPDATE SET ... | DELETE} or
 * {@code WHEN NOT MATCHED [AND cond] THEN INSERT [(cols)] VALUES (...)}. The UPDATE and INSERT parts are Calcite's
 * own {@link SqlUpdate} / {@link SqlInsert} (as in Calcite's two-clause MERGE), so they validate the same way.
 */
public final class SqlMergeWhen extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("WHEN", SqlKind.OTHER);

  /** What a clause does. */
  public enum Action { UPDATE, DELETE, INSERT }

  public final Action action;
  /** The clause's extra condition ({@code AND cond}), null when it has none. */
  public final SqlNode condition;
  /** The SET list of an UPDATE clause, else null. */
  public final SqlUpdate update;
  /** The row of an INSERT clause, else null. */
  public final SqlInsert insert;

  private SqlMergeWhen(SqlParserPos pos, Action action, SqlNode condition, SqlUpdate update, SqlInsert insert) {
    super(pos);
    this.action = action;
    this.condition = condition;
    this.update = update;
    this.insert = insert;
  }

  public static SqlMergeWhen update(SqlParserPos pos, SqlNode condition, SqlUpdate update) {
    return new SqlMergeWhen(pos, Action.UPDATE, condition, update, null);
  }

  public static SqlMergeWhen delete(SqlParserPos pos, SqlNode condition) {
    return new SqlMergeWhen(pos, Action.DELETE, condition, null, null);
  }

  public static SqlMergeWhen insert(SqlParserPos pos, SqlNode condition, SqlInsert insert) {
    return new SqlMergeWhen(pos, Action.INSERT, condition, null, insert);
  }

  /** True for WHEN MATCHED clauses (UPDATE, DELETE), false for WHEN NOT MATCHED (INSERT). */
  public boolean matched() {
    return action != Action.INSERT;
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
    writer.keyword(matched() ? "WHEN MATCHED" : "WHEN NOT MATCHED");
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
