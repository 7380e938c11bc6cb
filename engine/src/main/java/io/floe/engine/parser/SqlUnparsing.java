package io.floe.engine.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

/** Unparsing pieces shared by Floe's statements. */
final class SqlUnparsing {
  private SqlUnparsing() {
  }

  /** {@code keyword (key = value, ...)}, nothing when {@code properties} is null. */
  static void properties(SqlWriter writer, String keyword, SqlNodeList properties) {
    if (properties != null) {
      writer.keyword(keyword);
      list(writer, properties);
    }
  }

  /**
   * {@code CREATE [OR REPLACE] <what> [IF NOT EXISTS] name [(column, ...)] [COMMENT '...']}: the head CREATE TABLE
   * and CREATE VIEW share.
   */
  static void createHead(SqlWriter writer, SqlCreate create, String what, SqlIdentifier name, SqlNodeList columns,
      SqlNode comment) {
    writer.keyword(create.getReplace() ? "CREATE OR REPLACE " + what : "CREATE " + what);
    if (create.ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (!columns.isEmpty()) {
      list(writer, columns);
    }
    if (comment != null) {
      writer.keyword("COMMENT");
      comment.unparse(writer, 0, 0);
    }
  }

  /** {@code (a, b, ...)}. */
  static void list(SqlWriter writer, List<? extends SqlNode> nodes) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode node : nodes) {
      writer.sep(",");
      node.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
