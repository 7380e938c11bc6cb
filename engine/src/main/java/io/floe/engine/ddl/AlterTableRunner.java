package io.floe.engine.ddl;

import io.floe.catalog.TableIdentifier;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.catalog.TypeMapping;
import io.floe.engine.parser.SqlAlterTable;
import io.floe.engine.parser.SqlColumnDefinition;
import io.floe.engine.statement.StatementRunner;
import io.floe.partition.PartitionField;
import io.floe.table.Table;
import io.floe.table.UpdatePartitionSpec;
import io.floe.table.UpdateProperties;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code ALTER TABLE}: add, drop, rename and widen columns (schema evolution by field id: existing files are not
 * rewritten), rename the table, replace the partitioning (spec evolution: fields no longer listed are removed, new
 * ones added) and set properties. Each statement commits one new metadata version.
 */
public final class AlterTableRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlAlterTable;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    SqlAlterTable alter = (SqlAlterTable) statement;
    Ddl.requireNoTransaction(session, "ALTER TABLE");
    TableIdentifier id = Names.existingTable(session, alter.table);
    try {
      Table table = session.catalog().loadTable(id);
      switch (alter.action) {
        case ADD_COLUMN -> addColumn(table, alter.definition, id);
        case DROP_COLUMN -> table.updateSchema().deleteColumn(column(table, alter.column, id)).commit();
        case RENAME_COLUMN ->
            table.updateSchema().renameColumn(column(table, alter.column, id), alter.newName.getSimple()).commit();
        case ALTER_COLUMN_TYPE -> alterType(table, alter, id);
        case RENAME_TABLE -> renameTable(session, id, alter.newName);
        case SET_PARTITIONING -> setPartitioning(table, alter, id);
        case SET_PROPERTIES -> setProperties(table, Ddl.properties(alter.properties));
        default -> throw new AssertionError(alter.action);
      }
    } catch (RuntimeException e) {
      throw DdlErrors.of(e);
    }
    return QueryResult.ofUpdateCount(0);
  }

  private static void setProperties(Table table, Map<String, String> properties) {
    UpdateProperties update = table.updateProperties();
    properties.forEach(update::set);
    update.commit();
  }

  private static void addColumn(Table table, SqlColumnDefinition definition, TableIdentifier id)
      throws SQLException {
    String name = definition.name.getSimple();
    if (table.schema().findFieldIgnoreCase(name) != null) {
      throw DdlErrors.invalid("column " + name + " already exists in table " + id);
    }
    PrimitiveType type = Ddl.columnType(definition);
    if (definition.notNull) {
      table.updateSchema().addRequiredColumn(name, type).commit();
    } else {
      table.updateSchema().addColumn(name, type, definition.commentText()).commit();
    }
  }

  private static void alterType(Table table, SqlAlterTable alter, TableIdentifier id) throws SQLException {
    String column = column(table, alter.column, id);
    PrimitiveType from = (PrimitiveType) table.schema().findField(column).type();
    PrimitiveType to;
    try {
      to = TypeMapping.floeType(alter.type);
    } catch (UnsupportedOperationException e) {
      throw DdlErrors.notSupported("column type " + alter.type);
    }
    if (from.equals(to)) {
      return;
    }
    try {
      table.updateSchema().updateColumn(column, to).commit();
    } catch (IllegalArgumentException e) {
      throw new SQLException("cannot change column " + column + " of table " + id + " from "
          + TypeMapping.sqlText(from) + " to " + TypeMapping.sqlText(to) + ": only int to bigint, real to double and"
          + " decimal(p, s) to decimal(p2, s) with p2 > p widen a column (" + e.getMessage() + ")", "42000", e);
    }
  }

  private static void renameTable(FloeSession session, TableIdentifier from, SqlIdentifier newName)
      throws SQLException {
    TableIdentifier to = newName.names.size() == 1
        ? TableIdentifier.of(from.namespace(), newName.getSimple()) : Names.newTable(session, newName);
    if (session.catalog().tableExists(to)) {
      throw new SQLException("table " + to + " already exists", DdlErrors.TABLE_EXISTS);
    }
    session.catalog().renameTable(from, to);
  }

  private static void setPartitioning(Table table, SqlAlterTable alter, TableIdentifier id) throws SQLException {
    Schema schema = table.schema();
    List<PartitionFields.Field> wanted = PartitionFields.fields(alter.partitionBy, schema, id);
    List<PartitionField> current = table.spec().fields();
    UpdatePartitionSpec update = table.updateSpec();
    boolean changed = false;
    for (PartitionField field : current) {
      if (!wanted.contains(new PartitionFields.Field(schema.findColumnName(field.sourceId()), field.transform()))) {
        update.removeField(field.name());
        changed = true;
      }
    }
    for (PartitionFields.Field field : wanted) {
      int sourceId = schema.findField(field.column()).id();
      boolean present = current.stream()
          .anyMatch(f -> f.sourceId() == sourceId && f.transform().equals(field.transform()));
      if (!present) {
        update.addField(field.transform(), field.column());
        changed = true;
      }
    }
    if (changed) {
      update.commit();
    }
  }

  private static String column(Table table, SqlIdentifier column, TableIdentifier id) throws SQLException {
    NestedField field = table.schema().findFieldIgnoreCase(column.getSimple());
    if (field == null) {
      throw DdlErrors.unknownColumn(column.getSimple(), id);
    }
    return table.schema().findColumnName(field.id());
  }
}
