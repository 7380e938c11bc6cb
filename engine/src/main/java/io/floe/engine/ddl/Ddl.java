package io.floe.engine.ddl;

import io.floe.catalog.TableIdentifier;
import io.floe.engine.FloeSession;
import io.floe.engine.catalog.TypeMapping;
import io.floe.engine.parser.SqlColumnDefinition;
import io.floe.types.NestedField;
import io.floe.types.Type;
import io.floe.types.Schema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;

/** Pieces shared by the DDL statements: quoting, properties, column lists, the transaction guard. */
public final class Ddl {
  /** The table property holding a table's COMMENT (as Trino and Spark store it). */
  public static final String COMMENT_PROPERTY = "comment";

  private Ddl() {
  }

  /** A double-quoted identifier. */
  public static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A single-quoted string literal. */
  public static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** A table name, each part quoted. */
  public static String quote(TableIdentifier id) {
    StringBuilder out = new StringBuilder();
    for (String level : id.namespace().levels()) {
      out.append(quote(level)).append('.');
    }
    return out.append(quote(id.name())).toString();
  }

  /**
   * The query of a statement that holds one (CREATE TABLE AS, CREATE VIEW): its text from its first token at
   * {@code start} to the end, after the rest of the statement blanked out (line breaks kept), so errors in the query
   * report their line and column in the whole statement.
   */
  public static String queryText(String sql, SqlParserPos start) {
    int at = SqlParserUtil.lineColToIndex(sql, start.getLineNum(), start.getColumnNum());
    return sql.substring(0, at).replaceAll("[^\\n]", " ") + sql.substring(at);
  }

  /** Refuses DDL inside an explicit transaction (its staged commits cover table data only). */
  public static void requireNoTransaction(FloeSession session, String statement) throws SQLException {
    if (session.inTransaction()) {
      throw DdlErrors.notSupported(statement + " inside a transaction (COMMIT or ROLLBACK first)");
    }
  }

  /** The {@code key = value} list as a map in written order (keys: names or strings; values: literals or names). */
  public static Map<String, String> properties(SqlNodeList written) throws SQLException {
    Map<String, String> properties = new LinkedHashMap<>();
    if (written != null) {
      for (SqlNode node : written) {
        SqlCall assignment = (SqlCall) node;
        String key = text(assignment.operand(0));
        String value = text(assignment.operand(1));
        if (key == null || value == null) {
          throw DdlErrors.invalid("property " + node + ": keys and values cannot be NULL");
        }
        properties.put(key, value);
      }
    }
    return properties;
  }

  private static String text(SqlNode node) {
    if (node instanceof SqlIdentifier id) {
      return String.join(".", id.names);
    }
    SqlLiteral literal = (SqlLiteral) node;
    Object value = literal.getValue();
    return value == null ? null : literal.toValue();
  }

  /**
   * The schema of a column list: field ids 1..n in order, then the fields of nested types from n + 1 (as Iceberg
   * numbers them), NOT NULL columns required, comments as docs.
   */
  public static Schema schema(SqlNodeList columns, Object table) throws SQLException {
    List<NestedField> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int[] nextId = {columns.size()};
    for (SqlNode node : columns) {
      SqlColumnDefinition column = (SqlColumnDefinition) node;
      String name = column.name.getSimple();
      if (!names.add(name.toLowerCase(Locale.ROOT))) {
        throw DdlErrors.invalid("column " + name + " is defined twice in table " + table);
      }
      Type type;
      try {
        type = TypeMapping.floeType(column.type, () -> ++nextId[0]);
      } catch (UnsupportedOperationException e) {
        throw DdlErrors.notSupported("column type " + column.type + " of column " + column.name);
      }
      fields.add(new NestedField(fields.size() + 1, name, type, column.notNull, column.commentText()));
    }
    return new Schema(fields);
  }

  /** The Floe type of a column definition (primitive types only: ALTER TABLE adds and changes those). */
  public static io.floe.types.PrimitiveType columnType(SqlColumnDefinition column) throws SQLException {
    try {
      return TypeMapping.floeType(column.type);
    } catch (UnsupportedOperationException e) {
      throw DdlErrors.notSupported("column type " + column.type + " of column " + column.name);
    }
  }
}
