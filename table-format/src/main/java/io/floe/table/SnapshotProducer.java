package io.floe.table;

import io.floe.commit.CommitFailedException;
import io.floe.commit.CommitStateUnknownException;
import io.floe.commit.RetryPolicy;
import io.floe.commit.TableOperations;
import io.floe.io.FileIO;
import io.floe.manifest.DataFile;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.manifest.ManifestListWriter;
import io.floe.metadata.MetadataChanges;
import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotAncestry;
import io.floe.metadata.SnapshotRef;
import io.floe.metadata.StatisticsFile;
import io.floe.metadata.TableMetadata;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit loop shared by every operation that produces a snapshot. Subclasses say which manifests the new
 * snapshot has on a given base (re-applying the change and validating conflicts on each attempt); this class
 * writes the manifest list, swaps the table pointer, retries lost races with backoff, resolves unknown outcomes
 * by looking for its own snapshot id, and removes the files of a failed operation.
 *
 * <p>The snapshot id is fixed for the life of the operation, so a commit whose outcome was unknown is found on
 * the next refresh and never applied twice.
 *
 * <p>Every operation commits to {@code main} unless {@link #toBranch} names another branch; records who wrote the
 * snapshot in its summary ({@link SummaryKeys}); and, with {@link #idempotent}, commits a batch of a job at most
 * once however often the job is re-run.
 */
abstract class SnapshotProducer<SELF extends SnapshotProducer<SELF>> {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotProducer.class);

  protected final TableOperations ops;
  /** The table as this operation first saw it: what it read, and what conflicts are validated against. */
  protected final TableMetadata startingBase;
  private final long snapshotId = newSnapshotId();
  private final Map<String, String> summaryProperties = new LinkedHashMap<>();
  private final List<String> writtenMetadataFiles = new ArrayList<>();
  private boolean committed;
  private String targetBranch = SnapshotRef.MAIN;
  private String user = System.getProperty("user.name");
  private String applicationId;
  private Long batchVersion;
  private boolean skippedAsDuplicate;
  private String lastListLocation;
  private List<ManifestFile> lastManifests = List.of();
  private StatisticsFile lastStatistics;

  protected SnapshotProducer(TableOperations ops) {
    this.ops = ops;
    this.startingBase = ops.current();
    if (startingBase == null) {
      throw new IllegalStateException("table " + ops.tableName() + " does not exist");
    }
  }

  protected abstract SELF self();

  /** The snapshot summary's operation: append, overwrite, delete or replace. */
  protected abstract String operation();

  /**
   * Validates the change against {@code base} (throwing {@link io.floe.commit.ConflictException} on a true
   * conflict) and returns the manifests of the new snapshot.
   */
  protected abstract List<ManifestFile> apply(TableMetadata base, long sequenceNumber);

  /** The data files this operation adds (for the summary). */
  protected abstract List<DataFile> addedFiles();

  /** The data files this operation removes from {@code base} (for the summary); valid after {@link #apply}. */
  protected abstract List<DataFile> removedFiles();

  /** Deletes the data files this operation wrote itself; called when it fails for sure. */
  protected abstract void deleteWrittenDataFiles();

  /**
   * A statistics file for {@code snapshot}, written now, to be committed with it (null for none, the default);
   * called once per commit attempt, with the base of that attempt.
   */
  protected StatisticsFile statistics(TableMetadata base, Snapshot snapshot) {
    return null;
  }

  /** Adds a key to the snapshot summary (e.g. {@code floe.app-id}). */
  public SELF set(String key, String value) {
    summaryProperties.put(key, value);
    return self();
  }

  public long snapshotId() {
    return snapshotId;
  }

  /**
   * Commits to this branch instead of {@code main}: the new snapshot's parent is the branch's head and only that
   * branch moves. A branch that does not exist yet is created from {@code main}'s head (as Iceberg does).
   * Overwrites and deletes read and validate against the branch's history. Fails for a tag.
   */
  public SELF toBranch(String name) {
    checkNotCommitted();
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("branch name of a commit to table " + ops.tableName() + " must not be empty");
    }
    SnapshotAncestry.branchHead(startingBase, name);
    this.targetBranch = name;
    return self();
  }

  /** The branch this operation commits to ({@code main} unless {@link #toBranch} said otherwise). */
  public String targetBranch() {
    return targetBranch;
  }

  /** Records this user in the snapshot summary ({@code floe.user}) instead of the JVM's {@code user.name}. */
  public SELF setUser(String name) {
    checkNotCommitted();
    this.user = requireText(name, "user");
    return self();
  }

  /** Records the application (job) committing in the snapshot summary ({@code floe.app-id}). */
  public SELF applicationId(String id) {
    checkNotCommitted();
    this.applicationId = requireText(id, "application id");
    return self();
  }

  /**
   * Makes this commit idempotent for batch {@code batchVersion} of application {@code applicationId}: before each
   * commit attempt, if the target branch's history already holds a snapshot of this application with a batch
   * version at least {@code batchVersion}, nothing is committed, the data files this operation wrote are deleted,
   * {@link #commit()} returns that earlier snapshot and {@link #skippedAsDuplicate()} is true. The check runs on
   * the fresh table state of every attempt, so of several copies of one batch racing, exactly one lands.
   */
  public SELF idempotent(String applicationId, long batchVersion) {
    applicationId(applicationId);
    if (batchVersion < 0) {
      throw new IllegalArgumentException("batch version of application " + applicationId + " must not be negative: "
          + batchVersion);
    }
    this.batchVersion = batchVersion;
    return self();
  }

  /** True after {@link #commit()} found this idempotent batch already committed and committed nothing. */
  public boolean skippedAsDuplicate() {
    return skippedAsDuplicate;
  }

  /** The head of the target branch at the start: what this operation read. */
  protected Snapshot startingHead() {
    return head(startingBase);
  }

  /** The head of the target branch in {@code base}: the parent of the snapshot an attempt on it makes. */
  protected Snapshot head(TableMetadata base) {
    return SnapshotAncestry.branchHead(base, targetBranch);
  }

  protected FileIO io() {
    return ops.io();
  }

  /** Records a manifest or manifest list written by this operation, to remove it if it ends up unused. */
  protected void trackMetadataFile(String location) {
    writtenMetadataFiles.add(location);
  }

  protected String newMetadataFileLocation(String suffix) {
    return ops.metadataFileLocation(UUID.randomUUID() + suffix);
  }

  /** Commits the change as one new snapshot and returns it. */
  public Snapshot commit() {
    if (committed) {
      throw new IllegalStateException("this operation was already committed as snapshot " + snapshotId);
    }
    RetryPolicy retry = RetryPolicy.from(startingBase);
    long deadline = System.currentTimeMillis() + retry.totalTimeoutMs();
    boolean outcomeUnknown = false;
    try {
      for (int attempt = 0; ; attempt++) {
        TableMetadata base = attempt == 0 ? ops.current() : ops.refresh();
        if (base == null) {
          throw new IllegalStateException("table " + ops.tableName() + " was dropped");
        }
        Snapshot landed = base.snapshot(snapshotId);
        if (landed != null) {
          LOG.info("commit of snapshot {} to {} had landed on an earlier attempt", snapshotId, ops.tableName());
          return finish(landed, base.statisticsFile(snapshotId));
        }
        Snapshot duplicate = committedBatch(base);
        if (duplicate != null) {
          return skipAsDuplicate(duplicate, outcomeUnknown);
        }
        Snapshot snapshot;
        try {
          snapshot = attempt(base, attempt);
        } catch (UncheckedIOException e) {
          if (attempt >= retry.numRetries() || !baseIsStale(base)) {
            throw e;
          }
          // a newer commit expired what this base referenced: a lost race like any other
          LOG.info("base of commit {} to {} is stale and partly expired, retrying: {}", snapshotId, ops.tableName(), e.toString());
          retry.backoff(attempt + 1);
          continue;
        }
        try {
          ops.commit(base, withStatistics(MetadataChanges.addSnapshot(base, snapshot, targetBranch)));
          return finish(snapshot, lastStatistics);
        } catch (CommitStateUnknownException e) {
          outcomeUnknown = true;
          if (attempt >= retry.numRetries() || System.currentTimeMillis() > deadline) {
            throw e;
          }
          LOG.warn("outcome of commit {} to {} unknown, checking on retry: {}", snapshotId, ops.tableName(), e.toString());
        } catch (CommitFailedException e) {
          if (attempt >= retry.numRetries() || System.currentTimeMillis() > deadline) {
            throw new CommitFailedException("gave up committing to table " + ops.tableName() + " after "
                + (attempt + 1) + " attempts lost to concurrent commits (" + RetryPolicy.NUM_RETRIES + "="
                + retry.numRetries() + ")", e);
          }
        }
        retry.backoff(attempt + 1);
      }
    } catch (RuntimeException | Error e) {
      if (!outcomeUnknown && !committed) {
        cleanUpAfterFailure(e);
      }
      throw e;
    }
  }

  private boolean baseIsStale(TableMetadata base) {
    TableMetadata latest = ops.refresh();
    return latest != null && !Objects.equals(latest.metadataFileLocation(), base.metadataFileLocation());
  }

  private Snapshot attempt(TableMetadata base, int attempt) {
    long sequenceNumber = base.lastSequenceNumber() + 1;
    List<ManifestFile> manifests = apply(base, sequenceNumber);
    Snapshot parent = head(base);
    Long parentId = parent == null ? null : parent.snapshotId();
    String listLocation = ops.metadataFileLocation("snap-" + snapshotId + "-" + attempt + "-" + UUID.randomUUID() + ".avro");
    trackMetadataFile(listLocation);
    ManifestListWriter.write(io().newOutputFile(listLocation), snapshotId, parentId, sequenceNumber, manifests);
    lastListLocation = listLocation;
    lastManifests = manifests;
    Map<String, String> summary = SnapshotSummary.build(operation(), parent, addedFiles(), removedFiles(), summaryExtras());
    Snapshot snapshot = new Snapshot(sequenceNumber, snapshotId, parentId, System.currentTimeMillis(), listLocation,
        summary, base.currentSchemaId());
    lastStatistics = statistics(base, snapshot);
    if (lastStatistics != null) {
      trackMetadataFile(lastStatistics.path());
    }
    return snapshot;
  }

  /** {@code updated} with this attempt's statistics file, if it has one. */
  private TableMetadata withStatistics(TableMetadata updated) {
    if (lastStatistics == null) {
      return updated;
    }
    List<StatisticsFile> statistics = new ArrayList<>(updated.statistics());
    statistics.add(lastStatistics);
    return MetadataChanges.withStatistics(updated, statistics);
  }

  private Map<String, String> summaryExtras() {
    Map<String, String> extras = new LinkedHashMap<>(summaryProperties);
    extras.put(SummaryKeys.ENGINE_NAME, SummaryKeys.ENGINE);
    extras.put(SummaryKeys.ENGINE_VERSION, FloeVersion.get());
    if (user != null) {
      extras.put(SummaryKeys.USER, user);
    }
    if (applicationId != null) {
      extras.put(SummaryKeys.APP_ID, applicationId);
    }
    if (batchVersion != null) {
      extras.put(SummaryKeys.BATCH_VERSION, Long.toString(batchVersion));
    }
    return extras;
  }

  /** For an idempotent batch: the snapshot of the target branch's history that already holds it, or null. */
  private Snapshot committedBatch(TableMetadata base) {
    if (batchVersion == null) {
      return null;
    }
    for (Snapshot s : SnapshotAncestry.ancestorsOf(base, head(base))) {
      if (!applicationId.equals(s.summary().get(SummaryKeys.APP_ID))) {
        continue;
      }
      String version = s.summary().get(SummaryKeys.BATCH_VERSION);
      if (version == null) {
        continue;
      }
      try {
        if (Long.parseLong(version.trim()) >= batchVersion) {
          return s;
        }
      } catch (NumberFormatException e) {
        throw new IllegalStateException("snapshot " + s.snapshotId() + " of table " + ops.tableName() + " has a non-numeric "
            + SummaryKeys.BATCH_VERSION + ": " + version, e);
      }
    }
    return null;
  }

  private Snapshot skipAsDuplicate(Snapshot earlier, boolean outcomeUnknown) {
    committed = true;
    skippedAsDuplicate = true;
    LOG.info("batch {} of application {} is already in snapshot {} (batch {}) of branch {} of table {}: committing nothing",
        batchVersion, applicationId, earlier.snapshotId(), earlier.summary().get(SummaryKeys.BATCH_VERSION), targetBranch,
        ops.tableName());
    if (!outcomeUnknown) {
      try {
        deleteWrittenFiles();
      } catch (RuntimeException e) {
        LOG.warn("batch {} of application {} skipped; files it wrote stay as orphans: {}", batchVersion, applicationId,
            e.toString());
      }
    }
    return earlier;
  }

  private void checkNotCommitted() {
    if (committed) {
      throw new IllegalStateException("this operation on table " + ops.tableName() + " was already committed");
    }
  }

  private String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " of a commit to table " + ops.tableName() + " must not be empty");
    }
    return value;
  }

  private Snapshot finish(Snapshot snapshot, StatisticsFile statistics) {
    committed = true;
    Set<String> keep = new HashSet<>();
    keep.add(snapshot.manifestList());
    if (statistics != null) {
      keep.add(statistics.path());
    }
    try {
      List<ManifestFile> manifests = snapshot.manifestList().equals(lastListLocation) ? lastManifests
          : ManifestListReader.read(io(), snapshot.manifestList());
      for (ManifestFile m : manifests) {
        keep.add(m.path());
      }
      for (String file : writtenMetadataFiles) {
        if (!keep.contains(file)) {
          io().deleteFile(file);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("snapshot {} of {} committed; leftover files of earlier attempts stay as orphans: {}", snapshot.snapshotId(),
          ops.tableName(), e.toString());
    }
    return snapshot;
  }

  private void cleanUpAfterFailure(Throwable cause) {
    try {
      deleteWrittenFiles();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private void deleteWrittenFiles() {
    for (String file : writtenMetadataFiles) {
      io().deleteFile(file);
    }
    deleteWrittenDataFiles();
  }

  /** A copy of a manifest written by this operation, stamped with the sequence number of this attempt. */
  protected static ManifestFile withSequenceNumber(ManifestFile m, long sequenceNumber) {
    return new ManifestFile(m.path(), m.length(), m.partitionSpecId(), m.content(), sequenceNumber, sequenceNumber,
        m.addedSnapshotId(), m.addedFilesCount(), m.existingFilesCount(), m.deletedFilesCount(), m.addedRowsCount(),
        m.existingRowsCount(), m.deletedRowsCount(), m.partitions());
  }

  private static long newSnapshotId() {
    UUID uuid = UUID.randomUUID();
    return (uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits()) & Long.MAX_VALUE;
  }
}
