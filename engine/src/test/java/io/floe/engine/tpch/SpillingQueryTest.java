package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.engine.FloeSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of spilling queries over TPC-H share: DuckDB as the oracle, a session under a memory limit
 * spilling to a directory of each test's own, and the check that the directory is empty again.
 */
abstract class SpillingQueryTest {
  @RegisterExtension
  static final TpchOracleExtension ORACLE = new TpchOracleExtension(1);

  @TempDir
  Path spillDir;

  FloeSession session;

  /** The memory limit each test starts with (on 1 worker). */
  abstract long limit();

  @BeforeEach
  void limitMemory() {
    session = ORACLE.get().session().memoryLimit(limit()).spill(true).spillPath(spillDir);
  }

  @AfterEach
  void restore() {
    session.workers(1).spill(true).memoryLimit(FloeSession.DEFAULT_MEMORY_LIMIT);
  }

  void assertSpillFilesDeleted() throws IOException {
    assertEquals(0, listSpillDir().length, "spill files left: " + String.join(", ", listSpillDir()));
  }

  String[] listSpillDir() throws IOException {
    if (!Files.isDirectory(spillDir)) {
      return new String[0];
    }
    try (Stream<Path> files = Files.list(spillDir)) {
      return files.map(p -> p.getFileName().toString()).toArray(String[]::new);
    }
  }
}
