package io.floe.jdbc;

import java.sql.SQLException;

/** Defaults for the database metadata Floe does not have: false, 0, empty strings and empty result sets; anything else fails with SQLState 0A000. */
abstract class BaseDatabaseMetaData implements java.sql.DatabaseMetaData, SelfWrapper {
  /** An empty result set answering {@code method}. */
  abstract java.sql.ResultSet emptyResult(String method) throws SQLException;

  @Override
  public boolean allProceduresAreCallable() throws SQLException {
    return false;
  }

  @Override
  public boolean allTablesAreSelectable() throws SQLException {
    return false;
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
    return false;
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
    return false;
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
    return false;
  }

  @Override
  public boolean deletesAreDetected(int int1) throws SQLException {
    return false;
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
    return false;
  }

  @Override
  public boolean generatedKeyAlwaysReturned() throws SQLException {
    return false;
  }

  @Override
  public java.sql.ResultSet getAttributes(String label, String string2, String string3, String string4) throws SQLException {
    return emptyResult("getAttributes");
  }

  @Override
  public java.sql.ResultSet getBestRowIdentifier(String label, String string2, String string3, int int4, boolean boolean5) throws SQLException {
    return emptyResult("getBestRowIdentifier");
  }

  @Override
  public String getCatalogSeparator() throws SQLException {
    return "";
  }

  @Override
  public String getCatalogTerm() throws SQLException {
    return "";
  }

  @Override
  public java.sql.ResultSet getCatalogs() throws SQLException {
    return emptyResult("getCatalogs");
  }

  @Override
  public java.sql.ResultSet getClientInfoProperties() throws SQLException {
    return emptyResult("getClientInfoProperties");
  }

  @Override
  public java.sql.ResultSet getColumnPrivileges(String label, String string2, String string3, String string4) throws SQLException {
    return emptyResult("getColumnPrivileges");
  }

  @Override
  public java.sql.ResultSet getColumns(String label, String string2, String string3, String string4) throws SQLException {
    return emptyResult("getColumns");
  }

  @Override
  public java.sql.Connection getConnection() throws SQLException {
    throw notSupported("getConnection");
  }

  @Override
  public java.sql.ResultSet getCrossReference(String label, String string2, String string3, String string4, String string5, String string6) throws SQLException {
    return emptyResult("getCrossReference");
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    return 0;
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    return 0;
  }

  @Override
  public String getDatabaseProductName() throws SQLException {
    return "";
  }

  @Override
  public String getDatabaseProductVersion() throws SQLException {
    return "";
  }

  @Override
  public int getDefaultTransactionIsolation() throws SQLException {
    return 0;
  }

  @Override
  public String getDriverName() throws SQLException {
    return "";
  }

  @Override
  public String getDriverVersion() throws SQLException {
    return "";
  }

  @Override
  public java.sql.ResultSet getExportedKeys(String label, String string2, String string3) throws SQLException {
    return emptyResult("getExportedKeys");
  }

  @Override
  public String getExtraNameCharacters() throws SQLException {
    return "";
  }

  @Override
  public java.sql.ResultSet getFunctionColumns(String label, String string2, String string3, String string4) throws SQLException {
    return emptyResult("getFunctionColumns");
  }

  @Override
  public java.sql.ResultSet getFunctions(String label, String string2, String string3) throws SQLException {
    return emptyResult("getFunctions");
  }

  @Override
  public String getIdentifierQuoteString() throws SQLException {
    return "";
  }

  @Override
  public java.sql.ResultSet getImportedKeys(String label, String string2, String string3) throws SQLException {
    return emptyResult("getImportedKeys");
  }

  @Override
  public java.sql.ResultSet getIndexInfo(String label, String string2, String string3, boolean boolean4, boolean boolean5) throws SQLException {
    return emptyResult("getIndexInfo");
  }

  @Override
  public int getJDBCMajorVersion() throws SQLException {
    return 0;
  }

  @Override
  public int getJDBCMinorVersion() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxBinaryLiteralLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxCatalogNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxCharLiteralLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInGroupBy() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInIndex() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInOrderBy() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInSelect() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInTable() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxConnections() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxCursorNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxIndexLength() throws SQLException {
    return 0;
  }

  @Override
  public long getMaxLogicalLobSize() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxProcedureNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxRowSize() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxSchemaNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxStatementLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxStatements() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxTableNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxTablesInSelect() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxUserNameLength() throws SQLException {
    return 0;
  }

  @Override
  public String getNumericFunctions() throws SQLException {
    return "";
  }

  @Override
  public java.sql.ResultSet getPrimaryKeys(String label, String string2, String string3) throws SQLException {
    return emptyResult("getPrimaryKeys");
  }

  @Override
  public java.sql.ResultSet getProcedureColumns(String label, String string2, String string3, String string4) throws SQLException {
    return emptyResult("getProcedureColumns");
  }

  @Override
  public String getProcedureTerm() throws SQLException {
    return "";
  }

  @Override
  public java.sql.ResultSet getProcedures(String label, String string2, String string3) throws SQLException {
    return emptyResult("getProcedures");
  }

  @Override
  public java.sql.ResultSet getPseudoColumns(String label, String string2, String string3, String string4) throws SQLException {
    return emptyResult("getPseudoColumns");
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    return 0;
  }

  @Override
  public java.sql.RowIdLifetime getRowIdLifetime() throws SQLException {
    throw notSupported("getRowIdLifetime");
  }

  @Override
  public String getSQLKeywords() throws SQLException {
    return "";
  }

  @Override
  public int getSQLStateType() throws SQLException {
    return 0;
  }

  @Override
  public String getSchemaTerm() throws SQLException {
    return "";
  }

  @Override
  public java.sql.ResultSet getSchemas() throws SQLException {
    return emptyResult("getSchemas");
  }

  @Override
  public java.sql.ResultSet getSchemas(String label, String string2) throws SQLException {
    return emptyResult("getSchemas");
  }

  @Override
  public String getSearchStringEscape() throws SQLException {
    return "";
  }

  @Override
  public String getStringFunctions() throws SQLException {
    return "";
  }

  @Override
  public java.sql.ResultSet getSuperTables(String label, String string2, String string3) throws SQLException {
    return emptyResult("getSuperTables");
  }

  @Override
  public java.sql.ResultSet getSuperTypes(String label, String string2, String string3) throws SQLException {
    return emptyResult("getSuperTypes");
  }

  @Override
  public String getSystemFunctions() throws SQLException {
    return "";
  }

  @Override
  public java.sql.ResultSet getTablePrivileges(String label, String string2, String string3) throws SQLException {
    return emptyResult("getTablePrivileges");
  }

  @Override
  public java.sql.ResultSet getTableTypes() throws SQLException {
    return emptyResult("getTableTypes");
  }

  @Override
  public java.sql.ResultSet getTables(String label, String string2, String string3, String[] strings4) throws SQLException {
    return emptyResult("getTables");
  }

  @Override
  public String getTimeDateFunctions() throws SQLException {
    return "";
  }

  @Override
  public java.sql.ResultSet getTypeInfo() throws SQLException {
    return emptyResult("getTypeInfo");
  }

  @Override
  public java.sql.ResultSet getUDTs(String label, String string2, String string3, int[] ints4) throws SQLException {
    return emptyResult("getUDTs");
  }

  @Override
  public String getURL() throws SQLException {
    return "";
  }

  @Override
  public String getUserName() throws SQLException {
    return "";
  }

  @Override
  public java.sql.ResultSet getVersionColumns(String label, String string2, String string3) throws SQLException {
    return emptyResult("getVersionColumns");
  }

  @Override
  public boolean insertsAreDetected(int int1) throws SQLException {
    return false;
  }

  @Override
  public boolean isCatalogAtStart() throws SQLException {
    return false;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return false;
  }

  @Override
  public boolean locatorsUpdateCopy() throws SQLException {
    return false;
  }

  @Override
  public boolean nullPlusNonNullIsNull() throws SQLException {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtEnd() throws SQLException {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtStart() throws SQLException {
    return false;
  }

  @Override
  public boolean nullsAreSortedHigh() throws SQLException {
    return false;
  }

  @Override
  public boolean nullsAreSortedLow() throws SQLException {
    return false;
  }

  @Override
  public boolean othersDeletesAreVisible(int int1) throws SQLException {
    return false;
  }

  @Override
  public boolean othersInsertsAreVisible(int int1) throws SQLException {
    return false;
  }

  @Override
  public boolean othersUpdatesAreVisible(int int1) throws SQLException {
    return false;
  }

  @Override
  public boolean ownDeletesAreVisible(int int1) throws SQLException {
    return false;
  }

  @Override
  public boolean ownInsertsAreVisible(int int1) throws SQLException {
    return false;
  }

  @Override
  public boolean ownUpdatesAreVisible(int int1) throws SQLException {
    return false;
  }

  @Override
  public boolean storesLowerCaseIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesUpperCaseIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsANSI92FullSQL() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsBatchUpdates() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsColumnAliasing() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsConvert() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsConvert(int int1, int int2) throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCoreSQLGrammar() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCorrelatedSubqueries() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsExpressionsInOrderBy() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsExtendedSQLGrammar() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsFullOuterJoins() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsGetGeneratedKeys() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsGroupBy() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsGroupByBeyondSelect() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsGroupByUnrelated() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsLikeEscapeClause() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsLimitedOuterJoins() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMinimumSQLGrammar() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMultipleOpenResults() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMultipleResultSets() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMultipleTransactions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsNamedParameters() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsNonNullableColumns() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsOrderByUnrelated() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsOuterJoins() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsPositionedDelete() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsPositionedUpdate() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsRefCursors() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsResultSetConcurrency(int int1, int int2) throws SQLException {
    return false;
  }

  @Override
  public boolean supportsResultSetHoldability(int int1) throws SQLException {
    return false;
  }

  @Override
  public boolean supportsResultSetType(int int1) throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSavepoints() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSchemasInDataManipulation() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSelectForUpdate() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSharding() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsStatementPooling() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsStoredProcedures() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSubqueriesInComparisons() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSubqueriesInExists() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSubqueriesInIns() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsTableCorrelationNames() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int int1) throws SQLException {
    return false;
  }

  @Override
  public boolean supportsTransactions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsUnion() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsUnionAll() throws SQLException {
    return false;
  }

  @Override
  public boolean updatesAreDetected(int column) throws SQLException {
    return false;
  }

  @Override
  public boolean usesLocalFilePerTable() throws SQLException {
    return false;
  }

  @Override
  public boolean usesLocalFiles() throws SQLException {
    return false;
  }

  private static SQLException notSupported(String method) {
    return JdbcErrors.notSupported("DatabaseMetaData." + method);
  }
}
