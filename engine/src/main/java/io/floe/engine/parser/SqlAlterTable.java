package io.floe.engine.parser;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code ALTER TABLE name <action>}: one of the {@link Action}s; the fields the action does not use are null. */
public final class SqlAlterTable extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  /** What the statement changes. */
  public enum Action {
    ADD_COLUMN, DROP_COLUMN, RENAME_COLUMN, ALTER_COLUMN_TYPE, RENAME_TABLE, SET_PARTITIONING, SET_PROPERTIES
  }

  public final SqlIdentifier table;
  public final Action action;
  /** The column dropped, renamed or retyped. */
  public final SqlIdentifier column;
  /** The new name of a column (simple) or of the table (possibly qualified). */
  public final SqlIdentifier newName;
  /** The column added. */
  public final SqlColumnDefinition definition;
  /** The new type of a column. */
  public final SqlDataTypeSpec type;
  /** The new partition fields. */
  public final SqlNodeList partitionBy;
  /** {@code key = value} calls. */
  public final SqlNodeList properties;

  private SqlAlterTable(SqlParserPos pos, SqlIdentifier table, Action action, SqlIdentifier column,
      SqlIdentifier newName, SqlColumnDefinition definition, SqlDataTypeSpec type, SqlNodeList partitionBy,
      SqlNodeList properties) {
    super(pos);
    this.table = table;
    this.action = action;
    this.column = column;
    this.newName = newName;
    this.definition = definition;
    this.type = type;
    this.partitionBy = partitionBy;
    this.properties = properties;
  }

  public static SqlAlterTable addColumn(SqlParserPos pos, SqlIdentifier table, SqlColumnDefinition definition) {
    return new SqlAlterTable(pos, table, Action.ADD_COLUMN, null, null, definition, null, null, null);
  }

  public static SqlAlterTable dropColumn(SqlParserPos pos, SqlIdentifier table, SqlIdentifier column) {
    return new SqlAlterTable(pos, table, Action.DROP_COLUMN, column, null, null, null, null, null);
  }

  public static SqlAlterTable renameColumn(SqlParserPos pos, SqlIdentifier table, SqlIdentifier column,
      SqlIdentifier newName) {
    return new SqlAlterTable(pos, table, Action.RENAME_COLUMN, column, newName, null, null, null, null);
  }

  public static SqlAlterTable alterColumnType(SqlParserPos pos, SqlIdentifier table, SqlIdentifier column,
      SqlDataTypeSpec type) {
    return new SqlAlterTable(pos, table, Action.ALTER_COLUMN_TYPE, column, null, null, type, null, null);
  }

  public static SqlAlterTable renameTable(SqlParserPos pos, SqlIdentifier table, SqlIdentifier newName) {
    return new SqlAlterTable(pos, table, Action.RENAME_TABLE, null, newName, null, null, null, null);
  }

  public static SqlAlterTable setPartitioning(SqlParserPos pos, SqlIdentifier table, SqlNodeList partitionBy) {
    return new SqlAlterTable(pos, table, Action.SET_PARTITIONING, null, null, null, null, partitionBy, null);
  }

  public static SqlAlterTable setProperties(SqlParserPos pos, SqlIdentifier table, SqlNodeList properties) {
    return new SqlAlterTable(pos, table, Action.SET_PROPERTIES, null, null, null, null, null, properties);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(table, column, newName, definition, type, partitionBy, properties);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    table.unparse(writer, 0, 0);
    switch (action) {
      case ADD_COLUMN -> {
        writer.keyword("ADD COLUMN");
        definition.unparse(writer, 0, 0);
      }
      case DROP_COLUMN -> {
        writer.keyword("DROP COLUMN");
        column.unparse(writer, 0, 0);
      }
      case RENAME_COLUMN -> {
        writer.keyword("RENAME COLUMN");
        column.unparse(writer, 0, 0);
        writer.keyword("TO");
        newName.unparse(writer, 0, 0);
      }
      case ALTER_COLUMN_TYPE -> {
        writer.keyword("ALTER COLUMN");
        column.unparse(writer, 0, 0);
        writer.keyword("TYPE");
        type.unparse(writer, 0, 0);
      }
      case RENAME_TABLE -> {
        writer.keyword("RENAME TO");
        newName.unparse(writer, 0, 0);
      }
      case SET_PARTITIONING -> SqlUnparsing.properties(writer, "SET PARTITIONING", partitionBy);
      case SET_PROPERTIES -> SqlUnparsing.properties(writer, "SET PROPERTIES", properties);
      default -> throw new AssertionError(action);
    }
  }
}
