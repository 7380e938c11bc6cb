package io.floe.engine.planner;

import io.floe.catalog.TableIdentifier;
import io.floe.catalog.View;
import io.floe.engine.expr.SqlStateException;
import io.floe.metadata.JsonIO;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

/**
 * Gives a view's expanded query the columns the view declares. Each declared column is the query's column of the
 * name the query gave it when the view was created ({@value #QUERY_COLUMN_NAMES}, as Iceberg's Spark views keep
 * {@code spark.query-column-names}), so a {@code SELECT *} view keeps its columns when the tables below gain one. A
 * view without that property (another engine's) maps by position when the counts agree. A column whose type
 * changed since is cast to the declared type (a column that became NOT NULL too); the others are the query's own
 * columns, so filters on the view's columns reach the scans below. A declared column the query no longer gives, or
 * a NOT NULL one that may now be NULL, makes the view stale.
 */
public final class ViewColumns {
  /** The view property holding the names of its query's columns, a JSON array. */
  public static final String QUERY_COLUMN_NAMES = "floe.query-column-names";
  /** SQLState of a view whose query no longer gives its columns (PostgreSQL's "object not in prerequisite state"). */
  static final String STALE = "55000";

  private ViewColumns() {
  }

  /** The property value recording {@code names}. */
  public static String queryColumnNames(List<String> names) {
    return JsonIO.generate(gen -> {
      gen.writeStartArray();
      for (String name : names) {
        gen.writeString(name);
      }
      gen.writeEndArray();
    });
  }

  static RelNode declared(RelNode query, RelDataType declared, View view) {
    TableIdentifier id = view.id();
    List<RelDataTypeField> actual = query.getRowType().getFieldList();
    List<RelDataTypeField> wanted = declared.getFieldList();
    String recorded = view.metadata().properties().get(QUERY_COLUMN_NAMES);
    List<String> queryNames = new ArrayList<>();
    if (recorded != null) {
      JsonIO.parse(recorded, "property " + QUERY_COLUMN_NAMES + " of view " + id)
          .forEach(n -> queryNames.add(n.asText()));
    }
    boolean byName = queryNames.size() == wanted.size();
    if (!byName && actual.size() != wanted.size()) {
      throw stale(id, "its query now gives " + actual.size() + " columns, the view has " + wanted.size());
    }
    RexBuilder rex = query.getCluster().getRexBuilder();
    List<RexNode> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      RelDataTypeField column = wanted.get(i);
      RelDataTypeField source = byName ? byName(actual, queryNames.get(i), id) : actual.get(i);
      RexNode ref = rex.makeInputRef(query, source.getIndex());
      if (source.getType().isNullable() && !column.getType().isNullable()) {
        throw stale(id, "its column " + column.getName() + " is NOT NULL, but the query's may now be NULL");
      }
      if (!source.getType().equals(column.getType())) {
        ref = rex.makeCast(column.getType(), ref, false, false);
      }
      columns.add(ref);
      names.add(column.getName());
    }
    return RelFactories.LOGICAL_BUILDER.create(query.getCluster(), null).push(query).project(columns, names).build();
  }

  private static RelDataTypeField byName(List<RelDataTypeField> actual, String name, TableIdentifier view) {
    RelDataTypeField found = null;
    for (RelDataTypeField field : actual) {
      if (field.getName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        if (found != null) {
          throw stale(view, "its query now gives two columns named " + name);
        }
        found = field;
      }
    }
    if (found == null) {
      throw stale(view, "its query no longer gives a column named " + name);
    }
    return found;
  }

  private static SqlStateException stale(TableIdentifier view, String why) {
    return new SqlStateException(STALE, "view " + view + " is stale: " + why
        + " (the tables it reads changed since it was created; re-create it with CREATE OR REPLACE VIEW)");
  }
}
