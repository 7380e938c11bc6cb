package io.floe.engine.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Partition fields as the parser builds them: a column is a {@link SqlIdentifier}; a transform is a call of an
 * unresolved function named as written ({@code day(ts)}, {@code bucket(16, id)}, {@code truncate(4, name)}),
 * whose operands are the column and numeric literals. The DDL layer maps them to partition transforms.
 */
public final class PartitionTransforms {
  private PartitionTransforms() {
  }

  /** The call of transform {@code name} on {@code operands}. */
  public static SqlCall call(SqlParserPos pos, String name, List<SqlNode> operands) {
    SqlUnresolvedFunction function = new SqlUnresolvedFunction(new SqlIdentifier(name, pos), null, null, null, null,
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
    return function.createCall(pos, operands);
  }
}
