package io.floe.engine.planner;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Rejects {@code TIMESTAMPDIFF} in units below a second: Calcite rewrites them as the difference in whole seconds
 * times 1000 (or 1,000,000), which would drop the fraction Floe's microsecond timestamps hold.
 */
final class SubSecondDifferences extends SqlBasicVisitor<Void> {
  private static final Set<TimeUnit> SUB_SECOND = EnumSet.of(TimeUnit.MILLISECOND, TimeUnit.MICROSECOND,
      TimeUnit.NANOSECOND);

  private SubSecondDifferences() {
  }

  /** Throws {@code UnsupportedOperationException} ("not supported: ...") if {@code statement} has such a call. */
  static void check(SqlNode statement) {
    statement.accept(new SubSecondDifferences());
  }

  @Override
  public Void visit(SqlCall call) {
    if (call.getKind() == SqlKind.TIMESTAMP_DIFF && !call.getOperandList().isEmpty()
        && call.operand(0) instanceof SqlIntervalQualifier unit && SUB_SECOND.contains(unit.getUnit())) {
      throw new UnsupportedOperationException("not supported: TIMESTAMPDIFF(" + unit.getUnit() + ", ...) at "
          + call.getParserPosition() + " (differences count whole seconds)");
    }
    return super.visit(call);
  }
}
