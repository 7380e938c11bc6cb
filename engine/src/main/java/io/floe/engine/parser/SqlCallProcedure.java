package io.floe.engine.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CALL [system.]name(arg, ...)}: arguments are expressions, named ones {@code name => value} calls of
 * {@link SqlKind#ARGUMENT_ASSIGNMENT} (operands: value, name).
 */
public final class SqlCallProcedure extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CALL", SqlKind.PROCEDURE_CALL);

  public final SqlIdentifier name;
  public final SqlNodeList arguments;

  public SqlCallProcedure(SqlParserPos pos, SqlIdentifier name, SqlNodeList arguments) {
    super(pos);
    this.name = name;
    this.arguments = arguments;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, arguments);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CALL");
    name.unparse(writer, 0, 0);
    SqlUnparsing.list(writer, arguments);
  }
}
