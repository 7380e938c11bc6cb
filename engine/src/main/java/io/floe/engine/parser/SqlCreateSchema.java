package io.floe.engine.parser;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code CREATE SCHEMA [IF NOT EXISTS] name [WITH (key = value, ...)]}. */
public final class SqlCreateSchema extends SqlCreate {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE SCHEMA", SqlKind.CREATE_SCHEMA);

  public final SqlIdentifier name;
  /** {@code key = value} calls, or null. */
  public final SqlNodeList properties;

  public SqlCreateSchema(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name,
      SqlNodeList properties) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = name;
    this.properties = properties;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(name, properties);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE SCHEMA" : "CREATE SCHEMA");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    SqlUnparsing.properties(writer, "WITH", properties);
  }
}
