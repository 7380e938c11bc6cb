package io.floe.catalog;

import io.floe.metadata.Snapshot;
import io.floe.table.Table;
import io.floe.table.TableFixtures;
import java.util.HashMap;
import java.util.Map;

/**
 * A writer process for the catalog concurrency tests:
 * {@code CatalogCommitWorker <worker> <commits> <namespace> <table> key=value...} loads the catalog from the
 * properties, then appends {@code commits} batches of 10 rows with ids {@code worker * 1e6 + k}, printing
 * {@code committed <snapshot id>} after each.
 */
public final class CatalogCommitWorker {
  public static final long RANGE = 1_000_000L;

  private CatalogCommitWorker() {
  }

  public static void main(String[] args) {
    int worker = Integer.parseInt(args[0]);
    int commits = Integer.parseInt(args[1]);
    TableIdentifier id = TableIdentifier.of(Namespace.of(args[2]), args[3]);
    try (Catalog catalog = Catalogs.load(properties(args, 4))) {
      run(catalog, id, worker, commits);
    }
  }

  /** The catalog properties {@code key=value} of {@code args[from..]}. */
  static Map<String, String> properties(String[] args, int from) {
    Map<String, String> props = new HashMap<>();
    for (int i = from; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      props.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    return props;
  }

  static void run(Catalog catalog, TableIdentifier id, int worker, int commits) {
    Table table = catalog.loadTable(id);
    for (int k = 0; k < commits; k++) {
      Snapshot s = table.newAppend().appendRecords(TableFixtures.events(worker * RANGE + k * 10L, 10)).commit();
      System.out.println("committed " + s.snapshotId());
      System.out.flush();
    }
  }
}
