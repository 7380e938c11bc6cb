package io.floe.engine.parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE [OR REPLACE] VIEW [IF NOT EXISTS] name [(column [COMMENT '...'], ...)] [COMMENT '...'] AS query}.
 */
public final class SqlCreateView extends SqlCreate {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  public final SqlIdentifier name;
  /** The column names given, or empty: the query's. */
  public final SqlNodeList columns;
  /** Per column: a character literal or null. */
  public final List<SqlNode> columnComments;
  /** A character literal, or null. */
  public final SqlNode comment;
  public final SqlNode query;
  /** Where the query's text starts: its first token. */
  public final SqlParserPos queryStart;

  public SqlCreateView(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name,
      SqlNodeList columns, List<SqlNode> columnComments, SqlNode comment, SqlNode query, SqlParserPos queryStart) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = name;
    this.columns = columns;
    this.columnComments = new ArrayList<>(columnComments);
    this.comment = comment;
    this.query = query;
    this.queryStart = queryStart;
  }

  /** The text of a COMMENT literal, or null. */
  public static String text(SqlNode comment) {
    return comment == null ? null : ((SqlLiteral) comment).getValueAs(String.class);
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(name, columns, comment, query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    SqlUnparsing.createHead(writer, this, "VIEW", name, columns, comment);
    writer.keyword("AS");
    query.unparse(writer, 0, 0);
  }
}
