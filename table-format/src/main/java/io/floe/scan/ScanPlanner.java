package io.floe.scan;

import io.floe.expressions.Expression;
import io.floe.expressions.ManifestEvaluator;
import io.floe.expressions.MetricsEvaluator;
import io.floe.expressions.PartitionEvaluator;
import io.floe.io.FileIO;
import io.floe.manifest.FileContent;
import io.floe.manifest.ManifestEntry;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.manifest.ManifestReader;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import io.floe.partition.PartitionSpec;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Finds the data files of a snapshot that may hold rows matching a filter: manifests are skipped by their
 * partition summaries, files by their partition values (through the spec's transforms) and then by their column
 * bounds. Manifests are read in parallel. Delete manifests (merge-on-read) are read the same way and their files
 * attached to the data files they apply to.
 */
public final class ScanPlanner {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(
      Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
        Thread t = new Thread(r, "floe-planner");
        t.setDaemon(true);
        return t;
      });

  private ScanPlanner() {
  }

  /**
   * The files of {@code snapshot} that may match {@code boundFilter} (bound to {@code schema}), each with the delete
   * files that apply to it ({@link DeleteFileIndex}).
   */
  public static List<FileScanTask> plan(FileIO io, TableMetadata metadata, Snapshot snapshot, Schema schema,
                                        Expression boundFilter, ScanMetrics metrics) {
    if (snapshot == null) {
      return List.of();
    }
    List<ManifestFile> manifests = ManifestListReader.read(io, snapshot.manifestList());
    Map<Integer, PartitionSpec> specs = metadata.specsById();
    MetricsEvaluator metricsEvaluator = new MetricsEvaluator(schema, boundFilter);
    List<CompletableFuture<List<FileScanTask>>> dataFutures = new ArrayList<>();
    List<CompletableFuture<List<ManifestEntry>>> deleteFutures = new ArrayList<>();
    for (ManifestFile manifest : manifests) {
      PartitionSpec spec = specs.get(manifest.partitionSpecId());
      if (spec == null) {
        throw new IllegalStateException("manifest " + manifest.path() + " names unknown partition spec " + manifest.partitionSpecId());
      }
      boolean data = manifest.content() == FileContent.DATA;
      if (data) {
        metrics.manifestsTotal.incrementAndGet();
      } else if (manifest.addedFilesCount() + manifest.existingFilesCount() == 0) {
        continue;
      }
      if (!new ManifestEvaluator(spec, boundFilter).mightMatch(manifest.partitions())) {
        if (data) {
          metrics.manifestsSkipped.incrementAndGet();
        }
        continue;
      }
      if (data) {
        dataFutures.add(CompletableFuture.supplyAsync(
            () -> planManifest(io, manifest, spec, specs, boundFilter, metricsEvaluator, metrics), POOL));
      } else {
        // a delete file in a partition the filter rejects applies only to data files the filter rejects too
        PartitionEvaluator partitions = new PartitionEvaluator(spec, boundFilter);
        deleteFutures.add(CompletableFuture.supplyAsync(
            () -> ManifestReader.readLive(io, manifest, specs, partitions::mightMatch), POOL));
      }
    }
    List<FileScanTask> tasks = new ArrayList<>();
    for (CompletableFuture<List<FileScanTask>> f : dataFutures) {
      tasks.addAll(join(f));
    }
    List<ManifestEntry> deleteEntries = new ArrayList<>();
    for (CompletableFuture<List<ManifestEntry>> f : deleteFutures) {
      deleteEntries.addAll(join(f));
    }
    DeleteFileIndex deletes = new DeleteFileIndex(deleteEntries, specs);
    if (deletes.isEmpty()) {
      return tasks;
    }
    List<FileScanTask> withDeletes = new ArrayList<>(tasks.size());
    for (FileScanTask task : tasks) {
      withDeletes.add(new FileScanTask(task.file(), task.dataSequenceNumber(),
          deletes.forDataFile(task.file(), task.dataSequenceNumber())));
    }
    return withDeletes;
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  private static List<FileScanTask> planManifest(FileIO io, ManifestFile manifest, PartitionSpec spec,
                                                 Map<Integer, PartitionSpec> specs, Expression filter,
                                                 MetricsEvaluator metricsEvaluator, ScanMetrics metrics) {
    PartitionEvaluator partitionEvaluator = new PartitionEvaluator(spec, filter);
    List<FileScanTask> tasks = new ArrayList<>();
    List<ManifestEntry> kept = ManifestReader.readLive(io, manifest, specs, partition -> {
      metrics.filesTotal.incrementAndGet();
      if (partitionEvaluator.mightMatch(partition)) {
        return true;
      }
      metrics.filesSkippedByPartition.incrementAndGet();
      return false;
    });
    for (ManifestEntry entry : kept) {
      if (!metricsEvaluator.mightMatch(entry.file().metrics())) {
        metrics.filesSkippedByMetrics.incrementAndGet();
      } else {
        tasks.add(new FileScanTask(entry.file(), entry.sequenceNumber() == null ? 0 : entry.sequenceNumber()));
      }
    }
    return tasks;
  }
}
