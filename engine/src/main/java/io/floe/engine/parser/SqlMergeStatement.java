package io.floe.engine.parser;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code MERGE INTO target [[AS] alias] USING source ON cond} followed by an ordered list of {@link SqlMergeWhen}
 * clauses. For each target row the first WHEN MATCHED clause whose condition holds applies; for each source row
 * without a match the first WHEN NOT MATCHED clause whose condition holds.
 */
public final class SqlMergeStatement extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("MERGE", SqlKind.MERGE);

  public final SqlNode target;
  public final SqlIdentifier alias;
  public final SqlNode source;
  public final SqlNode condition;
  public final List<SqlMergeWhen> clauses;

  public SqlMergeStatement(SqlParserPos pos, SqlNode target, SqlIdentifier alias, SqlNode source, SqlNode condition,
      List<SqlMergeWhen> clauses) {
    super(pos);
    this.target = target;
    this.alias = alias;
    this.source = source;
    this.condition = condition;
    this.clauses = List.copyOf(clauses);
  }

  /** Calcite's MERGE with just {@code clause}'s UPDATE or INSERT part, to validate it; null for a DELETE clause. */
  public SqlMerge withOnly(SqlMergeWhen clause) {
    if (clause.action == SqlMergeWhen.Action.DELETE) {
      return null;
    }
    return new SqlMerge(getParserPosition(), target, condition, source, clause.update, clause.insert, null, alias);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(target, alias, source, condition, new SqlNodeList(clauses, getParserPosition()));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("MERGE INTO");
    target.unparse(writer, 0, 0);
    if (alias != null) {
      writer.keyword("AS");
      alias.unparse(writer, 0, 0);
    }
    writer.keyword("USING");
    source.unparse(writer, 0, 0);
    writer.keyword("ON");
    condition.unparse(writer, 0, 0);
    for (SqlMergeWhen clause : clauses) {
      clause.unparse(writer, 0, 0);
    }
  }
}
