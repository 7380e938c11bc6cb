package io.floe.engine.planner;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
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

  private static final CompiledHandlers HANDLERS = new CompiledHandlers(JaninoRelMetadataProvider.of(PROVIDER));

  private FloeMetadata() {
  }

  /**
   * Makes every metadata query on {@code cluster} (planning rules, cost, row estimates) use Floe's handlers. The
   * planners make a new {@link RelMetadataQuery} after each change to the plan; each starts with the handlers
   * compiled already, rather than with placeholders that look them up again on first use.
   */
  public static void install(RelOptCluster cluster) {
    cluster.setMetadataProvider(PROVIDER);
    cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(HANDLERS));
    cluster.invalidateMetadataQuery();
  }

  /**
   * Calcite's handlers for {@link #PROVIDER}, each compiled once per JVM, when first used, and from then on handed
   * to every new {@link RelMetadataQuery} as it is (Calcite's own provider gives each new query a placeholder per
   * kind of metadata that, on first use, looks the compiled handler up again under a lock).
   */
  private static final class CompiledHandlers implements MetadataHandlerProvider {
    private final JaninoRelMetadataProvider compiler;
    private final Map<Class<?>, MetadataHandler<?>> compiled = new ConcurrentHashMap<>();
    /** Calcite's placeholders (stateless: each only signals that its handler is not compiled yet), made once. */
    private final Map<Class<?>, MetadataHandler<?>> placeholders = new ConcurrentHashMap<>();

    CompiledHandlers(JaninoRelMetadataProvider compiler) {
      this.compiler = compiler;
    }

    @Override
    public <H extends MetadataHandler<?>> H handler(Class<H> handlerClass) {
      MetadataHandler<?> handler = compiled.get(handlerClass);
      return handlerClass.cast(handler != null ? handler
          : placeholders.computeIfAbsent(handlerClass, type -> compiler.handler(handlerClass)));
    }

    @Override
    public <H extends MetadataHandler<?>> H revise(Class<H> handlerClass) {
      return handlerClass.cast(compiled.computeIfAbsent(handlerClass, type -> compiler.revise(handlerClass)));
    }
  }
}
