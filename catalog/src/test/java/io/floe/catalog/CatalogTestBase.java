package io.floe.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.floe.data.Record;
import io.floe.io.FileIO;
import io.floe.io.FileInfo;
import io.floe.io.SupportsListing;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.table.AlreadyExistsException;
import io.floe.table.ChildJvm;
import io.floe.table.NoSuchTableException;
import io.floe.table.Table;
import io.floe.table.TableFixtures;
import io.floe.types.NestedField;
import io.floe.types.Types;
import io.floe.types.Schema;
import io.floe.view.SqlViewRepresentation;
import io.floe.view.ViewDefinition;
import io.floe.view.ViewHistoryEntry;
import io.floe.view.ViewMetadata;
import io.floe.view.ViewVersion;
import io.floe.table.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every catalog shares, run against each implementation by a subclass that says how to configure it
 * ({@link #catalogProperties}). Everything goes through {@link Catalogs#load}, in this JVM and in child JVMs, so a
 * new backend (another FileIO, another database) is one more subclass.
 */
public abstract class CatalogTestBase {
  private static final AtomicInteger CATALOG_COUNTER = new AtomicInteger();
  /** Patient retries for the concurrency tests: many writers on one table lose many races. */
  protected static final Map<String, String> PATIENT = Map.of("commit.retry.num-retries", "500",
      "commit.retry.min-wait-ms", "2", "commit.retry.max-wait-ms", "100");
  protected static final Namespace NS = Namespace.of("db");

  @TempDir
  protected Path root;

  protected String catalogName;
  protected Catalog catalog;

  /**
   * The properties of a catalog named {@code catalogName} for this test: its warehouse must be {@link #warehouse()}.
   * Child JVMs load the same map.
   */
  protected abstract Map<String, String> catalogProperties(String catalogName);

  /** The directory (or bucket) whose listing must show every file the test wrote; the warehouse lies below it. */
  protected String storeRoot() {
    return root.resolve("store").toString();
  }

  /** The warehouse: two levels below {@link #storeRoot()}, so a name escaping it by a level or two is seen. */
  protected String warehouse() {
    return storeRoot() + "/x/y/warehouse";
  }

  /** Whether the catalog renames tables (else it must refuse with "not supported"). */
  protected abstract boolean supportsRename();

  /** Hostile table names this catalog must store verbatim (others it may refuse with a clear error). */
  protected abstract List<String> tableNamesStoredVerbatim();

  /** Checks the catalog's own store after the hostile-name test: it holds exactly {@code tables} of this catalog. */
  protected void assertStoreHoldsExactly(Set<TableIdentifier> tables) {
    assertEquals(new TreeSet<>(names(tables)), new TreeSet<>(names(catalog.listTables(NS))));
  }

  /** Opens a catalog in this JVM; child JVMs always use {@link Catalogs#load(Map)} on the same properties. */
  protected Catalog loadCatalog(Map<String, String> properties) {
    return Catalogs.load(properties);
  }

  /** A FileIO on the test's store, for checking files directly. */
  protected FileIO newFileIO() {
    return FileIOs.load(warehouse(), catalogProperties(catalogName));
  }

  @BeforeEach
  void openCatalog() {
    catalogName = "c" + CATALOG_COUNTER.incrementAndGet();
    catalog = loadCatalog(catalogProperties(catalogName));
  }

  @AfterEach
  void closeCatalog() {
    if (catalog != null) {
      catalog.close();
    }
  }

  protected Catalog openAnother() {
    return loadCatalog(catalogProperties(catalogName));
  }

  protected Table createEvents(TableIdentifier id, Map<String, String> props) {
    if (!catalog.namespaceExists(id.namespace())) {
      catalog.createNamespace(id.namespace());
    }
    return catalog.createTable(id, TableFixtures.EVENTS,
        PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(), props);
  }

  // ---- namespaces ----

  @Test
  void namespacesAreCreatedListedAndDroppedWithTheirProperties() {
    assertTrue(catalog.namespaceExists(Namespace.empty()));
    assertFalse(catalog.namespaceExists(Namespace.of("sales")));
    catalog.createNamespace(Namespace.of("sales"), Map.of("owner", "ana", "comment", "it's \"quoted\""));
    assertTrue(catalog.namespaceExists(Namespace.of("sales")));
    assertEquals(Map.of("owner", "ana", "comment", "it's \"quoted\""), catalog.loadNamespaceProperties(Namespace.of("sales")));

    catalog.setNamespaceProperties(Namespace.of("sales"), Map.of("owner", "bo", "tier", "gold"));
    catalog.removeNamespaceProperties(Namespace.of("sales"), Set.of("comment", "missing"));
    assertEquals(Map.of("owner", "bo", "tier", "gold"), catalog.loadNamespaceProperties(Namespace.of("sales")));

    catalog.createNamespace(Namespace.of("sales", "eu"));
    catalog.createNamespace(Namespace.of("sales", "us"));
    catalog.createNamespace(Namespace.of("sales", "eu", "fr"));
    catalog.createNamespace(Namespace.of("hr"));
    assertEquals(List.of(Namespace.of("hr"), Namespace.of("sales")), catalog.listNamespaces());
    assertEquals(List.of(Namespace.of("sales", "eu"), Namespace.of("sales", "us")), catalog.listNamespaces(Namespace.of("sales")));
    assertEquals(List.of(Namespace.of("sales", "eu", "fr")), catalog.listNamespaces(Namespace.of("sales", "eu")));
    assertEquals(Map.of(), catalog.loadNamespaceProperties(Namespace.of("sales", "eu")));

    AlreadyExistsException exists = assertThrows(AlreadyExistsException.class,
        () -> catalog.createNamespace(Namespace.of("sales", "eu")));
    assertTrue(exists.getMessage().contains("sales.eu"), exists.getMessage());
    NoSuchNamespaceException noParent = assertThrows(NoSuchNamespaceException.class,
        () -> catalog.createNamespace(Namespace.of("finance", "q1")));
    assertTrue(noParent.getMessage().contains("finance"), noParent.getMessage());

    NamespaceNotEmptyException notEmpty = assertThrows(NamespaceNotEmptyException.class,
        () -> catalog.dropNamespace(Namespace.of("sales", "eu")));
    assertTrue(notEmpty.getMessage().contains("sales.eu") && notEmpty.getMessage().contains("sales.eu.fr"),
        notEmpty.getMessage());
    catalog.dropNamespace(Namespace.of("sales", "eu", "fr"));
    catalog.dropNamespace(Namespace.of("sales", "eu"));
    assertFalse(catalog.namespaceExists(Namespace.of("sales", "eu")));
    assertEquals(List.of(Namespace.of("sales", "us")), catalog.listNamespaces(Namespace.of("sales")));
    assertEquals(Map.of("owner", "bo", "tier", "gold"), catalog.loadNamespaceProperties(Namespace.of("sales")),
        "dropping a child leaves the parent's properties");

    NoSuchNamespaceException missing = assertThrows(NoSuchNamespaceException.class,
        () -> catalog.loadNamespaceProperties(Namespace.of("nope")));
    assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
    assertThrows(NoSuchNamespaceException.class, () -> catalog.dropNamespace(Namespace.of("nope")));
    assertThrows(NoSuchNamespaceException.class, () -> catalog.listNamespaces(Namespace.of("nope")));
    assertThrows(NoSuchNamespaceException.class, () -> catalog.setNamespaceProperties(Namespace.of("nope"), Map.of("a", "b")));
    assertThrows(IllegalArgumentException.class, () -> catalog.dropNamespace(Namespace.empty()));
  }

  @Test
  void aNamespaceWithATableIsNotDropped() {
    createEvents(TableIdentifier.of(NS, "t"), Map.of());
    NamespaceNotEmptyException e = assertThrows(NamespaceNotEmptyException.class, () -> catalog.dropNamespace(NS));
    assertTrue(e.getMessage().contains("db") && e.getMessage().contains("t"), e.getMessage());
    assertTrue(catalog.tableExists(TableIdentifier.of(NS, "t")), "the refused drop lost nothing");
    catalog.dropTable(TableIdentifier.of(NS, "t"), true);
    catalog.dropNamespace(NS);
    assertFalse(catalog.namespaceExists(NS));
  }

  // ---- tables ----

  @Test
  void tablesAreCreatedLoadedListedAndCommittedThroughTheCatalog() {
    TableIdentifier id = TableIdentifier.of(NS, "events");
    Table created = createEvents(id, Map.of("owner", "ana"));
    assertTrue(catalog.tableExists(id));
    assertFalse(catalog.tableExists(TableIdentifier.of(NS, "other")));
    created.newAppend().appendRecords(TableFixtures.events(0, 20)).commit();

    Table loaded = catalog.loadTable(id);
    assertEquals("ana", loaded.properties().get("owner"));
    assertEquals(TableFixtures.EVENTS.asStruct(), loaded.schema().asStruct());
    assertEquals(1, loaded.spec().fields().size());
    assertEquals(20, loaded.newScan().records().size());

    Table viaOps = new Table(catalog.newTableOps(id));
    viaOps.newAppend().appendRecords(TableFixtures.events(100, 5)).commit();
    loaded.newAppend().appendRecords(TableFixtures.events(200, 5)).commit(); // stale: retried on the new base
    Table again = catalog.loadTable(id);
    assertEquals(3, again.snapshots().size());
    assertEquals(30, again.newScan().records().size());

    createEvents(TableIdentifier.of(NS, "alpha"), Map.of());
    catalog.createNamespace(Namespace.of("db", "inner"));
    createEvents(TableIdentifier.of(Namespace.of("db", "inner"), "hidden"), Map.of());
    assertEquals(List.of(TableIdentifier.of(NS, "alpha"), id), catalog.listTables(NS), "only the namespace's own tables");

    AlreadyExistsException dup = assertThrows(AlreadyExistsException.class, () -> createEvents(id, Map.of()));
    assertTrue(dup.getMessage().contains("db.events"), dup.getMessage());
    assertEquals(30, catalog.loadTable(id).newScan().records().size(), "the refused create lost nothing");
    NoSuchTableException noTable = assertThrows(NoSuchTableException.class,
        () -> catalog.loadTable(TableIdentifier.of(NS, "missing")));
    assertTrue(noTable.getMessage().contains("db.missing"), noTable.getMessage());
    NoSuchNamespaceException noNs = assertThrows(NoSuchNamespaceException.class,
        () -> catalog.createTable(TableIdentifier.of(Namespace.of("nope"), "t"), TableFixtures.EVENTS));
    assertTrue(noNs.getMessage().contains("nope"), noNs.getMessage());
    assertThrows(NoSuchNamespaceException.class, () -> catalog.listTables(Namespace.of("nope")));
    assertThrows(IllegalArgumentException.class, () -> catalog.createTable(TableIdentifier.of(Namespace.empty(), "t"),
        TableFixtures.EVENTS));
  }

  @Test
  void anotherCatalogInstanceSeesCommits() {
    TableIdentifier id = TableIdentifier.of(NS, "shared");
    createEvents(id, Map.of());
    try (Catalog other = openAnother()) {
      assertEquals(List.of(id), other.listTables(NS));
      other.loadTable(id).newAppend().appendRecords(TableFixtures.events(0, 7)).commit();
    }
    assertEquals(7, catalog.loadTable(id).newScan().records().size());
  }

  @Test
  void dropWithoutPurgeKeepsTheDataAndWithPurgeDeletesIt() throws Exception {
    TableIdentifier kept = TableIdentifier.of(NS, "kept");
    TableIdentifier purged = TableIdentifier.of(NS, "purged");
    Table k = createEvents(kept, Map.of());
    k.newAppend().appendRecords(TableFixtures.events(0, 10)).commit();
    Table p = createEvents(purged, Map.of());
    p.newAppend().appendRecords(TableFixtures.events(0, 10)).commit();
    p.newAppend().appendRecords(TableFixtures.events(10, 10)).commit();
    List<String> keptData = dataFiles(catalog.loadTable(kept));
    List<String> purgedData = dataFiles(catalog.loadTable(purged));
    String purgedMetadata = catalog.loadTable(purged).metadata().metadataFileLocation();

    assertTrue(catalog.dropTable(kept, false));
    assertTrue(catalog.dropTable(purged, true));
    assertFalse(catalog.dropTable(purged, true), "a second drop finds nothing");
    assertFalse(catalog.tableExists(kept));
    assertFalse(catalog.tableExists(purged));
    assertEquals(List.of(), catalog.listTables(NS));
    assertThrows(NoSuchTableException.class, () -> catalog.loadTable(kept));

    FileIO io = newFileIO();
    for (String f : keptData) {
      assertTrue(io.newInputFile(f).exists(), "drop without purge keeps " + f);
    }
    for (String f : purgedData) {
      assertFalse(io.newInputFile(f).exists(), "purge deletes " + f);
    }
    assertFalse(io.newInputFile(purgedMetadata).exists(), "purge deletes the metadata file");

    Table recreated = createEvents(kept, Map.of());
    assertEquals(0, recreated.newScan().records().size(), "the name is free again, for a new empty table");
  }

  @Test
  void anExistingTableIsRegisteredByItsMetadataFile() {
    FileIO io = newFileIO();
    Table external = new Tables(io).create(TableFixtures.EVENTS, PartitionSpec.unpartitioned(TableFixtures.EVENTS),
        warehouse() + "/external/source");
    external.newAppend().appendRecords(TableFixtures.events(0, 12)).commit();
    String metadataFile = external.refresh().metadata().metadataFileLocation();

    catalog.createNamespace(NS);
    TableIdentifier id = TableIdentifier.of(NS, "registered");
    Table registered = catalog.registerTable(id, metadataFile);
    assertEquals(12, registered.newScan().records().size());
    assertEquals(external.currentSnapshot().snapshotId(), catalog.loadTable(id).currentSnapshot().snapshotId());
    registered.newAppend().appendRecords(TableFixtures.events(100, 3)).commit();
    assertEquals(15, catalog.loadTable(id).newScan().records().size());

    assertThrows(AlreadyExistsException.class, () -> catalog.registerTable(id, metadataFile));
    RuntimeException bad = assertThrows(RuntimeException.class,
        () -> catalog.registerTable(TableIdentifier.of(NS, "bad"), warehouse() + "/no/such.metadata.json"));
    assertTrue(bad.getMessage().contains("no/such.metadata.json"), bad.getMessage());
    assertFalse(catalog.tableExists(TableIdentifier.of(NS, "bad")));
  }

  @Test
  void renameMovesTheTableOrIsRefusedClearly() {
    TableIdentifier from = TableIdentifier.of(NS, "old_name");
    TableIdentifier to = TableIdentifier.of(Namespace.of("other"), "new_name");
    createEvents(from, Map.of()).newAppend().appendRecords(TableFixtures.events(0, 4)).commit();
    catalog.createNamespace(Namespace.of("other"));
    if (!supportsRename()) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> catalog.renameTable(from, to));
      assertTrue(e.getMessage().startsWith("not supported: rename"), e.getMessage());
      assertEquals(4, catalog.loadTable(from).newScan().records().size(), "the refused rename lost nothing");
      return;
    }
    catalog.renameTable(from, to);
    assertFalse(catalog.tableExists(from));
    assertEquals(4, catalog.loadTable(to).newScan().records().size());
    catalog.loadTable(to).newAppend().appendRecords(TableFixtures.events(10, 1)).commit();
    assertEquals(5, catalog.loadTable(to).newScan().records().size());
    assertThrows(NoSuchTableException.class, () -> catalog.renameTable(from, to));
    createEvents(from, Map.of());
    assertThrows(AlreadyExistsException.class, () -> catalog.renameTable(from, to));
    assertEquals(5, catalog.loadTable(to).newScan().records().size(), "the refused rename lost nothing");
    assertThrows(NoSuchNamespaceException.class, () -> catalog.renameTable(to, TableIdentifier.of(Namespace.of("nope"), "x")));
  }

  // ---- concurrency ----

  @Test
  void threadsCommittingThroughTheCatalogLoseNothing() throws Exception {
    TableIdentifier id = TableIdentifier.of(NS, "threads");
    createEvents(id, PATIENT);
    int writers = 4;
    int appends = 5;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int worker = w;
      futures.add(pool.submit(() -> {
        try (Catalog own = openAnother()) {
          CatalogCommitWorker.run(own, id, worker, appends);
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertCommitted(catalog.loadTable(id), writers, appends);
  }

  @Test
  void processesCommittingThroughTheCatalogLoseNothing() throws Exception {
    TableIdentifier id = TableIdentifier.of(NS, "processes");
    createEvents(id, PATIENT);
    int writers = 4;
    int appends = 5;
    Set<Long> reported = new HashSet<>();
    for (String log : runWorkers(CatalogCommitWorker.class, writers, appends, "processes")) {
      for (String line : log.split("\n")) {
        if (line.startsWith("committed ")) {
          reported.add(Long.parseLong(line.substring("committed ".length()).trim()));
        }
      }
    }
    Table table = catalog.loadTable(id);
    assertCommitted(table, writers, appends);
    assertEquals(writers * appends, reported.size());
    for (long snapshotId : reported) {
      assertNotNull(table.snapshot(snapshotId), "reported snapshot " + snapshotId + " is in the table");
    }
  }

  /**
   * Runs {@code writers} child JVMs of {@code worker} ({@code main(<w> <count> db <name> catalog properties...)}) at
   * once; their logs, each checked to have ended well.
   */
  private List<String> runWorkers(Class<?> worker, int writers, int count, String name) throws Exception {
    List<Process> processes = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      List<String> args = new ArrayList<>(List.of(Integer.toString(w), Integer.toString(count), "db", name));
      for (Map.Entry<String, String> e : catalogProperties(catalogName).entrySet()) {
        args.add(e.getKey() + "=" + e.getValue());
      }
      processes.add(ChildJvm.start(worker, root.resolve(name + "-worker-" + w + ".log"), args.toArray(new String[0])));
    }
    List<String> logs = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      Process p = processes.get(w);
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "worker " + w + " finished");
      String log = Files.readString(root.resolve(name + "-worker-" + w + ".log"));
      assertEquals(0, p.exitValue(), "worker " + w + " failed: " + log);
      logs.add(log);
    }
    return logs;
  }

  private static void assertCommitted(Table table, int writers, int appends) {
    assertEquals(writers * appends, table.snapshots().size(), "one snapshot per commit, none lost");
    List<Record> rows = table.newScan().records();
    Set<Long> ids = new HashSet<>();
    for (Record r : rows) {
      ids.add(TableFixtures.id(r));
    }
    assertEquals(writers * appends * 10, rows.size(), "every row, none twice");
    assertEquals(writers * appends * 10, ids.size());
    for (int w = 0; w < writers; w++) {
      for (int k = 0; k < appends * 10; k++) {
        assertTrue(ids.contains(w * CatalogCommitWorker.RANGE + k), "row " + (w * CatalogCommitWorker.RANGE + k));
      }
    }
  }

  // ---- views ----

  @Test
  void viewsAreCreatedLoadedListedReplacedAndDropped() {
    catalog.createNamespace(NS);
    TableIdentifier id = TableIdentifier.of(NS, "recent");
    ViewDefinition first = ViewCommitWorker.definition("SELECT 1 AS id", NS);
    View created = catalog.createView(id, first, false);
    assertEquals(List.of(id), catalog.listViews(NS));
    assertEquals(List.of(), catalog.listTables(NS), "a view is not a table");
    assertFalse(catalog.tableExists(id));
    View loaded = catalog.loadView(id).orElseThrow();
    assertEquals(created.metadataFileLocation(), loaded.metadataFileLocation());
    ViewVersion version = loaded.metadata().currentVersion();
    assertEquals(1, version.versionId());
    assertEquals("SELECT 1 AS id", version.sql("FLOE").orElseThrow().sql());
    assertEquals(List.of("db"), version.defaultNamespace());
    assertEquals(List.of("id"), loaded.metadata().schema().columns().stream().map(f -> f.name()).toList());

    AlreadyExistsException exists = assertThrows(AlreadyExistsException.class,
        () -> catalog.createView(id, ViewCommitWorker.definition("SELECT 2 AS id", NS), false));
    assertTrue(exists.getMessage().contains("db.recent"), exists.getMessage());
    Schema wider = new Schema(new NestedField(1, "id", Types.LONG, false, null),
        new NestedField(2, "name", Types.STRING, false, null));
    catalog.createView(id, new ViewDefinition(wider, new SqlViewRepresentation("SELECT 2 AS id, 'b' AS name", "floe"),
        NS.levels(), Map.of("comment", "two"), Map.of()), true);
    ViewMetadata replaced;
    try (Catalog other = openAnother()) {
      replaced = other.loadView(id).orElseThrow().metadata();
    }
    assertEquals(loaded.metadata().uuid(), replaced.uuid(), "a replaced view keeps its UUID");
    assertEquals(2, replaced.currentVersionId());
    assertEquals(2, replaced.versions().size());
    assertEquals(2, replaced.schemas().size());
    assertEquals(Map.of("comment", "two"), replaced.properties());
    assertEquals(2, replaced.schema().columns().size());

    ViewMetadata back = catalog.createView(id, first, true).metadata();
    assertEquals(1, back.currentVersionId(), "the same definition again is its old version");
    assertEquals(2, back.versions().size());
    assertEquals(List.of(1, 2, 1), back.versionLog().stream().map(ViewHistoryEntry::versionId).toList());

    NamespaceNotEmptyException notEmpty = assertThrows(NamespaceNotEmptyException.class,
        () -> catalog.dropNamespace(NS));
    assertTrue(notEmpty.getMessage().contains("recent"), notEmpty.getMessage());
    assertTrue(catalog.dropView(id));
    assertTrue(catalog.loadView(id).isEmpty());
    assertEquals(List.of(), catalog.listViews(NS));
    assertFalse(catalog.dropView(id));
    catalog.dropNamespace(NS);
  }

  @Test
  void aViewAndATableCannotShareAName() {
    TableIdentifier table = TableIdentifier.of(NS, "events");
    createEvents(table, Map.of());
    AlreadyExistsException onTable = assertThrows(AlreadyExistsException.class,
        () -> catalog.createView(table, ViewCommitWorker.definition("SELECT 1 AS id", NS), true));
    assertTrue(onTable.getMessage().contains("a table of that name exists"), onTable.getMessage());
    assertTrue(catalog.loadView(table).isEmpty());
    assertFalse(catalog.dropView(table), "DROP VIEW does not drop a table");
    assertTrue(catalog.tableExists(table));

    TableIdentifier view = TableIdentifier.of(NS, "v");
    catalog.createView(view, ViewCommitWorker.definition("SELECT 1 AS id", NS), false);
    AlreadyExistsException onView = assertThrows(AlreadyExistsException.class, () -> createEvents(view, Map.of()));
    assertTrue(onView.getMessage().contains("a view of that name exists"), onView.getMessage());
    assertFalse(catalog.dropTable(view, false), "DROP TABLE does not drop a view");
    assertTrue(catalog.loadView(view).isPresent());
  }

  @Test
  void threadsCreatingAndReplacingAViewHaveOneCreatorAndLoseNoVersion() throws Exception {
    catalog.createNamespace(NS);
    TableIdentifier id = TableIdentifier.of(NS, "raced");
    int writers = 4;
    int replaces = 3;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<List<String>>> futures = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int worker = w;
      futures.add(pool.submit(() -> {
        List<String> out = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Catalog own = openAnother()) {
          ViewCommitWorker.run(own, id, worker, replaces, out::add);
        }
        return out;
      }));
    }
    List<String> lines = new ArrayList<>();
    for (Future<List<String>> f : futures) {
      lines.addAll(f.get(5, TimeUnit.MINUTES));
    }
    pool.shutdown();
    assertViewRaceOutcome(id, lines, writers, replaces);
  }

  @Test
  void processesCreatingAndReplacingAViewHaveOneCreatorAndLoseNoVersion() throws Exception {
    catalog.createNamespace(NS);
    int writers = 3;
    int replaces = 3;
    List<String> lines = new ArrayList<>();
    for (String log : runWorkers(ViewCommitWorker.class, writers, replaces, "raced")) {
      for (String line : log.split("\n")) {
        if (line.equals("created") || line.equals("exists") || line.startsWith("replaced ")) {
          lines.add(line);
        }
      }
    }
    assertViewRaceOutcome(TableIdentifier.of(NS, "raced"), lines, writers, replaces);
  }

  /** One writer created the view; every replace a writer reported is a version of it, and the log has them all. */
  private void assertViewRaceOutcome(TableIdentifier id, List<String> lines, int writers, int replaces) {
    assertEquals(1, lines.stream().filter(l -> l.equals("created")).count(), "exactly one creator: " + lines);
    assertEquals(writers - 1, lines.stream().filter(l -> l.equals("exists")).count(), lines.toString());
    ViewMetadata metadata = catalog.loadView(id).orElseThrow().metadata();
    Set<String> versions = new HashSet<>();
    for (ViewVersion v : metadata.versions()) {
      versions.add(v.sql("floe").orElseThrow().sql());
    }
    List<String> reported = lines.stream().filter(l -> l.startsWith("replaced ")).map(l -> l.substring(9)).toList();
    assertEquals(writers * replaces, reported.size());
    assertTrue(versions.containsAll(reported), "every reported replace is a version: " + versions);
    assertEquals(1 + writers * replaces, metadata.versions().size());
    assertEquals(1 + writers * replaces, metadata.versionLog().size(), "one log entry per commit");
  }

  // ---- multi-table transactions ----

  @Test
  void multiTableTransactionsAreAtomicOrRefusedClearly() {
    TableIdentifier a = TableIdentifier.of(NS, "a_first");
    TableIdentifier b = TableIdentifier.of(NS, "b_second");
    createEvents(a, Map.of());
    createEvents(b, Map.of());
    if (!catalog.supportsMultiTableTransactions()) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, catalog::newTransaction);
      assertTrue(e.getMessage().startsWith("not supported: multi-table transactions"), e.getMessage());
      return;
    }
    CatalogTransaction tx = catalog.newTransaction();
    tx.table(a).newAppend().appendRecords(TableFixtures.events(0, 10)).commit();
    tx.table(b).newAppend().appendRecords(TableFixtures.events(100, 5)).commit();
    tx.table(b).newAppend().appendRecords(TableFixtures.events(200, 5)).commit();
    assertEquals(0, catalog.loadTable(a).snapshots().size(), "staged commits are invisible before commit()");
    assertEquals(0, catalog.loadTable(b).snapshots().size());
    assertEquals(10, tx.table(b).newScan().records().size(), "the transaction sees its own staged commits");
    tx.commit();
    assertEquals(10, catalog.loadTable(a).newScan().records().size());
    assertEquals(2, catalog.loadTable(b).snapshots().size());
    assertEquals(10, catalog.loadTable(b).newScan().records().size());
    assertThrows(IllegalStateException.class, () -> tx.table(a));
  }

  @Test
  void aTransactionWhoseSecondTableMovedChangesNeitherTable() {
    assertTransactionFailsWhenOneTableMoves("b_second");
  }

  @Test
  void aTransactionWhoseFirstTableMovedChangesNeitherTable() {
    assertTransactionFailsWhenOneTableMoves("a_first");
  }

  private void assertTransactionFailsWhenOneTableMoves(String moved) {
    assumeTrue(catalog.supportsMultiTableTransactions(), "the catalog refuses transactions (tested above)");
    TableIdentifier a = TableIdentifier.of(NS, "a_first");
    TableIdentifier b = TableIdentifier.of(NS, "b_second");
    createEvents(a, Map.of()).newAppend().appendRecords(TableFixtures.events(0, 3)).commit();
    createEvents(b, Map.of()).newAppend().appendRecords(TableFixtures.events(100, 3)).commit();
    String aBefore = catalog.loadTable(a).metadata().metadataFileLocation();

    CatalogTransaction tx = catalog.newTransaction();
    tx.table(a).newAppend().appendRecords(TableFixtures.events(1000, 10)).commit();
    tx.table(b).newAppend().appendRecords(TableFixtures.events(2000, 10)).commit();
    List<String> stagedData = new ArrayList<>(dataFiles(tx.table(a)));
    stagedData.addAll(dataFiles(tx.table(b)));
    String stagedMetadata = tx.table(a).metadata().metadataFileLocation();

    TableIdentifier movedId = TableIdentifier.of(NS, moved);
    try (Catalog other = openAnother()) {
      other.loadTable(movedId).newAppend().appendRecords(TableFixtures.events(3000, 1)).commit();
    }
    String movedAfter = catalog.loadTable(movedId).metadata().metadataFileLocation();
    io.floe.commit.CommitFailedException e = assertThrows(io.floe.commit.CommitFailedException.class, tx::commit);
    assertTrue(e.getMessage().contains("db." + moved), e.getMessage());

    Table aNow = catalog.loadTable(a);
    Table bNow = catalog.loadTable(b);
    assertEquals(moved.equals("a_first") ? movedAfter : aBefore, aNow.metadata().metadataFileLocation());
    assertEquals(moved.equals("a_first") ? 4 : 3, aNow.newScan().records().size(), "a has none of the transaction's rows");
    assertEquals(moved.equals("b_second") ? 4 : 3, bNow.newScan().records().size(), "b has none of the transaction's rows");
    FileIO io = newFileIO();
    Set<String> live = new HashSet<>(dataFiles(aNow));
    live.addAll(dataFiles(bNow));
    for (String f : stagedData) {
      if (!live.contains(f)) {
        assertFalse(io.newInputFile(f).exists(), "the failed transaction's data file is deleted: " + f);
      }
    }
    assertFalse(io.newInputFile(stagedMetadata).exists(), "the failed transaction's metadata file is deleted");
    assertNotEquals(stagedMetadata, aNow.metadata().metadataFileLocation());
  }

  // ---- hostile names ----

  /** Names that must be stored verbatim or refused with a clear error, never escaping the warehouse or the SQL. */
  protected static List<String> hostileNames() {
    List<String> names = new ArrayList<>(List.of("../", "..", ".", "../../escaped", "a/b", "/abs", "\\back",
        "it's", "\"dq\"", "'; DROP TABLE x; --", "x'); DELETE FROM iceberg_tables; --", "Ünïcødé_表_🚀", "",
        "nul\0byte", "%2e%2e", "tab\there", "line\nbreak", "c:drive"));
    names.add("L".repeat(10_000));
    names.add("M".repeat(255));
    return names;
  }

  @Test
  void hostileNamesAreStoredVerbatimOrRefusedClearly() throws Exception {
    catalog.createNamespace(NS);
    Set<TableIdentifier> accepted = new HashSet<>();
    for (String name : hostileNames()) {
      TableIdentifier id = TableIdentifier.of(NS, name);
      try {
        Table t = catalog.createTable(id, TableFixtures.EVENTS);
        t.newAppend().appendRecords(TableFixtures.events(0, 2)).commit();
        accepted.add(id);
      } catch (IllegalArgumentException e) {
        assertTrue(e.getMessage().contains("invalid") && (e.getMessage().contains(Names.describe(name))),
            "the refusal names the name: " + e.getMessage());
        assertFalse(tableNamesStoredVerbatim().contains(name), "must be accepted: " + Names.describe(name));
        assertThrows(IllegalArgumentException.class, () -> catalog.loadTable(id));
      }
      Namespace hostileNs = Namespace.of(name);
      try {
        catalog.createNamespace(hostileNs, Map.of("k", name.length() > 900 ? "long" : name));
        assertTrue(catalog.namespaceExists(hostileNs));
        assertTrue(catalog.listNamespaces().contains(hostileNs), "listed: " + Names.describe(name));
        catalog.dropNamespace(hostileNs);
        assertFalse(catalog.namespaceExists(hostileNs));
      } catch (IllegalArgumentException e) {
        assertTrue(e.getMessage().contains("invalid"), e.getMessage());
      }
    }
    for (String name : tableNamesStoredVerbatim()) {
      assertTrue(accepted.contains(TableIdentifier.of(NS, name)), "accepted: " + Names.describe(name));
    }
    for (TableIdentifier id : accepted) {
      Table t = catalog.loadTable(id);
      assertEquals(2, t.newScan().records().size(), "table " + id + " round-trips");
    }
    assertEquals(new TreeSet<>(names(accepted)), new TreeSet<>(names(catalog.listTables(NS))), "listed verbatim");
    assertStoreHoldsExactly(accepted);
    assertTrue(assertNoFileOutsideTheWarehouse() >= accepted.size() * 2, "the listing sees the tables' files");

    for (TableIdentifier id : accepted) {
      assertTrue(catalog.dropTable(id, true));
    }
    assertEquals(List.of(), catalog.listTables(NS));
    assertNoFileOutsideTheWarehouse();
  }

  /** Asserts that every file under {@link #storeRoot()} is in the warehouse; returns how many there are. */
  protected int assertNoFileOutsideTheWarehouse() {
    List<FileInfo> files = ((SupportsListing) newFileIO()).listPrefix(storeRoot());
    String inside = WarehouseLocations.normalize(warehouse()) + "/";
    for (FileInfo f : files) {
      String location = WarehouseLocations.isLocal(f.location()) ? WarehouseLocations.normalize(f.location()) : f.location();
      assertTrue(location.startsWith(inside), "file outside the warehouse: " + f.location());
    }
    return files.size();
  }

  // ---- helpers ----

  protected static List<String> dataFiles(Table table) {
    List<String> files = new ArrayList<>();
    for (io.floe.scan.FileScanTask task : table.newScan().planFiles()) {
      files.add(task.file().path());
    }
    return files;
  }

  private static List<String> names(Iterable<TableIdentifier> ids) {
    List<String> names = new ArrayList<>();
    for (TableIdentifier id : ids) {
      names.add(id.name());
    }
    return names;
  }

  protected static Map<String, String> with(Map<String, String> base, String... keyValues) {
    Map<String, String> m = new HashMap<>(base);
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  protected static Snapshot current(Table t) {
    return t.refresh().currentSnapshot();
  }
}
