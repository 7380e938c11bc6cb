package io.floe.engine.catalog;

import io.floe.io.LocalFileIO;
import io.floe.table.Table;
import io.floe.table.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A {@link TableSource} over a local warehouse directory laid out as {@code <warehouse>/<schema>/<table>}. */
public final class WarehouseTableSource implements TableSource {
  private final Path warehouse;
  private final Tables tables = new Tables(new LocalFileIO());

  public WarehouseTableSource(Path warehouse) {
    this.warehouse = warehouse.toAbsolutePath();
  }

  @Override
  public List<String> schemaNames() {
    return directories(warehouse);
  }

  @Override
  public List<String> tableNames(String schema) {
    Path dir = warehouse.resolve(schema);
    return directories(dir).stream().filter(t -> tables.exists(dir.resolve(t).toString())).toList();
  }

  @Override
  public Optional<Table> loadTable(String schema, String name) {
    String location = warehouse.resolve(schema).resolve(name).toString();
    return tables.exists(location) ? Optional.of(tables.load(location)) : Optional.empty();
  }

  private static List<String> directories(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
