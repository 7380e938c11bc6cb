package io.floe.catalog;

import io.floe.table.AlreadyExistsException;
import io.floe.types.NestedField;
import io.floe.types.Types;
import io.floe.types.Schema;
import io.floe.view.SqlViewRepresentation;
import io.floe.view.ViewDefinition;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A view writer process for the catalog view tests: {@code ViewCommitWorker <worker> <replaces> <namespace> <view>
 * key=value...} loads the catalog, tries to create the view (printing {@code created} or {@code exists}), then
 * replaces it {@code replaces} times with SQL of its own, printing {@code replaced <sql>} after each.
 */
public final class ViewCommitWorker {
  private ViewCommitWorker() {
  }

  public static void main(String[] args) {
    int worker = Integer.parseInt(args[0]);
    int replaces = Integer.parseInt(args[1]);
    TableIdentifier id = TableIdentifier.of(Namespace.of(args[2]), args[3]);
    try (Catalog catalog = Catalogs.load(CatalogCommitWorker.properties(args, 4))) {
      run(catalog, id, worker, replaces, System.out::println);
    }
  }

  /** The definition {@code SELECT <n> AS id}, keeping 100 versions. */
  public static ViewDefinition definition(String sql, Namespace namespace) {
    Schema schema = new Schema(new NestedField(1, "id", Types.LONG, false, null));
    return new ViewDefinition(schema, new SqlViewRepresentation(sql, "floe"), namespace.levels(),
        Map.of("version.history.num-entries", "100"), Map.of("engine-name", "floe"));
  }

  static void run(Catalog catalog, TableIdentifier id, int worker, int replaces, Consumer<String> out) {
    try {
      catalog.createView(id, definition("SELECT " + worker + " AS id", id.namespace()), false);
      out.accept("created");
    } catch (AlreadyExistsException e) {
      out.accept("exists");
    }
    for (int k = 0; k < replaces; k++) {
      String sql = "SELECT " + (worker * 1000 + k + 100) + " AS id";
      catalog.createView(id, definition(sql, id.namespace()), true);
      out.accept("replaced " + sql);
    }
    System.out.flush();
  }
}
