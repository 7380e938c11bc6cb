package io.floe.table;

import io.floe.commit.CommitFailedException;
import io.floe.commit.FileTableOperations;
import io.floe.io.FileIO;
import io.floe.io.SupportsAtomicCreateCheck;
import io.floe.metadata.MetadataChanges;
import io.floe.metadata.TableMetadata;
import io.floe.partition.PartitionSpec;
import io.floe.types.Schema;
import java.util.Map;

/** Tables addressed by location, without a catalog (like Iceberg's file-system tables). */
public final class Tables {
  private final FileIO io;

  public Tables(FileIO io) {
    this.io = io;
  }

  public Table create(Schema schema, PartitionSpec spec, String location) {
    return create(schema, spec, location, Map.of());
  }

  /**
   * Creates a table; fails with {@link AlreadyExistsException} if one exists there (also under a race). If the IO
   * can verify that its atomic create works at the location ({@link SupportsAtomicCreateCheck}), it does so first.
   */
  public Table create(Schema schema, PartitionSpec spec, String location, Map<String, String> properties) {
    FileTableOperations ops = new FileTableOperations(io, location);
    if (ops.refresh() != null) {
      throw new AlreadyExistsException("a table already exists at " + location, null);
    }
    if (io instanceof SupportsAtomicCreateCheck check) {
      check.verifyAtomicCreate(location);
    }
    TableMetadata metadata = MetadataChanges.newTable(location, schema, spec, properties);
    try {
      ops.commit(null, metadata);
    } catch (CommitFailedException e) {
      throw new AlreadyExistsException("a table was created concurrently at " + location, e);
    }
    return new Table(ops);
  }

  public Table load(String location) {
    return new Table(new FileTableOperations(io, location));
  }

  public boolean exists(String location) {
    return new FileTableOperations(io, location).refresh() != null;
  }
}
