package io.floe.catalog.jdbc;

import io.floe.catalog.TableIdentifier;
import io.floe.commit.CommitFailedException;
import io.floe.commit.CommitStateUnknownException;
import io.floe.commit.TableOperations;
import io.floe.io.FileIO;
import io.floe.metadata.TableMetadata;
import io.floe.metadata.TableMetadataParser;
import java.sql.SQLException;

/**
 * A table of the JDBC catalog: its pointer is the {@code metadata_location} of its row. A commit writes the new
 * metadata file under a unique name, then swaps the pointer with
 * {@code UPDATE ... SET metadata_location = new WHERE ... AND metadata_location = base}: no row updated means
 * another commit won ({@link CommitFailedException}, the new file is deleted); a database error during the swap
 * leaves the outcome unknown ({@link CommitStateUnknownException}, the file is kept). Creating the table inserts the
 * row (a taken name is a {@link CommitFailedException}).
 */
final class JdbcTableOperations implements TableOperations {
  private final JdbcStore store;
  private final FileIO io;
  private final String namespace;
  private final String table;
  private final String tableName;
  private volatile TableMetadata current;

  JdbcTableOperations(JdbcStore store, FileIO io, TableIdentifier id) {
    this.store = store;
    this.io = io;
    this.namespace = JdbcNames.namespaceKey(id.namespace());
    this.table = JdbcNames.tableName(id);
    this.tableName = store.catalogName() + "." + id;
  }

  @Override
  public TableMetadata current() {
    return current;
  }

  @Override
  public TableMetadata refresh() {
    String location = store.metadataLocation(namespace, table);
    TableMetadata known = current;
    if (location == null) {
      current = null;
    } else if (known == null || !location.equals(known.metadataFileLocation())) {
      current = TableMetadataParser.read(io, location);
    }
    return current;
  }

  @Override
  public void commit(TableMetadata base, TableMetadata updated) {
    String location = MetadataFileWriter.nextLocation(updated.location(), base);
    JdbcNames.checkLength(location, JdbcNames.MAX_LOCATION, "metadata location of table " + tableName);
    TableMetadata written = MetadataFileWriter.write(io, location, updated, tableName);
    boolean swapped;
    try {
      swapped = base == null ? store.insertTable(namespace, table, location)
          : store.swap(new JdbcStore.Swap(namespace, table, base.metadataFileLocation(), location));
    } catch (SQLException e) {
      throw new CommitStateUnknownException("cannot tell whether the commit to table " + tableName + " landed: "
          + e.getMessage() + " (its new metadata file " + location + " is kept)", e);
    }
    if (!swapped) {
      io.deleteFile(location);
      throw new CommitFailedException(base == null ? "table " + tableName + " was created concurrently"
          : "table " + tableName + " was changed by another commit (its pointer is no longer "
              + base.metadataFileLocation() + ")");
    }
    current = written;
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
