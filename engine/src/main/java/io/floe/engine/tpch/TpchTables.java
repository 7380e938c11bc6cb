package io.floe.engine.tpch;

import io.floe.partition.PartitionSpec;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.Types;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchTable;
import java.util.ArrayList;
import java.util.List;

/**
 * How the TPC-H tables of io.trino.tpch become Floe tables: columns in TPC-H order with field ids 1..n, all
 * required; identifiers BIGINT, integers INTEGER, money DECIMAL(15,2), dates DATE, text VARCHAR; lineitem
 * partitioned by {@code year(l_shipdate)}, orders by {@code year(o_orderdate)}, the rest unpartitioned.
 */
public final class TpchTables {
  private TpchTables() {
  }

  /** The eight tables, in TPC-H order (customer, orders, lineitem, part, partsupp, supplier, nation, region). */
  public static List<TpchTable<?>> all() {
    return TpchTable.getTables();
  }

  /** The names of the eight tables, in TPC-H order. */
  public static List<String> names() {
    return all().stream().map(TpchTable::getTableName).toList();
  }

  /** The Floe schema of {@code table}. */
  public static Schema schema(TpchTable<?> table) {
    List<NestedField> fields = new ArrayList<>();
    for (TpchColumn<?> column : table.getColumns()) {
      fields.add(NestedField.required(fields.size() + 1, column.getColumnName(), type(column)));
    }
    return new Schema(fields);
  }

  /** The partition spec of {@code table} over {@code schema}. */
  public static PartitionSpec spec(TpchTable<?> table, Schema schema) {
    switch (table.getTableName()) {
      case "lineitem":
        return PartitionSpec.builderFor(schema).year("l_shipdate").build();
      case "orders":
        return PartitionSpec.builderFor(schema).year("o_orderdate").build();
      default:
        return PartitionSpec.unpartitioned(schema);
    }
  }

  /**
   * About how many rows {@code table} has at {@code scaleFactor} (exact but for lineitem, which has 1 to 7 lines
   * per order); for progress displays.
   */
  public static long expectedRows(TpchTable<?> table, double scaleFactor) {
    return expectedRows(table.getTableName(), scaleFactor);
  }

  /** {@link #expectedRows(TpchTable, double)} by table name. */
  public static long expectedRows(String table, double scaleFactor) {
    switch (table) {
      case "region":
        return 5;
      case "nation":
        return 25;
      case "supplier":
        return (long) (10_000 * scaleFactor);
      case "customer":
        return (long) (150_000 * scaleFactor);
      case "part":
        return (long) (200_000 * scaleFactor);
      case "partsupp":
        return (long) (800_000 * scaleFactor);
      case "orders":
        return (long) (1_500_000 * scaleFactor);
      case "lineitem":
        return (long) (6_000_000 * scaleFactor);
      default:
        throw new IllegalArgumentException("not a TPC-H table: " + table);
    }
  }

  private static PrimitiveType type(TpchColumn<?> column) {
    switch (column.getType().getBase()) {
      case IDENTIFIER:
        return Types.LONG;
      case INTEGER:
        return Types.INT;
      case DATE:
        return Types.DATE;
      case DOUBLE:
        return Types.decimal(15, 2);
      default:
        return Types.STRING;
    }
  }
}
