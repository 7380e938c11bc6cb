package io.floe.table;

/**
 * Snapshot summary keys Floe writes besides the spec's metrics: who wrote a snapshot (engine, user, application)
 * and which batch of an idempotent job it holds.
 */
public final class SummaryKeys {
  /** The engine that wrote the snapshot: {@code floe} (Spark writes {@code spark}). */
  public static final String ENGINE_NAME = "engine-name";
  /** The engine's version; {@code dev} when unknown. */
  public static final String ENGINE_VERSION = "engine-version";
  /** The user who committed: the JVM's {@code user.name} or the one set on the operation. */
  public static final String USER = "floe.user";
  /** The application (job) that committed, when it said so. */
  public static final String APP_ID = "floe.app-id";
  /** The batch version of an idempotent write (see {@code SnapshotProducer.idempotent}). */
  public static final String BATCH_VERSION = "floe.batch-version";

  static final String ENGINE = "floe";

  private SummaryKeys() {
  }
}
