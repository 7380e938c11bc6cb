package io.floe.engine.expr;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlAbstractTimeFunction;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlAvgAggFunction;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.fun.SqlDatePartFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The SQL functions Floe offers beyond Calcite's standard operator table: operators of Calcite's dialect
 * libraries whose typing matches Trino's and DuckDB's, and Floe's own definitions where no library operator has
 * their argument order. {@link ExprCompiler} has a kernel for each.
 */
public final class FunctionLibrary {
  /** {@code TRUNC(x [, places])}: TRUNCATE's other spelling. */
  public static final SqlFunction TRUNC = new SqlFunction("TRUNC", SqlKind.OTHER_FUNCTION,
      ReturnTypes.ARG0_NULLABLE, null, OperandTypes.NUMERIC_OPTIONAL_INTEGER, SqlFunctionCategory.NUMERIC);

  /** {@code CONCAT(a, ...)}: any types as text, NULLs skipped (PostgreSQL, DuckDB); never NULL. */
  public static final SqlFunction CONCAT = new SqlFunction("CONCAT", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR), null, OperandTypes.ONE_OR_MORE, SqlFunctionCategory.STRING);

  /** {@code CONCAT_WS(separator, a, ...)}: the non-NULL arguments as text joined by the separator. */
  public static final SqlFunction CONCAT_WS = new SqlFunction("CONCAT_WS", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE), null,
      OperandTypes.variadic(SqlOperandCountRanges.from(2)), SqlFunctionCategory.STRING);

  /** {@code LTRIM(s [, characters])}, {@code RTRIM}, {@code BTRIM}: TRIM of spaces or of the given characters. */
  public static final SqlFunction LTRIM = trim("LTRIM");
  public static final SqlFunction RTRIM = trim("RTRIM");
  public static final SqlFunction BTRIM = trim("BTRIM");

  /** {@code DATE_TRUNC('unit', date or timestamp)}: Trino's and DuckDB's argument order. */
  public static final SqlFunction DATE_TRUNC = new SqlFunction("DATE_TRUNC", SqlKind.OTHER_FUNCTION,
      ReturnTypes.ARG1_NULLABLE, null, OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME),
      SqlFunctionCategory.TIMEDATE);

  /**
   * {@code DATE_DIFF('unit', a, b)} (Trino; Calcite's grammar parses an unquoted DATE_DIFF as BigQuery's form, so
   * it is reached as {@code "date_diff"(...)}) and {@code DATE_SUB('unit', a, b)} (DuckDB): whole units from a to b.
   */
  public static final SqlFunction DATE_DIFF = dateDifference("DATE_DIFF");
  public static final SqlFunction DATE_SUB = dateDifference("DATE_SUB");

  /** {@code DATE_ADD('unit', n, date or timestamp)} (Trino). */
  public static final SqlFunction DATE_ADD = new SqlFunction("DATE_ADD", SqlKind.OTHER_FUNCTION,
      ReturnTypes.ARG2_NULLABLE, null, OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER,
          SqlTypeFamily.DATETIME), SqlFunctionCategory.TIMEDATE);

  /** {@code REGEXP_LIKE(s, pattern)} (Trino) and {@code REGEXP_MATCHES(s, pattern)} (DuckDB): a match anywhere. */
  public static final SqlFunction REGEXP_LIKE = regexTest("REGEXP_LIKE");
  public static final SqlFunction REGEXP_MATCHES = regexTest("REGEXP_MATCHES");

  /**
   * {@code REGEXP_EXTRACT(s, pattern [, group])} (DuckDB): the first match, or its numbered group; an empty string
   * when nothing matches (Trino returns NULL there).
   */
  public static final SqlFunction REGEXP_EXTRACT = new SqlFunction("REGEXP_EXTRACT", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE), null,
      OperandTypes.or(OperandTypes.STRING_STRING, OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.STRING,
          SqlTypeFamily.INTEGER)), SqlFunctionCategory.STRING);

  /** {@code STRFTIME(date or timestamp, format)} (DuckDB, C's specifiers: {@link StrftimeFormat}). */
  public static final SqlFunction STRFTIME = new SqlFunction("STRFTIME", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE), null,
      OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.CHARACTER), SqlFunctionCategory.TIMEDATE);

  /** {@code DATE_FORMAT(date or timestamp, format)} (Trino, MySQL's specifiers: {@link StrftimeFormat}). */
  public static final SqlFunction DATE_FORMAT = new SqlFunction("DATE_FORMAT", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE), null,
      OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.CHARACTER), SqlFunctionCategory.TIMEDATE);

  /** {@code REGEXP_REPLACE(s, pattern, replacement [, flags])}: the first match, all with flag 'g'. */
  public static final SqlFunction REGEXP_REPLACE = new SqlFunction("REGEXP_REPLACE", SqlKind.OTHER_FUNCTION,
      ReturnTypes.ARG0_NULLABLE_VARYING, null, OperandTypes.or(OperandTypes.STRING_STRING_STRING,
          OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.STRING, SqlTypeFamily.STRING,
              SqlTypeFamily.STRING)), SqlFunctionCategory.STRING);

  /** {@code MEDIAN(x)} (DuckDB, Trino's approx_percentile aside): PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x). */
  public static final SqlAggFunction MEDIAN = SqlBasicAggFunction.create("MEDIAN", SqlKind.OTHER_FUNCTION,
      ReturnTypes.DOUBLE.andThen(SqlTypeTransforms.FORCE_NULLABLE), OperandTypes.NUMERIC)
      .withFunctionType(SqlFunctionCategory.SYSTEM);

  /**
   * {@code PERCENTILE_CONT(fraction) WITHIN GROUP (ORDER BY x)} as a DOUBLE (PostgreSQL; Calcite types it like x,
   * which would round an interpolated value of integers); the grammar binds the standard operator, which
   * {@code planner.AggregateCallRewrites} replaces with this one.
   */
  public static final SqlAggFunction PERCENTILE_CONT = SqlBasicAggFunction.create(SqlKind.PERCENTILE_CONT,
      ReturnTypes.DOUBLE.andThen(SqlTypeTransforms.FORCE_NULLABLE), OperandTypes.UNIT_INTERVAL_NUMERIC_LITERAL)
      .withFunctionType(SqlFunctionCategory.SYSTEM).withGroupOrder(org.apache.calcite.util.Optionality.MANDATORY)
      .withPercentile(true);

  private FunctionLibrary() {
  }

  private static SqlFunction trim(String name) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_NULLABLE_VARYING, null,
        OperandTypes.or(OperandTypes.STRING, OperandTypes.STRING_STRING), SqlFunctionCategory.STRING);
  }

  private static SqlFunction dateDifference(String name) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.BIGINT_NULLABLE, null,
        OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME, SqlTypeFamily.DATETIME),
        SqlFunctionCategory.TIMEDATE);
  }

  private static SqlFunction regexTest(String name) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.BOOLEAN_NULLABLE, null,
        OperandTypes.STRING_STRING, SqlFunctionCategory.STRING);
  }

  /**
   * Calcite's standard operators, with the variance aggregates (STDDEV, STDDEV_POP, STDDEV_SAMP, VARIANCE,
   * VAR_POP, VAR_SAMP) returning DOUBLE as in Trino and DuckDB: Calcite types them like AVG (a DECIMAL of scale 6
   * for a decimal argument), and its reduction into sums then computes at that scale, which loses the digits of
   * small variances (the covariances are DOUBLE through their arguments, see
   * {@code planner.AggregateCallRewrites}). CURRENT_TIMESTAMP is a TIMESTAMP WITH LOCAL TIME ZONE (an instant,
   * Iceberg's timestamptz), as Trino's and DuckDB's are timestamps with a time zone; LOCALTIMESTAMP is the session
   * zone's wall clock; both hold microseconds unless given a precision.
   */
  public static SqlOperatorTable standard() {
    SqlStdOperatorTable std = SqlStdOperatorTable.instance();
    Map<SqlOperator, SqlOperator> replaced = new IdentityHashMap<>();
    replaced.put(SqlStdOperatorTable.STDDEV, new DoubleVariance(SqlKind.STDDEV_SAMP));
    replaced.put(SqlStdOperatorTable.STDDEV_SAMP, new DoubleVariance(SqlKind.STDDEV_SAMP));
    replaced.put(SqlStdOperatorTable.STDDEV_POP, new DoubleVariance(SqlKind.STDDEV_POP));
    replaced.put(SqlStdOperatorTable.VARIANCE, new DoubleVariance(SqlKind.VAR_SAMP));
    replaced.put(SqlStdOperatorTable.VAR_SAMP, new DoubleVariance(SqlKind.VAR_SAMP));
    replaced.put(SqlStdOperatorTable.VAR_POP, new DoubleVariance(SqlKind.VAR_POP));
    replaced.put(SqlStdOperatorTable.CURRENT_TIMESTAMP,
        new StatementTimestamp("CURRENT_TIMESTAMP", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE));
    replaced.put(SqlStdOperatorTable.LOCALTIMESTAMP, new StatementTimestamp("LOCALTIMESTAMP", SqlTypeName.TIMESTAMP));
    return new SqlOperatorTable() {
      @Override
      public void lookupOperatorOverloads(SqlIdentifier name, SqlFunctionCategory category, SqlSyntax syntax,
          List<SqlOperator> operators, SqlNameMatcher matcher) {
        int from = operators.size();
        std.lookupOperatorOverloads(name, category, syntax, operators, matcher);
        for (int i = from; i < operators.size(); i++) {
          operators.set(i, replaced.getOrDefault(operators.get(i), operators.get(i)));
        }
      }

      @Override
      public List<SqlOperator> getOperatorList() {
        List<SqlOperator> all = new ArrayList<>();
        for (SqlOperator operator : std.getOperatorList()) {
          all.add(replaced.getOrDefault(operator, operator));
        }
        return all;
      }
    };
  }

  /**
   * CURRENT_TIMESTAMP (as a TIMESTAMP WITH LOCAL TIME ZONE) or LOCALTIMESTAMP [(precision)], of microseconds
   * without a precision (Calcite's default, whole seconds, would name an instant before a commit of the same
   * second, so {@code FOR SYSTEM_TIME AS OF CURRENT_TIMESTAMP} could miss it).
   */
  private static class StatementTimestamp extends SqlAbstractTimeFunction {
    private final SqlTypeName type;

    StatementTimestamp(String name, SqlTypeName type) {
      super(name, type);
      this.type = type;
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
      return binding.getOperandCount() == 0 ? binding.getTypeFactory().createSqlType(type, 6)
          : super.inferReturnType(binding);
    }
  }

  /** {@code DATE_PART('unit', date or timestamp)} (PostgreSQL, DuckDB): EXTRACT(unit FROM x); the unit a constant. */
  public static final SqlFunction DATE_PART = new SqlFunction("DATE_PART", SqlKind.OTHER_FUNCTION,
      ReturnTypes.BIGINT_NULLABLE, null, OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME),
      SqlFunctionCategory.TIMEDATE);

  /**
   * {@code DAY_OF_WEEK(x)} (Trino: ISO, Monday 1 to Sunday 7), {@code DAY_OF_YEAR(x)} and {@code DAY(x)} (Trino,
   * DuckDB, MySQL: Calcite's DAYOFMONTH): date parts Calcite's converter turns into EXTRACT, as its YEAR(x).
   */
  public static final SqlFunction DAY = new SqlDatePartFunction("DAY", TimeUnit.DAY);
  public static final SqlFunction DAY_OF_WEEK = new SqlDatePartFunction("DAY_OF_WEEK", TimeUnit.ISODOW);
  public static final SqlFunction DAY_OF_YEAR = new SqlDatePartFunction("DAY_OF_YEAR", TimeUnit.DOY);

  /** {@code MAKE_DATE(year, month, day)} (PostgreSQL, DuckDB); 22008 for a day that does not exist. */
  public static final SqlFunction MAKE_DATE = new SqlFunction("MAKE_DATE", SqlKind.OTHER_FUNCTION,
      ReturnTypes.DATE_NULLABLE, null, OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER,
          SqlTypeFamily.INTEGER), SqlFunctionCategory.TIMEDATE);

  /** {@code TO_TIMESTAMP(seconds since the epoch)} (PostgreSQL, DuckDB): the instant, to the microsecond. */
  public static final SqlFunction TO_TIMESTAMP = new SqlFunction("TO_TIMESTAMP", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6).andThen(SqlTypeTransforms.TO_NULLABLE),
      null, OperandTypes.NUMERIC, SqlFunctionCategory.TIMEDATE);

  /** {@code NOW()} (PostgreSQL, Trino, DuckDB): CURRENT_TIMESTAMP, the statement's start as an instant. */
  public static final SqlFunction NOW = new StatementTimestamp("NOW", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
    @Override
    public SqlSyntax getSyntax() {
      return SqlSyntax.FUNCTION;
    }
  };

  /**
   * {@code UUID()} (Trino, DuckDB) and its PostgreSQL name {@code GEN_RANDOM_UUID()}: a random (version 4) UUID as
   * text, a new one for each row.
   */
  public static final SqlFunction UUID = randomUuid("UUID");
  public static final SqlFunction GEN_RANDOM_UUID = randomUuid("GEN_RANDOM_UUID");

  private static SqlFunction randomUuid(String name) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(SqlTypeName.CHAR, 36), null,
        OperandTypes.NILADIC, SqlFunctionCategory.STRING) {
      @Override
      public boolean isDeterministic() {
        return false;
      }
    };
  }

  /** A variance aggregate of Calcite's whose result is a nullable DOUBLE. */
  private static final class DoubleVariance extends SqlAvgAggFunction {
    DoubleVariance(SqlKind kind) {
      super(kind);
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
      RelDataTypeFactory types = binding.getTypeFactory();
      return types.createTypeWithNullability(types.createSqlType(SqlTypeName.DOUBLE), true);
    }
  }

  /** The operators, to chain after Calcite's standard table. */
  public static SqlOperatorTable operators() {
    List<SqlOperator> operators = new ArrayList<>(List.of(SqlLibraryOperators.LOG_POSTGRES,
        SqlLibraryOperators.LOG2, SqlLibraryOperators.SINH, SqlLibraryOperators.COSH, SqlLibraryOperators.TANH,
        TRUNC, CONCAT, CONCAT_WS, LTRIM, RTRIM, BTRIM, DATE_TRUNC, DATE_DIFF, DATE_SUB, DATE_ADD, REGEXP_LIKE, REGEXP_MATCHES,
        REGEXP_REPLACE, SqlLibraryOperators.GREATEST_PG, SqlLibraryOperators.LEAST_PG, SqlLibraryOperators.LPAD,
        SqlLibraryOperators.RPAD, SqlLibraryOperators.REVERSE, SqlLibraryOperators.LEFT, SqlLibraryOperators.RIGHT,
        SqlLibraryOperators.REPEAT, SqlLibraryOperators.CHR, SqlLibraryOperators.SPLIT_PART,
        SqlLibraryOperators.STRPOS, SqlLibraryOperators.STARTS_WITH, SqlLibraryOperators.ENDS_WITH,
        SqlLibraryOperators.LENGTH, SqlLibraryOperators.ILIKE, SqlLibraryOperators.NOT_ILIKE,
        SqlLibraryOperators.STRING_AGG, SqlLibraryOperators.ARRAY_AGG, SqlLibraryOperators.BOOL_AND,
        SqlLibraryOperators.BOOL_OR, SqlLibraryOperators.MIN_BY, SqlLibraryOperators.MAX_BY, MEDIAN, NOW,
        SqlLibraryOperators.IFNULL, SqlLibraryOperators.NVL, SqlLibraryOperators.TRY_CAST, SqlLibraryOperators.MD5,
        SqlLibraryOperators.SHA1, SqlLibraryOperators.SHA256, SqlLibraryOperators.SHA512,
        SqlLibraryOperators.SUBSTR_POSTGRESQL, DATE_PART, DAY_OF_WEEK, DAY_OF_YEAR, MAKE_DATE, TO_TIMESTAMP,
        REGEXP_EXTRACT, STRFTIME, DATE_FORMAT, SqlLibraryOperators.TRANSLATE3, UUID, GEN_RANDOM_UUID, DAY,
        SqlLibraryOperators.ARRAY_CONTAINS, SqlLibraryOperators.ARRAY_POSITION, SqlLibraryOperators.ARRAY_TO_STRING,
        SqlLibraryOperators.ARRAY_JOIN, SqlLibraryOperators.ARRAY_DISTINCT, SqlLibraryOperators.MAP_KEYS,
        SqlLibraryOperators.MAP_VALUES, SqlLibraryOperators.MAP_CONTAINS_KEY));
    return SqlOperatorTables.of(operators);
  }
}
