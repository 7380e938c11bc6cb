package io.floe.jdbc;

import io.floe.catalog.Catalog;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.engine.catalog.CatalogRelations;
import io.floe.engine.catalog.CatalogRelations.Relation;
import io.floe.engine.expr.StringFunctions;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Type;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the connection's catalog holds, as JDBC tools ask for it: one catalog (the Floe catalog's name), its
 * top-level namespaces as schemas, their tables (type {@code TABLE}) and columns, and the SQL types Floe stores.
 * Keys, indexes, procedures, functions, privileges and user-defined types do not exist: their answers are empty.
 */
final class FloeDatabaseMetaData extends BaseDatabaseMetaData {

  private final FloeConnection connection;

  FloeDatabaseMetaData(FloeConnection connection) {
    this.connection = connection;
  }

  private Catalog catalog() throws SQLException {
    return connection.session().catalog();
  }

  private ResultSet rows(String method, List<Object[]> rows) {
    return FloeResultSet.of(null, MetadataColumns.of(method), rows);
  }

  @Override
  ResultSet emptyResult(String method) {
    return rows(method, List.of());
  }

  // ---- catalogs, schemas, tables, columns, types

  @Override
  public ResultSet getCatalogs() throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {catalog().name()});
    return rows("getCatalogs", rows);
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getSchemas(String catalogName, String schemaPattern) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    if (matchesCatalog(catalogName)) {
      for (Namespace namespace : namespaces(schemaPattern)) {
        rows.add(new Object[] {namespace.lastLevel(), catalog().name()});
      }
    }
    return rows("getSchemas", rows);
  }

  @Override
  public ResultSet getTableTypes() {
    List<Object[]> rows = new ArrayList<>();
    CatalogRelations.TYPES.forEach(type -> rows.add(new Object[] {type}));
    return rows("getTableTypes", rows);
  }

  @Override
  public ResultSet getTables(String catalogName, String schemaPattern, String tablePattern, String[] types)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    if (matchesCatalog(catalogName)) {
      List<Relation> relations = new ArrayList<>(relations(schemaPattern, tablePattern));
      relations.removeIf(r -> types != null && List.of(types).stream().noneMatch(r.type()::equalsIgnoreCase));
      relations.sort(Comparator.comparing(Relation::type)); // stable: then by schema and name
      for (Relation relation : relations) {
        TableIdentifier id = relation.id();
        rows.add(new Object[] {catalog().name(), id.namespace().lastLevel(), id.name(), relation.type(), "", null,
            null, null, null, null});
      }
    }
    return rows("getTables", rows);
  }

  @Override
  public ResultSet getColumns(String catalogName, String schemaPattern, String tablePattern, String columnPattern)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    if (!matchesCatalog(catalogName)) {
      return rows("getColumns", rows);
    }
    Pattern columns = like(columnPattern);
    for (Relation relation : relations(schemaPattern, tablePattern)) {
      TableIdentifier id = relation.id();
      int position = 0;
      for (NestedField field : CatalogRelations.schema(catalog(), relation).columns()) {
        position++;
        if (!columns.matcher(field.name()).matches()) {
          continue;
        }
        ColumnInfo info = columnInfo(field.name(), field.type(), field.isOptional());
        boolean isText = info.jdbcType() == Types.VARCHAR;
        rows.add(new Object[] {catalog().name(), id.namespace().lastLevel(), id.name(), field.name(), info.jdbcType(),
            info.typeName(), info.precision(), null, JdbcTypes.isNumeric(info.jdbcType()) || info.scale() > 0
                ? info.scale() : null, JdbcTypes.isNumeric(info.jdbcType()) ? 10 : null,
            field.isOptional() ? columnNullable : columnNoNulls, field.doc() == null ? "" : field.doc(), null, null,
            null, isText ? Integer.MAX_VALUE : null, position, field.isOptional() ? "YES" : "NO", null, null, null,
            null, "NO", "NO"});
      }
    }
    return rows("getColumns", rows);
  }

  /**
   * The JDBC view of a stored column type (the same as a query's result column of that column): a struct is a
   * {@code STRUCT} (type name {@code ROW}), a list an {@code ARRAY}, a map a {@code JAVA_OBJECT} ({@code MAP}).
   */
  static ColumnInfo columnInfo(String name, Type columnType, boolean optional) {
    int nullable = optional ? columnNullable : columnNoNulls;
    if (!(columnType instanceof PrimitiveType type)) {
      int nested = switch (columnType.typeId()) {
        case STRUCT -> Types.STRUCT;
        case LIST -> Types.ARRAY;
        default -> Types.JAVA_OBJECT;
      };
      return new ColumnInfo(name, nested, JdbcTypes.name(nested), 0, 0, nullable);
    }
    int jdbcType = switch (type.typeId()) {
      case BOOLEAN -> Types.BOOLEAN;
      case INT -> Types.INTEGER;
      case LONG -> Types.BIGINT;
      case FLOAT -> Types.REAL;
      case DOUBLE -> Types.DOUBLE;
      case DECIMAL -> Types.DECIMAL;
      case DATE -> Types.DATE;
      case TIME -> Types.TIME;
      case TIMESTAMP -> Types.TIMESTAMP;
      case TIMESTAMPTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
      case STRING -> Types.VARCHAR;
      case UUID, FIXED -> Types.BINARY;
      default -> Types.VARBINARY;
    };
    int precision = switch (type.typeId()) {
      case DECIMAL -> type.precision();
      case FIXED -> type.length();
      case UUID -> 16;
      default -> JdbcTypes.defaultPrecision(jdbcType);
    };
    int scale = switch (type.typeId()) {
      case DECIMAL -> type.scale();
      case TIME, TIMESTAMP, TIMESTAMPTZ -> 6;
      default -> 0;
    };
    return new ColumnInfo(name, jdbcType, JdbcTypes.name(jdbcType), precision, scale, nullable);
  }

  @Override
  public ResultSet getTypeInfo() {
    List<Object[]> rows = new ArrayList<>();
    for (int type : JdbcTypes.SUPPORTED) {
      boolean text = type == Types.VARCHAR;
      boolean numeric = JdbcTypes.isNumeric(type);
      boolean temporal = type == Types.DATE || type == Types.TIME || type == Types.TIMESTAMP
          || type == Types.TIMESTAMP_WITH_TIMEZONE;
      boolean binary = type == Types.BINARY || type == Types.VARBINARY;
      String name = JdbcTypes.name(type);
      String prefix = text ? "'" : binary ? "X'" : temporal ? name + " '" : null;
      String createParams = type == Types.DECIMAL ? "precision,scale" : type == Types.BINARY ? "length" : null;
      short maxScale = (short) (type == Types.DECIMAL ? JdbcTypes.MAX_DECIMAL_PRECISION
          : temporal && type != Types.DATE ? 6 : 0);
      rows.add(new Object[] {name, type, JdbcTypes.defaultPrecision(type), prefix, prefix == null ? null : "'",
          createParams, (short) typeNullable, text, (short) (text ? typeSearchable : typePredBasic), !numeric,
          false, false, name, (short) 0, maxScale, null, null, numeric ? 10 : null});
    }
    return rows("getTypeInfo", rows);
  }

  private boolean matchesCatalog(String catalogName) throws SQLException {
    return catalogName == null || catalogName.isEmpty() || catalogName.equals(catalog().name());
  }

  private List<Namespace> namespaces(String schemaPattern) throws SQLException {
    Pattern pattern = like(schemaPattern);
    return catalog().listNamespaces().stream().filter(n -> pattern.matcher(n.lastLevel()).matches())
        .sorted(Comparator.comparing(Namespace::lastLevel)).toList();
  }

  /** The tables and views matching the patterns, by schema, then by name. */
  private List<Relation> relations(String schemaPattern, String tablePattern) throws SQLException {
    Pattern pattern = like(tablePattern);
    List<Relation> relations = new ArrayList<>();
    for (Namespace namespace : namespaces(schemaPattern)) {
      relations.addAll(CatalogRelations.in(catalog(), namespace, name -> pattern.matcher(name).matches()));
    }
    return relations;
  }

  /** A JDBC name pattern ({@code %} any characters, {@code _} one, {@code \\} escapes), case-insensitive. */
  static Pattern like(String pattern) {
    String regex = pattern == null ? ".*" : StringFunctions.likePattern(pattern, "\\").pattern();
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }

  // ---- the product and the driver

  @Override
  public Connection getConnection() {
    return connection;
  }

  @Override
  public String getURL() {
    return connection.url();
  }

  @Override
  public String getUserName() {
    return System.getProperty("user.name", "");
  }

  @Override
  public String getDatabaseProductName() {
    return "Floe";
  }

  @Override
  public String getDatabaseProductVersion() {
    return FloeDriver.MAJOR_VERSION + "." + FloeDriver.MINOR_VERSION;
  }

  @Override
  public int getDatabaseMajorVersion() {
    return FloeDriver.MAJOR_VERSION;
  }

  @Override
  public int getDatabaseMinorVersion() {
    return FloeDriver.MINOR_VERSION;
  }

  @Override
  public String getDriverName() {
    return "Floe JDBC";
  }

  @Override
  public String getDriverVersion() {
    return getDatabaseProductVersion();
  }

  @Override
  public int getDriverMajorVersion() {
    return FloeDriver.MAJOR_VERSION;
  }

  @Override
  public int getDriverMinorVersion() {
    return FloeDriver.MINOR_VERSION;
  }

  @Override
  public int getJDBCMajorVersion() {
    return 4;
  }

  @Override
  public int getJDBCMinorVersion() {
    return 2;
  }

  @Override
  public int getSQLStateType() {
    return sqlStateSQL;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return connection.isReadOnly();
  }

  // ---- names and identifiers (Calcite's, as Floe configures it: case-insensitive, case kept, "quotes")

  @Override
  public String getIdentifierQuoteString() {
    return "\"";
  }

  @Override
  public String getSearchStringEscape() {
    return "\\";
  }

  @Override
  public String getCatalogTerm() {
    return "catalog";
  }

  @Override
  public String getSchemaTerm() {
    return "schema";
  }

  @Override
  public String getProcedureTerm() {
    return "procedure";
  }

  @Override
  public String getCatalogSeparator() {
    return ".";
  }

  @Override
  public boolean isCatalogAtStart() {
    return true;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() {
    return true;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() {
    return true;
  }

  @Override
  public boolean supportsSchemasInDataManipulation() {
    return true;
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() {
    return true;
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() {
    return true;
  }

  @Override
  public int getMaxColumnNameLength() {
    return 255;
  }

  @Override
  public int getMaxTableNameLength() {
    return 255;
  }

  @Override
  public int getMaxSchemaNameLength() {
    return 255;
  }

  @Override
  public String getNumericFunctions() {
    return "ABS,CEIL,FLOOR,MOD,POWER,ROUND,SIGN,SQRT,EXP,LN,LOG10";
  }

  @Override
  public String getStringFunctions() {
    return "CHAR_LENGTH,CONCAT,LOWER,UPPER,POSITION,SUBSTRING,TRIM";
  }

  @Override
  public String getTimeDateFunctions() {
    return "CURRENT_DATE,CURRENT_TIMESTAMP,EXTRACT";
  }

  @Override
  public String getSystemFunctions() {
    return "";
  }

  @Override
  public String getSQLKeywords() {
    return "";
  }

  // ---- SQL features

  @Override
  public boolean allTablesAreSelectable() {
    return true;
  }

  @Override
  public boolean nullsAreSortedHigh() {
    return true;
  }

  @Override
  public boolean nullPlusNonNullIsNull() {
    return true;
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() {
    return true;
  }

  @Override
  public boolean supportsColumnAliasing() {
    return true;
  }

  @Override
  public boolean supportsConvert() {
    return true;
  }

  @Override
  public boolean supportsTableCorrelationNames() {
    return true;
  }

  @Override
  public boolean supportsExpressionsInOrderBy() {
    return true;
  }

  @Override
  public boolean supportsOrderByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsGroupBy() {
    return true;
  }

  @Override
  public boolean supportsGroupByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsGroupByBeyondSelect() {
    return true;
  }

  @Override
  public boolean supportsLikeEscapeClause() {
    return true;
  }

  @Override
  public boolean supportsMultipleTransactions() {
    return true;
  }

  @Override
  public boolean supportsNonNullableColumns() {
    return true;
  }

  @Override
  public boolean supportsMinimumSQLGrammar() {
    return true;
  }

  @Override
  public boolean supportsCoreSQLGrammar() {
    return true;
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() {
    return true;
  }

  @Override
  public boolean supportsOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsFullOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsLimitedOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInComparisons() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInExists() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInIns() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() {
    return true;
  }

  @Override
  public boolean supportsCorrelatedSubqueries() {
    return true;
  }

  @Override
  public boolean supportsUnion() {
    return true;
  }

  @Override
  public boolean supportsUnionAll() {
    return true;
  }

  @Override
  public boolean supportsBatchUpdates() {
    return true;
  }

  /** Explicit transactions (autocommit off) need a catalog with multi-table commits (the JDBC catalog). */
  @Override
  public boolean supportsTransactions() throws SQLException {
    return connection.supportsTransactions();
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_REPEATABLE_READ;
  }

  @Override
  public int getDefaultTransactionIsolation() {
    return Connection.TRANSACTION_REPEATABLE_READ;
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() {
    return true;
  }

  @Override
  public boolean supportsResultSetType(int type) {
    return type == ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public int getResultSetHoldability() {
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public RowIdLifetime getRowIdLifetime() {
    return RowIdLifetime.ROWID_UNSUPPORTED;
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() {
    return false;
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() {
    return false;
  }

  @Override
  public boolean generatedKeyAlwaysReturned() {
    return false;
  }

  @Override
  public String toString() {
    return "Floe metadata of " + connection.url() + " (" + getDatabaseProductName().toLowerCase(Locale.ROOT) + ")";
  }
}
