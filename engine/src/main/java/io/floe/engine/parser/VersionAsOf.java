package io.floe.engine.parser;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The period of {@code t FOR VERSION AS OF <snapshot id | 'tag or branch'>} (Trino's syntax). The parser turns the
 * clause into a {@link org.apache.calcite.sql.SqlSnapshot} whose period is a call of {@link #OPERATOR} on the
 * version, so the clause travels through validation like {@code FOR SYSTEM_TIME AS OF}; the planner then pins the
 * table's scan to that snapshot, tag or branch. The call's TIMESTAMP type is only what validation expects of a
 * snapshot period; it is never evaluated.
 */
public final class VersionAsOf {
  public static final SqlFunction OPERATOR = new SqlFunction("FLOE_VERSION_AS_OF", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.TIMESTAMP), null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

  private VersionAsOf() {
  }
}
