package io.floe.engine.parser;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP TABLE [IF EXISTS] name [PURGE]}. */
public final class SqlDropTable extends SqlDrop {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP TABLE", SqlKind.DROP_TABLE);

  public final SqlIdentifier name;
  /** Whether the table's files are deleted too. */
  public final boolean purge;

  public SqlDropTable(SqlParserPos pos, boolean ifExists, SqlIdentifier name, boolean purge) {
    super(OPERATOR, pos, ifExists);
    this.name = name;
    this.purge = purge;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP TABLE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (purge) {
      writer.keyword("PURGE");
    }
  }
}
