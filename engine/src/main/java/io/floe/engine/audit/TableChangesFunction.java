package io.floe.engine.audit;

import io.floe.engine.catalog.FloeCalciteTable;
import io.floe.engine.expr.SqlStateException;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code TABLE(table_changes('ns.t', from, to))}: the rows inserted and deleted by the snapshots of a table after
 * {@code from} up to {@code to} (see {@link TableChanges}). {@code from} and {@code to} are snapshot ids or
 * timestamps (the snapshot current then); a NULL {@code from} means since the table's creation, a NULL {@code to}
 * its current snapshot. The table name is resolved like a table name in the query (unqualified: the default schema).
 */
public final class TableChangesFunction extends SqlFunction implements SqlTableFunction {
  public static final String NAME = "TABLE_CHANGES";

  private final SchemaPlus defaultSchema;

  /** The function over the tables reachable from {@code defaultSchema}. */
  public TableChangesFunction(SchemaPlus defaultSchema) {
    super(NAME, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null,
        OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.ANY, SqlTypeFamily.ANY),
        SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    this.defaultSchema = defaultSchema;
  }

  @Override
  public SqlReturnTypeInference getRowTypeInference() {
    return this::rowType;
  }

  private RelDataType rowType(SqlOperatorBinding binding) {
    String name = binding.getOperandLiteralValue(0, String.class);
    if (name == null) {
      throw new UnsupportedOperationException("not supported: " + NAME + " with a table name that is not a string"
          + " literal");
    }
    RelDataTypeFactory factory = binding.getTypeFactory();
    RelDataTypeFactory.Builder builder = factory.builder().addAll(resolve(name).getRowType(factory).getFieldList());
    builder.add(TableChanges.CHANGE_COLUMNS.get(0), SqlTypeName.VARCHAR);
    builder.add(TableChanges.CHANGE_COLUMNS.get(1), SqlTypeName.INTEGER);
    builder.add(TableChanges.CHANGE_COLUMNS.get(2), SqlTypeName.BIGINT);
    builder.add(TableChanges.CHANGE_COLUMNS.get(3), factory.createTypeWithNullability(
        factory.createSqlType(SqlTypeName.VARCHAR), true));
    builder.add(TableChanges.CHANGE_COLUMNS.get(4),
        factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6));
    return builder.build();
  }

  /** The Floe table {@code name} ({@code t}, {@code ns.t}, ...) names; fails with 42S02 if there is none. */
  public FloeCalciteTable resolve(String name) {
    List<String> parts = List.of(name.split("\\."));
    SchemaPlus root = defaultSchema;
    while (root.getParentSchema() != null) {
      root = root.getParentSchema();
    }
    FloeCalciteTable table = lookup(defaultSchema, parts);
    if (table == null) {
      table = lookup(root, parts);
    }
    if (table == null) {
      throw new SqlStateException("42S02", "Table '" + name + "' not found (in " + NAME + ")");
    }
    return table;
  }

  private static FloeCalciteTable lookup(SchemaPlus start, List<String> parts) {
    SchemaPlus schema = start;
    for (String part : parts.subList(0, parts.size() - 1)) {
      Named<? extends SchemaPlus> child = schema.subSchemas().getIgnoreCase(part);
      if (child == null) {
        return null;
      }
      schema = child.entity();
    }
    Named<Table> table = schema.tables().getIgnoreCase(parts.get(parts.size() - 1));
    return table != null && table.entity() instanceof FloeCalciteTable floe ? floe : null;
  }
}
