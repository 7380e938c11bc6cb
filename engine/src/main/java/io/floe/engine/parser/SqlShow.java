package io.floe.engine.parser;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code SHOW SCHEMAS [FROM | IN schema]}, {@code SHOW TABLES | VIEWS [FROM | IN schema]},
 * {@code SHOW CREATE TABLE t}, {@code SHOW CREATE VIEW v}.
 */
public final class SqlShow extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW", SqlKind.OTHER);

  /** What is shown. */
  public enum What {
    SCHEMAS, TABLES, VIEWS, CREATE_TABLE, CREATE_VIEW
  }

  public final What what;
  /** The parent schema (SCHEMAS), the schema (TABLES, VIEWS), the table or view (CREATE ...); null: the default. */
  public final SqlIdentifier name;

  public SqlShow(SqlParserPos pos, What what, SqlIdentifier name) {
    super(pos);
    this.what = what;
    this.name = name;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SHOW");
    boolean create = what == What.CREATE_TABLE || what == What.CREATE_VIEW;
    writer.keyword(what.name().replace('_', ' '));
    if (name != null) {
      if (!create) {
        writer.keyword("IN");
      }
      name.unparse(writer, 0, 0);
    }
  }
}
