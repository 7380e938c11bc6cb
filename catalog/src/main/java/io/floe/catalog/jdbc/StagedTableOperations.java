package io.floe.catalog.jdbc;

import io.floe.catalog.TableFiles;
import io.floe.catalog.TableIdentifier;
import io.floe.commit.CommitFailedException;
import io.floe.commit.TableOperations;
import io.floe.io.FileIO;
import io.floe.metadata.TableMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * A table inside a {@link JdbcCatalogTransaction}: a commit writes the new metadata file and records it as the
 * staged state instead of swapping the pointer; {@link #refresh()} returns the staged state (the transaction sees
 * its own commits, not later ones of others). The transaction swaps from {@link #initial()} to {@link #current()}.
 */
final class StagedTableOperations implements TableOperations {
  private final FileIO io;
  private final String namespace;
  private final String table;
  private final String tableName;
  private final TableMetadata initial;
  private final List<String> writtenFiles = new ArrayList<>();
  private volatile TableMetadata current;

  StagedTableOperations(FileIO io, String catalogName, TableIdentifier id, TableMetadata initial) {
    this.io = io;
    this.namespace = JdbcNames.namespaceKey(id.namespace());
    this.table = JdbcNames.tableName(id);
    this.tableName = catalogName + "." + id;
    this.initial = initial;
    this.current = initial;
  }

  @Override
  public TableMetadata current() {
    return current;
  }

  @Override
  public TableMetadata refresh() {
    return current;
  }

  @Override
  public synchronized void commit(TableMetadata base, TableMetadata updated) {
    if (base == null) {
      throw new UnsupportedOperationException("not supported: creating table " + tableName + " inside a transaction");
    }
    if (!base.metadataFileLocation().equals(current.metadataFileLocation())) {
      throw new CommitFailedException("table " + tableName + " changed within the transaction since this commit began");
    }
    String location = MetadataFileWriter.nextLocation(base.location(), base);
    JdbcNames.checkLength(location, JdbcNames.MAX_LOCATION, "metadata location of table " + tableName);
    writtenFiles.add(location);
    current = MetadataFileWriter.write(io, location, updated, tableName);
  }

  TableMetadata initial() {
    return initial;
  }

  boolean changed() {
    return current != initial;
  }

  JdbcStore.Swap swap() {
    return new JdbcStore.Swap(namespace, table, initial.metadataFileLocation(), current.metadataFileLocation());
  }

  /** Deletes what the staged commits wrote: metadata files, manifest lists, manifests and data files. */
  void discard() {
    if (changed()) {
      TableFiles.deleteUnpublished(io, initial, current);
    }
    for (String file : writtenFiles) {
      io.deleteFile(file);
    }
  }

  @Override
  public FileIO io() {
    return io;
  }

  @Override
  public String tableName() {
    return tableName;
  }
}
