package io.floe.engine.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code BEGIN [WORK | TRANSACTION]} / {@code START TRANSACTION}, {@code COMMIT [WORK]}, {@code ROLLBACK [WORK]}. */
public final class SqlTransactionControl extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("TRANSACTION CONTROL", SqlKind.OTHER);

  /** The statement. */
  public enum Action {
    BEGIN, COMMIT, ROLLBACK
  }

  public final Action action;

  public SqlTransactionControl(SqlParserPos pos, Action action) {
    super(pos);
    this.action = action;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(action.name());
  }
}
