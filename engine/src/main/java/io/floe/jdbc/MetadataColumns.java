package io.floe.jdbc;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns JDBC specifies for each {@link java.sql.DatabaseMetaData} result set, written as
 * {@code NAME} (VARCHAR), {@code NAME:i} (INTEGER), {@code NAME:s} (SMALLINT) or {@code NAME:b} (BOOLEAN).
 */
final class MetadataColumns {
  private static final Map<String, String> COLUMNS = Map.ofEntries(
      Map.entry("getCatalogs", "TABLE_CAT"),
      Map.entry("getSchemas", "TABLE_SCHEM TABLE_CATALOG"),
      Map.entry("getTableTypes", "TABLE_TYPE"),
      Map.entry("getTables", "TABLE_CAT TABLE_SCHEM TABLE_NAME TABLE_TYPE REMARKS TYPE_CAT TYPE_SCHEM TYPE_NAME "
          + "SELF_REFERENCING_COL_NAME REF_GENERATION"),
      Map.entry("getColumns", "TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME DATA_TYPE:i TYPE_NAME COLUMN_SIZE:i "
          + "BUFFER_LENGTH:i DECIMAL_DIGITS:i NUM_PREC_RADIX:i NULLABLE:i REMARKS COLUMN_DEF SQL_DATA_TYPE:i "
          + "SQL_DATETIME_SUB:i CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i IS_NULLABLE SCOPE_CATALOG SCOPE_SCHEMA "
          + "SCOPE_TABLE SOURCE_DATA_TYPE:s IS_AUTOINCREMENT IS_GENERATEDCOLUMN"),
      Map.entry("getTypeInfo", "TYPE_NAME DATA_TYPE:i PRECISION:i LITERAL_PREFIX LITERAL_SUFFIX CREATE_PARAMS "
          + "NULLABLE:s CASE_SENSITIVE:b SEARCHABLE:s UNSIGNED_ATTRIBUTE:b FIXED_PREC_SCALE:b AUTO_INCREMENT:b "
          + "LOCAL_TYPE_NAME MINIMUM_SCALE:s MAXIMUM_SCALE:s SQL_DATA_TYPE:i SQL_DATETIME_SUB:i NUM_PREC_RADIX:i"),
      Map.entry("getPrimaryKeys", "TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME KEY_SEQ:s PK_NAME"),
      Map.entry("getImportedKeys", keys()),
      Map.entry("getExportedKeys", keys()),
      Map.entry("getCrossReference", keys()),
      Map.entry("getIndexInfo", "TABLE_CAT TABLE_SCHEM TABLE_NAME NON_UNIQUE:b INDEX_QUALIFIER INDEX_NAME TYPE:s "
          + "ORDINAL_POSITION:s COLUMN_NAME ASC_OR_DESC CARDINALITY:i PAGES:i FILTER_CONDITION"),
      Map.entry("getProcedures", "PROCEDURE_CAT PROCEDURE_SCHEM PROCEDURE_NAME RESERVED1 RESERVED2 RESERVED3 "
          + "REMARKS PROCEDURE_TYPE:s SPECIFIC_NAME"),
      Map.entry("getProcedureColumns", "PROCEDURE_CAT PROCEDURE_SCHEM PROCEDURE_NAME COLUMN_NAME COLUMN_TYPE:s "
          + "DATA_TYPE:i TYPE_NAME PRECISION:i LENGTH:i SCALE:s RADIX:s NULLABLE:s REMARKS COLUMN_DEF "
          + "SQL_DATA_TYPE:i SQL_DATETIME_SUB:i CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i IS_NULLABLE SPECIFIC_NAME"),
      Map.entry("getFunctions", "FUNCTION_CAT FUNCTION_SCHEM FUNCTION_NAME REMARKS FUNCTION_TYPE:s SPECIFIC_NAME"),
      Map.entry("getFunctionColumns", "FUNCTION_CAT FUNCTION_SCHEM FUNCTION_NAME COLUMN_NAME COLUMN_TYPE:s "
          + "DATA_TYPE:i TYPE_NAME PRECISION:i LENGTH:i SCALE:s RADIX:s NULLABLE:s REMARKS CHAR_OCTET_LENGTH:i "
          + "ORDINAL_POSITION:i IS_NULLABLE SPECIFIC_NAME"),
      Map.entry("getUDTs", "TYPE_CAT TYPE_SCHEM TYPE_NAME CLASS_NAME DATA_TYPE:i REMARKS BASE_TYPE:s"),
      Map.entry("getSuperTypes", "TYPE_CAT TYPE_SCHEM TYPE_NAME SUPERTYPE_CAT SUPERTYPE_SCHEM SUPERTYPE_NAME"),
      Map.entry("getSuperTables", "TABLE_CAT TABLE_SCHEM TABLE_NAME SUPERTABLE_NAME"),
      Map.entry("getAttributes", "TYPE_CAT TYPE_SCHEM TYPE_NAME ATTR_NAME DATA_TYPE:i ATTR_TYPE_NAME ATTR_SIZE:i "
          + "DECIMAL_DIGITS:i NUM_PREC_RADIX:i NULLABLE:i REMARKS ATTR_DEF SQL_DATA_TYPE:i SQL_DATETIME_SUB:i "
          + "CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i IS_NULLABLE SCOPE_CATALOG SCOPE_SCHEMA SCOPE_TABLE "
          + "SOURCE_DATA_TYPE:s"),
      Map.entry("getBestRowIdentifier", "SCOPE:s COLUMN_NAME DATA_TYPE:i TYPE_NAME COLUMN_SIZE:i BUFFER_LENGTH:i "
          + "DECIMAL_DIGITS:s PSEUDO_COLUMN:s"),
      Map.entry("getVersionColumns", "SCOPE:s COLUMN_NAME DATA_TYPE:i TYPE_NAME COLUMN_SIZE:i BUFFER_LENGTH:i "
          + "DECIMAL_DIGITS:s PSEUDO_COLUMN:s"),
      Map.entry("getTablePrivileges", "TABLE_CAT TABLE_SCHEM TABLE_NAME GRANTOR GRANTEE PRIVILEGE IS_GRANTABLE"),
      Map.entry("getColumnPrivileges", "TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME GRANTOR GRANTEE PRIVILEGE "
          + "IS_GRANTABLE"),
      Map.entry("getClientInfoProperties", "NAME MAX_LEN:i DEFAULT_VALUE DESCRIPTION"),
      Map.entry("getPseudoColumns", "TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME DATA_TYPE:i COLUMN_SIZE:i "
          + "DECIMAL_DIGITS:i NUM_PREC_RADIX:i COLUMN_USAGE REMARKS CHAR_OCTET_LENGTH:i IS_NULLABLE"));

  private MetadataColumns() {
  }

  private static String keys() {
    return "PKTABLE_CAT PKTABLE_SCHEM PKTABLE_NAME PKCOLUMN_NAME FKTABLE_CAT FKTABLE_SCHEM FKTABLE_NAME "
        + "FKCOLUMN_NAME KEY_SEQ:s UPDATE_RULE:s DELETE_RULE:s FK_NAME PK_NAME DEFERRABILITY:s";
  }

  /** The columns of the result set {@code method} returns (none for a method that returns no result set). */
  static List<ColumnInfo> of(String method) {
    List<ColumnInfo> columns = new ArrayList<>();
    String spec = COLUMNS.get(method);
    if (spec == null) {
      return columns;
    }
    for (String column : spec.split(" ")) {
      int colon = column.indexOf(':');
      String name = colon < 0 ? column : column.substring(0, colon);
      int type = colon < 0 ? Types.VARCHAR : switch (column.charAt(colon + 1)) {
        case 'i' -> Types.INTEGER;
        case 's' -> Types.SMALLINT;
        default -> Types.BOOLEAN;
      };
      columns.add(ColumnInfo.of(name, type));
    }
    return columns;
  }
}
