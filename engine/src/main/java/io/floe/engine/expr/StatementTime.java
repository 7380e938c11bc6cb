package io.floe.engine.expr;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Replaces CURRENT_DATE, CURRENT_TIME, LOCALTIME, CURRENT_TIMESTAMP, LOCALTIMESTAMP and NOW() by literals of one
 * instant, the statement's start, so every row and every reference in a statement sees the same value. Dates, times and
 * TIMESTAMPs are the wall clock in the session's time zone; a TIMESTAMP WITH LOCAL TIME ZONE is the instant itself
 * (held as UTC, as the engine holds every timestamptz). Fractions of seconds are cut to the type's precision.
 */
public final class StatementTime extends RexShuttle {
  private static final Set<String> FUNCTIONS = Set.of("CURRENT_DATE", "CURRENT_TIME", "LOCALTIME",
      "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "NOW");

  private final RexBuilder rexBuilder;
  private final Instant start;
  private final ZoneId zone;

  private StatementTime(RexBuilder rexBuilder, Instant start, ZoneId zone) {
    this.rexBuilder = rexBuilder;
    this.start = start;
    this.zone = zone;
  }

  /** {@code rel} with every current-time function replaced by its value at {@code start} in {@code zone}. */
  public static RelNode rewrite(RelNode rel, Instant start, ZoneId zone) {
    StatementTime literals = new StatementTime(rel.getCluster().getRexBuilder(), start, zone);
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        return super.visit(other).accept(literals);
      }
    });
  }

  @Override
  public RexNode visitCall(RexCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (!FUNCTIONS.contains(name)) {
      return super.visitCall(call);
    }
    RelDataType type = call.getType();
    int precision = Math.max(0, type.getPrecision());
    LocalDateTime local = LocalDateTime.ofInstant(start, zone);
    RexNode literal;
    switch (type.getSqlTypeName()) {
      case DATE:
        literal = rexBuilder.makeDateLiteral(new DateString(local.getYear(), local.getMonthValue(),
            local.getDayOfMonth()));
        break;
      case TIME:
        literal = rexBuilder.makeTimeLiteral(time(local.toLocalTime(), precision), precision);
        break;
      case TIMESTAMP:
        literal = rexBuilder.makeTimestampLiteral(timestamp(local, precision), precision);
        break;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        literal = rexBuilder.makeTimestampWithLocalTimeZoneLiteral(
            timestamp(LocalDateTime.ofInstant(start, ZoneOffset.UTC), precision), precision);
        break;
      default:
        return call; // no literal for this type: ExprCompiler reports the function as not supported
    }
    return rexBuilder.ensureType(type, literal, true);
  }

  /** Nanoseconds cut to {@code precision} fractional digits. */
  private static int nanos(int nanos, int precision) {
    int unit = (int) Math.pow(10, 9 - Math.min(9, precision));
    return nanos / unit * unit;
  }

  private static TimestampString timestamp(LocalDateTime t, int precision) {
    return new TimestampString(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
        t.getSecond()).withNanos(nanos(t.getNano(), precision));
  }

  private static TimeString time(LocalTime t, int precision) {
    return new TimeString(t.getHour(), t.getMinute(), t.getSecond()).withNanos(nanos(t.getNano(), precision));
  }
}
