package io.floe.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DatabaseMetaData as a tool like DBeaver reads it: catalogs, schemas, tables, columns, types, empty answers. */
class JdbcMetadataTest extends WarehouseConnectionBase {
  private static DatabaseMetaData metadata;

  @BeforeAll
  static void readMetadata() throws SQLException {
    metadata = connection.getMetaData();
  }

  private static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        values.add(rs.getString(name));
      }
    }
    return values;
  }

  @Test
  void catalogsSchemasAndTables() throws SQLException {
    assertEquals(List.of("floe"), column(metadata.getCatalogs(), "TABLE_CAT"));
    assertEquals(List.of("shop"), column(metadata.getSchemas(), "TABLE_SCHEM"));
    assertEquals(List.of("floe"), column(metadata.getSchemas("floe", "sh%"), "TABLE_CATALOG"));
    assertEquals(List.of(), column(metadata.getSchemas(null, "x%"), "TABLE_SCHEM"));
    assertEquals(List.of("TABLE", "VIEW"), column(metadata.getTableTypes(), "TABLE_TYPE"));
    assertEquals(List.of("all_types", "numbers"), column(metadata.getTables(null, null, "%", null), "TABLE_NAME"));
    assertEquals(List.of("numbers"), column(metadata.getTables("floe", "shop", "NUM%", new String[] {"TABLE"}),
        "TABLE_NAME"));
    assertEquals(List.of("all_types"), column(metadata.getTables(null, "shop", "all\\_types", null), "TABLE_NAME"));
    assertEquals(List.of(), column(metadata.getTables(null, null, "%", new String[] {"VIEW"}), "TABLE_NAME"));
    assertEquals(List.of(), column(metadata.getTables("other", null, "%", null), "TABLE_NAME"));
    try (ResultSet tables = metadata.getTables(null, null, "numbers", null)) {
      assertTrue(tables.next());
      assertEquals("floe", tables.getString("TABLE_CAT"));
      assertEquals("shop", tables.getString("TABLE_SCHEM"));
      assertEquals("TABLE", tables.getString("TABLE_TYPE"));
      assertEquals(10, tables.getMetaData().getColumnCount());
    }
  }

  @Test
  void columnsMatchTheTypesAQueryReturns() throws SQLException {
    List<String> names = column(metadata.getColumns(null, "shop", "all_types", "%"), "COLUMN_NAME");
    assertEquals(13, names.size());
    assertEquals("id", names.get(0));
    try (Statement statement = connection.createStatement();
         ResultSet query = statement.executeQuery("SELECT * FROM shop.all_types");
         ResultSet columns = metadata.getColumns(null, "shop", "all_types", null)) {
      ResultSetMetaData result = query.getMetaData();
      assertEquals(24, columns.getMetaData().getColumnCount());
      for (int c = 1; c <= result.getColumnCount(); c++) {
        assertTrue(columns.next());
        assertEquals(result.getColumnName(c), columns.getString("COLUMN_NAME"));
        assertEquals(result.getColumnType(c), columns.getInt("DATA_TYPE"), result.getColumnName(c));
        assertEquals(result.getColumnTypeName(c), columns.getString("TYPE_NAME"), result.getColumnName(c));
        assertEquals(c, columns.getInt("ORDINAL_POSITION"));
        assertEquals(result.isNullable(c), columns.getInt("NULLABLE"));
        assertEquals(result.isNullable(c) == ResultSetMetaData.columnNullable ? "YES" : "NO",
            columns.getString("IS_NULLABLE"));
        if (result.getColumnType(c) == Types.DECIMAL) {
          assertEquals(10, columns.getInt("COLUMN_SIZE"));
          assertEquals(2, columns.getInt("DECIMAL_DIGITS"));
        }
      }
      assertFalse(columns.next());
    }
    assertEquals(List.of("c_ts", "c_tstz"), column(metadata.getColumns(null, null, "all%", "c\\_ts%"), "COLUMN_NAME"));
  }

  @Test
  void typeInfoListsEveryStoredType() throws SQLException {
    List<Integer> types = new ArrayList<>();
    try (ResultSet rs = metadata.getTypeInfo()) {
      assertEquals(18, rs.getMetaData().getColumnCount());
      while (rs.next()) {
        types.add(rs.getInt("DATA_TYPE"));
        assertEquals(DatabaseMetaData.typeNullable, rs.getShort("NULLABLE"));
        if (rs.getInt("DATA_TYPE") == Types.DECIMAL) {
          assertEquals(38, rs.getInt("PRECISION"));
          assertEquals("precision,scale", rs.getString("CREATE_PARAMS"));
        }
      }
    }
    assertTrue(types.containsAll(List.of(Types.BOOLEAN, Types.INTEGER, Types.BIGINT, Types.REAL, Types.DOUBLE,
        Types.DECIMAL, Types.DATE, Types.TIME, Types.TIMESTAMP, Types.VARCHAR, Types.VARBINARY)), types.toString());
    List<Integer> sorted = new ArrayList<>(types);
    sorted.sort(Integer::compare);
    assertEquals(sorted, types, "ordered by DATA_TYPE");
  }

  @Test
  void keysIndexesAndProceduresAreEmptyWithTheirColumns() throws SQLException {
    try (ResultSet keys = metadata.getPrimaryKeys(null, "shop", "numbers")) {
      assertEquals(5, keys.findColumn("KEY_SEQ"));
      assertFalse(keys.next());
    }
    try (ResultSet imported = metadata.getImportedKeys(null, "shop", "numbers")) {
      assertEquals(14, imported.getMetaData().getColumnCount());
      assertFalse(imported.next());
    }
    try (ResultSet indexes = metadata.getIndexInfo(null, "shop", "numbers", false, true)) {
      assertEquals("INDEX_NAME", indexes.getMetaData().getColumnName(6));
      assertFalse(indexes.next());
    }
    for (ResultSet empty : List.of(metadata.getProcedures(null, null, "%"), metadata.getFunctions(null, null, "%"),
        metadata.getUDTs(null, null, "%", null), metadata.getClientInfoProperties(),
        metadata.getExportedKeys(null, "shop", "numbers"), metadata.getTablePrivileges(null, null, "%"))) {
      try (empty) {
        assertTrue(empty.getMetaData().getColumnCount() > 0);
        assertFalse(empty.next());
      }
    }
  }

  @Test
  void productAndCapabilities() throws SQLException {
    assertEquals("Floe", metadata.getDatabaseProductName());
    assertEquals("\"", metadata.getIdentifierQuoteString());
    assertEquals(url(), metadata.getURL());
    assertEquals(4, metadata.getJDBCMajorVersion());
    assertTrue(metadata.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
    assertFalse(metadata.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
    assertTrue(metadata.supportsBatchUpdates());
    assertTrue(metadata.supportsSchemasInDataManipulation());
    assertFalse(metadata.supportsCatalogsInDataManipulation(), "SQL names are schema.table");
    assertEquals(connection, metadata.getConnection());
    assertEquals(DatabaseMetaData.sqlStateSQL, metadata.getSQLStateType());
  }
}
