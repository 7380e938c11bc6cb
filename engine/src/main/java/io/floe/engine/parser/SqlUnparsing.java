package io.floe.engine.parser;

import java.util.List;
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
