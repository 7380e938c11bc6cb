package io.floe.engine.metadata;

import static io.floe.engine.metadata.MetadataColumn.optional;
import static io.floe.engine.metadata.MetadataColumn.required;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.floe.catalog.Catalog;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.catalog.View;
import io.floe.engine.catalog.CatalogRelations;
import io.floe.engine.catalog.CatalogRelations.Relation;
import io.floe.engine.catalog.TypeMapping;
import io.floe.engine.planner.SqlPlanner;
import io.floe.types.NestedField;
import io.floe.view.SqlViewRepresentation;
import io.floe.view.ViewVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * The tables of {@code information_schema} (the SQL standard's names and columns, as in PostgreSQL, Trino and
 * DuckDB), listing the catalog's namespaces ({@code schemata}), tables and views ({@code tables}, type
 * {@code BASE TABLE} or {@code VIEW}), their columns ({@code columns}) and the views' SQL ({@code views}). Nested
 * namespaces are schemas named by their dotted levels. The rows are read from the catalog when the query runs.
 */
public enum InformationSchemaTable {
  SCHEMATA("schemata", InformationSchemaTable::schemata,
      required("catalog_name", VARCHAR), required("schema_name", VARCHAR)),
  TABLES("tables", InformationSchemaTable::tables,
      required("table_catalog", VARCHAR), required("table_schema", VARCHAR), required("table_name", VARCHAR),
      required("table_type", VARCHAR)),
  COLUMNS("columns", InformationSchemaTable::columns,
      required("table_catalog", VARCHAR), required("table_schema", VARCHAR), required("table_name", VARCHAR),
      required("column_name", VARCHAR), required("ordinal_position", INTEGER), required("is_nullable", VARCHAR),
      required("data_type", VARCHAR), optional("comment", VARCHAR)),
  VIEWS("views", InformationSchemaTable::views,
      required("table_catalog", VARCHAR), required("table_schema", VARCHAR), required("table_name", VARCHAR),
      required("view_definition", VARCHAR));

  /** The schema these tables are in. */
  public static final String SCHEMA_NAME = "information_schema";

  private final String tableName;
  private final Function<Catalog, List<Object[]>> rows;
  private final List<MetadataColumn> columns;

  InformationSchemaTable(String tableName, Function<Catalog, List<Object[]>> rows, MetadataColumn... columns) {
    this.tableName = tableName;
    this.rows = rows;
    this.columns = List.of(columns);
  }

  public String tableName() {
    return tableName;
  }

  /** This table over {@code catalog}, for Calcite. */
  public AbstractTable over(Catalog catalog) {
    return new Listing(catalog);
  }

  private final class Listing extends AbstractTable implements TranslatableTable {
    private final Catalog catalog;

    Listing(Catalog catalog) {
      this.catalog = catalog;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
      return MetadataColumn.rowType(columns, factory);
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
      return new MetadataTableScan(context.getCluster(), relOptTable, () -> rows.apply(catalog));
    }
  }

  /** Every namespace of the catalog, parents before children, siblings by name. */
  private static List<Namespace> namespaces(Catalog catalog) {
    List<Namespace> all = new ArrayList<>();
    addBelow(catalog, Namespace.empty(), all);
    return all;
  }

  private static void addBelow(Catalog catalog, Namespace parent, List<Namespace> all) {
    for (Namespace child : catalog.listNamespaces(parent)) {
      all.add(child);
      addBelow(catalog, child, all);
    }
  }

  private static String schemaName(Namespace namespace) {
    return String.join(".", namespace.levels());
  }

  private static List<Object[]> schemata(Catalog catalog) {
    List<Object[]> rows = new ArrayList<>();
    for (Namespace namespace : namespaces(catalog)) {
      rows.add(new Object[] {catalog.name(), schemaName(namespace)});
    }
    return rows;
  }

  private static List<Object[]> tables(Catalog catalog) {
    List<Object[]> rows = new ArrayList<>();
    for (Namespace namespace : namespaces(catalog)) {
      for (Relation relation : CatalogRelations.in(catalog, namespace, name -> true)) {
        rows.add(new Object[] {catalog.name(), schemaName(namespace), relation.id().name(),
            relation.isView() ? "VIEW" : "BASE TABLE"});
      }
    }
    return rows;
  }

  private static List<Object[]> columns(Catalog catalog) {
    List<Object[]> rows = new ArrayList<>();
    for (Namespace namespace : namespaces(catalog)) {
      for (Relation relation : CatalogRelations.in(catalog, namespace, name -> true)) {
        int position = 0;
        for (NestedField field : CatalogRelations.schema(catalog, relation).columns()) {
          position++;
          rows.add(new Object[] {catalog.name(), schemaName(namespace), relation.id().name(), field.name(), position,
              field.isOptional() ? "YES" : "NO", TypeMapping.displayText(field.type()), field.doc()});
        }
      }
    }
    return rows;
  }

  private static List<Object[]> views(Catalog catalog) {
    List<Object[]> rows = new ArrayList<>();
    for (Namespace namespace : namespaces(catalog)) {
      for (TableIdentifier id : catalog.listViews(namespace)) {
        View view = catalog.loadView(id).orElse(null);
        if (view != null) {
          ViewVersion version = view.metadata().currentVersion();
          SqlViewRepresentation sql = version.sqlPreferring(SqlPlanner.VIEW_DIALECT);
          rows.add(new Object[] {catalog.name(), schemaName(namespace), id.name(), sql == null ? "" : sql.sql()});
        }
      }
    }
    return rows;
  }
}
