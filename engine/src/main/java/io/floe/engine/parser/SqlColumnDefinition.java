package io.floe.engine.parser;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** A column of CREATE TABLE or ALTER TABLE ADD COLUMN: {@code name type [NOT NULL] [COMMENT '...']}. */
public final class SqlColumnDefinition extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("COLUMN DEFINITION", SqlKind.COLUMN_DECL);

  public final SqlIdentifier name;
  public final SqlDataTypeSpec type;
  public final boolean notNull;
  /** A character literal, or null. */
  public final SqlNode comment;

  public SqlColumnDefinition(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec type, boolean notNull,
      SqlNode comment) {
    super(pos);
    this.name = name;
    this.type = type;
    this.notNull = notNull;
    this.comment = comment;
  }

  /** The comment's text, or null. */
  public String commentText() {
    return comment == null ? null : ((SqlLiteral) comment).getValueAs(String.class);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(name, type, comment);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    type.unparse(writer, 0, 0);
    if (notNull) {
      writer.keyword("NOT NULL");
    }
    if (comment != null) {
      writer.keyword("COMMENT");
      comment.unparse(writer, 0, 0);
    }
  }
}
