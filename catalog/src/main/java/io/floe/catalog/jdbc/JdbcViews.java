package io.floe.catalog.jdbc;

import io.floe.catalog.TableIdentifier;
import io.floe.catalog.ViewStore;
import io.floe.commit.CommitStateUnknownException;
import io.floe.io.FileIO;
import io.floe.io.PositionOutputStream;
import io.floe.view.ViewMetadata;
import io.floe.view.ViewMetadataParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The views of a JDBC catalog, as Iceberg's JdbcCatalog keeps them: rows of {@code iceberg_tables} whose
 * {@code iceberg_type} is {@code VIEW}, pointing at metadata files
 * {@code <location>/metadata/NNNNN-<uuid>.metadata.json}; a commit writes the file, then swaps the row's pointer.
 */
final class JdbcViews implements ViewStore {
  private final JdbcStore store;
  private final FileIO io;
  private final Function<TableIdentifier, String> defaultLocation;

  JdbcViews(JdbcStore store, FileIO io, Function<TableIdentifier, String> defaultLocation) {
    this.store = store;
    this.io = io;
    this.defaultLocation = defaultLocation;
  }

  @Override
  public FileIO io() {
    return io;
  }



  @Override
  public String metadataLocation(TableIdentifier id) {
    return store.metadataLocation(CatalogSql.Kind.VIEW, JdbcNames.namespaceKey(id.namespace()),
        JdbcNames.tableName(id));
  }

  @Override
  public String newViewLocation(TableIdentifier id) {
    return defaultLocation.apply(id);
  }

  @Override
  public String commit(TableIdentifier id, String base, ViewMetadata metadata) {
    String namespace = JdbcNames.namespaceKey(id.namespace());
    String name = JdbcNames.tableName(id);
    String file = MetadataFileWriter.nextLocation(metadata.location(), base);
    JdbcNames.checkLength(file, JdbcNames.MAX_LOCATION, "metadata location of view " + id);
    try (PositionOutputStream out = io.newOutputFile(file).create()) {
      out.write(ViewMetadataParser.toJson(metadata).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metadata file " + file + " of view " + id + ": " + e.getMessage(),
          e);
    }
    boolean swapped;
    try {
      swapped = base == null ? store.insert(CatalogSql.Kind.VIEW, namespace, name, file)
          : store.swapView(new JdbcStore.Swap(namespace, name, base, file));
    } catch (SQLException e) {
      throw new CommitStateUnknownException("cannot tell whether the commit to view " + id + " of catalog "
          + store.catalogName() + " landed: " + e.getMessage() + " (its new metadata file " + file + " is kept)", e);
    }
    if (!swapped) {
      io.deleteFile(file);
      return null;
    }
    return file;
  }
}
