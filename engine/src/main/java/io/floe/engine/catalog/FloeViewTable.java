package io.floe.engine.catalog;

import io.floe.catalog.View;
import io.floe.engine.planner.SqlPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A view seen by Calcite: the columns of its current version, and its SQL expanded in place where a statement
 * names it ({@link SqlPlanner#expandView}), so the statement's planner rules (filters into scans, pruning) reach the
 * tables below.
 */
public final class FloeViewTable extends AbstractTable implements TranslatableTable {
  private final View view;

  public FloeViewTable(View view) {
    this.view = view;
  }

  public View view() {
    return view;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeMapping.rowType(view.metadata().schema(), typeFactory);
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.VIEW;
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    SqlPlanner planner = context.getCluster().getPlanner().getContext().unwrap(SqlPlanner.class);
    if (planner == null) {
      throw new IllegalStateException("view " + view.id() + " is expanded by Floe's SqlPlanner only");
    }
    return planner.expandView(this, relOptTable, context.getCluster());
  }
}
