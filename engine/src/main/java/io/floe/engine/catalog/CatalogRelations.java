package io.floe.engine.catalog;

import io.floe.catalog.Catalog;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The tables and views of a catalog as client metadata lists them (the JDBC driver's {@code getTables} and
 * {@code getColumns}, Flight SQL's {@code GetTables}): each with its type, {@value #TABLE} or {@value #VIEW}.
 */
public final class CatalogRelations {
  public static final String TABLE = "TABLE";
  public static final String VIEW = "VIEW";
  /** The types, in the order metadata lists them. */
  public static final List<String> TYPES = List.of(TABLE, VIEW);

  /** A table or a view. */
  public record Relation(TableIdentifier id, String type) {
    public boolean isView() {
      return type.equals(VIEW);
    }
  }

  private CatalogRelations() {
  }

  /** The tables and views of {@code namespace} whose names {@code name} accepts, sorted by name. */
  public static List<Relation> in(Catalog catalog, Namespace namespace, Predicate<String> name) {
    List<Relation> relations = new ArrayList<>();
    catalog.listTables(namespace).forEach(id -> relations.add(new Relation(id, TABLE)));
    catalog.listViews(namespace).forEach(id -> relations.add(new Relation(id, VIEW)));
    relations.removeIf(r -> !name.test(r.id().name()));
    relations.sort(Comparator.comparing(r -> r.id().name()));
    return relations;
  }

  /** The columns of a table (its current schema) or a view (its current version's). */
  public static Schema schema(Catalog catalog, Relation relation) {
    return relation.isView() ? catalog.loadView(relation.id()).orElseThrow().metadata().schema()
        : catalog.loadTable(relation.id()).schema();
  }
}
