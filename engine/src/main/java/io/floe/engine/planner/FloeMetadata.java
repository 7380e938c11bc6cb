package io.floe.engine.planner;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Floe's metadata for Calcite's cost model: {@link FloeRelMdDistinctRowCount} (distinct counts of scanned columns
 * from manifest metrics) and {@link FloeRelMdRowCount} (inner equi-join sizes from key distinct counts), chained
 * before Calcite's default providers, which answer everything else.
 */
public final class FloeMetadata {
  /** Floe's handlers, then Calcite's defaults. */
  public static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(List.of(
      ReflectiveRelMetadataProvider.reflectiveSource(new FloeRelMdDistinctRowCount(),
          BuiltInMetadata.DistinctRowCount.Handler.class),
      ReflectiveRelMetadataProvider.reflectiveSource(new FloeRelMdRowCount(), BuiltInMetadata.RowCount.Handler.class),
      DefaultRelMetadataProvider.INSTANCE));

  private static final JaninoRelMetadataProvider HANDLERS = JaninoRelMetadataProvider.of(PROVIDER);

  private FloeMetadata() {
  }

  /** Makes every metadata query on {@code cluster} (planning rules, cost, row estimates) use Floe's handlers. */
  public static void install(RelOptCluster cluster) {
    cluster.setMetadataProvider(PROVIDER);
    cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(HANDLERS));
    cluster.invalidateMetadataQuery();
  }
}
