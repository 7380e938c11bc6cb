package io.floe.engine.ddl;

import io.floe.partition.PartitionField;
import io.floe.partition.PartitionSpec;
import io.floe.partition.Transform;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Partition fields of {@code PARTITIONED BY} and {@code SET PARTITIONING}: a column (identity) or a transform
 * {@code year|month|day|hour(col)} (plural forms too), {@code bucket(n, col)}, {@code truncate(w, col)},
 * {@code identity(col)}, {@code void(col)}; and their SQL spelling for {@code SHOW CREATE TABLE}.
 */
public final class PartitionFields {
  /** A partition field: a transform of a source column (the column's name as in the schema). */
  public record Field(String column, Transform transform) {
  }

  private PartitionFields() {
  }

  /** The fields written, their columns resolved case-insensitively in {@code schema}. */
  public static List<Field> fields(SqlNodeList written, Schema schema, Object table) throws SQLException {
    List<Field> fields = new ArrayList<>();
    if (written != null) {
      for (SqlNode node : written) {
        fields.add(field(node, schema, table));
      }
    }
    return fields;
  }

  /** The partition spec of {@code fields} over {@code schema}, with Iceberg's default field names. */
  public static PartitionSpec spec(Schema schema, List<Field> fields) {
    PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
    for (Field field : fields) {
      String column = field.column();
      Transform transform = field.transform();
      if (transform instanceof Transform.Bucket bucket) {
        builder.bucket(column, bucket.numBuckets());
      } else if (transform instanceof Transform.Truncate truncate) {
        builder.truncate(column, truncate.width());
      } else if (transform instanceof Transform.Year) {
        builder.year(column);
      } else if (transform instanceof Transform.Month) {
        builder.month(column);
      } else if (transform instanceof Transform.Day) {
        builder.day(column);
      } else if (transform instanceof Transform.Hour) {
        builder.hour(column);
      } else if (transform instanceof Transform.Void) {
        builder.alwaysNull(column);
      } else {
        builder.identity(column);
      }
    }
    return builder.build();
  }

  /** How a field of {@code spec} is written in {@code PARTITIONED BY}. */
  public static String sqlText(PartitionField field, Schema schema) {
    String column = Ddl.quote(schema.findColumnName(field.sourceId()));
    Transform transform = field.transform();
    if (transform instanceof Transform.Identity) {
      return column;
    }
    if (transform instanceof Transform.Bucket bucket) {
      return "bucket(" + bucket.numBuckets() + ", " + column + ")";
    }
    if (transform instanceof Transform.Truncate truncate) {
      return "truncate(" + truncate.width() + ", " + column + ")";
    }
    return transform + "(" + column + ")";
  }

  private static Field field(SqlNode node, Schema schema, Object table) throws SQLException {
    if (node instanceof SqlIdentifier id) {
      return new Field(column(id, schema, table), new Transform.Identity());
    }
    SqlCall call = (SqlCall) node;
    String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
    SqlIdentifier column = null;
    Integer parameter = null;
    for (SqlNode operand : call.getOperandList()) {
      if (operand instanceof SqlIdentifier id && column == null) {
        column = id;
      } else if (operand instanceof SqlLiteral literal && parameter == null) {
        parameter = literal.getValueAs(BigDecimal.class).intValueExact();
      } else {
        throw DdlErrors.invalid("partition field " + node + ": expected a column and at most one number");
      }
    }
    if (column == null) {
      throw DdlErrors.invalid("partition field " + node + " names no column");
    }
    boolean needsParameter = name.equals("bucket") || name.equals("truncate");
    if (needsParameter != (parameter != null)) {
      throw DdlErrors.invalid("partition field " + node + ": " + (needsParameter
          ? name + " needs a number: " + name + "(n, column)" : name + " takes only a column"));
    }
    Transform transform = switch (name) {
      case "identity" -> new Transform.Identity();
      case "bucket" -> new Transform.Bucket(parameter);
      case "truncate" -> new Transform.Truncate(parameter);
      case "year", "years" -> new Transform.Year();
      case "month", "months" -> new Transform.Month();
      case "day", "days" -> new Transform.Day();
      case "hour", "hours" -> new Transform.Hour();
      case "void" -> new Transform.Void();
      default -> throw DdlErrors.invalid("unknown partition transform " + name + " in " + node
          + " (expected identity, year, month, day, hour, bucket, truncate or void)");
    };
    return new Field(column(column, schema, table), transform);
  }

  private static String column(SqlIdentifier id, Schema schema, Object table) throws SQLException {
    NestedField field = schema.findFieldIgnoreCase(id.getSimple());
    if (field == null) {
      throw DdlErrors.unknownColumn(id.getSimple(), table);
    }
    return schema.findColumnName(field.id());
  }
}
