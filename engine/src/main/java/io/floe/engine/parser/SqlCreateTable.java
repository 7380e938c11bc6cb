package io.floe.engine.parser;

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
 * {@code CREATE TABLE [IF NOT EXISTS] name [(column, ...)] [COMMENT '...'] [PARTITIONED BY (field, ...)]
 * [WITH (key = value, ...)] [AS query]}.
 */
public final class SqlCreateTable extends SqlCreate {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  public final SqlIdentifier name;
  /** {@link SqlColumnDefinition}s; empty for CREATE TABLE AS without a column list. */
  public final SqlNodeList columns;
  /** A character literal, or null. */
  public final SqlNode comment;
  /** Columns and transform calls ({@link PartitionTransforms}), or null. */
  public final SqlNodeList partitionBy;
  /** {@code key = value} calls, or null. */
  public final SqlNodeList properties;
  /** The query of CREATE TABLE AS, or null. */
  public final SqlNode query;

  public SqlCreateTable(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name,
      SqlNodeList columns, SqlNode comment, SqlNodeList partitionBy, SqlNodeList properties, SqlNode query) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = name;
    this.columns = columns;
    this.comment = comment;
    this.partitionBy = partitionBy;
    this.properties = properties;
    this.query = query;
  }

  /** The table comment's text, or null. */
  public String commentText() {
    return comment == null ? null : ((SqlLiteral) comment).getValueAs(String.class);
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(name, columns, comment, partitionBy, properties, query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    SqlUnparsing.createHead(writer, this, "TABLE", name, columns, comment);
    SqlUnparsing.properties(writer, "PARTITIONED BY", partitionBy);
    SqlUnparsing.properties(writer, "WITH", properties);
    if (query != null) {
      writer.keyword("AS");
      query.unparse(writer, 0, 0);
    }
  }
}
