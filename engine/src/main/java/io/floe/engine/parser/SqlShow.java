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

/** {@code SHOW SCHEMAS [FROM | IN schema]}, {@code SHOW TABLES [FROM | IN schema]}, {@code SHOW CREATE TABLE t}. */
public final class SqlShow extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW", SqlKind.OTHER);

  /** What is shown. */
  public enum What {
    SCHEMAS, TABLES, CREATE_TABLE
  }

  public final What what;
  /** The parent schema (SCHEMAS), the schema (TABLES), the table (CREATE TABLE); null for the default. */
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
    writer.keyword(what == What.CREATE_TABLE ? "CREATE TABLE" : what.name());
    if (name != null) {
      if (what != What.CREATE_TABLE) {
        writer.keyword("IN");
      }
      name.unparse(writer, 0, 0);
    }
  }
}
