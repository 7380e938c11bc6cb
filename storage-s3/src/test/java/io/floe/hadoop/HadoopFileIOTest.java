package io.floe.hadoop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.io.FileInfo;
import io.floe.io.LocalFileIO;
import io.floe.io.PositionOutputStream;
import io.floe.io.SeekableInputStream;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.table.Table;
import io.floe.table.TableFixtures;
import io.floe.table.Tables;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** HadoopFileIO on the local file system through Hadoop's {@code file://} (checksummed LocalFileSystem and RawLocalFileSystem). */
class HadoopFileIOTest {
  @TempDir
  Path dir;

  private static HadoopFileIO io(boolean raw) {
    return raw ? new HadoopFileIO(Map.of("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem",
        "fs.file.impl.disable.cache", "true")) : new HadoopFileIO(Map.of());
  }

  private String loc(String rel) {
    return "file://" + dir.toAbsolutePath() + "/" + rel;
  }

  private static void write(PositionOutputStream out, byte[] data) throws IOException {
    try (out) {
      out.write(data, 0, 10);
      out.write(data, 10, data.length - 10);
      assertEquals(data.length, out.getPos());
    }
  }

  @ParameterizedTest(name = "raw={0}")
  @ValueSource(booleans = {false, true})
  void writeReadListAndDelete(boolean raw) throws IOException {
    try (HadoopFileIO io = io(raw)) {
      byte[] data = new byte[100_000];
      new Random(1).nextBytes(data);
      write(io.newOutputFile(loc("t/data/a.bin")).create(), data);
      assertTrue(io.newInputFile(loc("t/data/a.bin")).exists());
      assertEquals(data.length, io.newInputFile(loc("t/data/a.bin")).getLength());
      try (SeekableInputStream in = io.newInputFile(loc("t/data/a.bin")).newStream()) {
        assertArrayEquals(data, in.readAllBytes());
        in.seek(5000);
        byte[] part = new byte[300];
        in.readFully(part, 0, part.length);
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 5000, 5300), part);
        assertEquals(5300, in.getPos());
      }
      assertThrows(FileAlreadyExistsException.class, () -> write(io.newOutputFile(loc("t/data/a.bin")).create(), new byte[20]));
      write(io.newOutputFile(loc("t/hint")).createOrOverwrite(), new byte[20]);
      write(io.newOutputFile(loc("t/hint")).createOrOverwrite(), new byte[30]);
      assertEquals(30, io.newInputFile(loc("t/hint")).getLength());

      PositionOutputStream aborted = io.newOutputFile(loc("t/data/aborted.bin")).create();
      aborted.write(data);
      aborted.abort();
      assertFalse(io.newInputFile(loc("t/data/aborted.bin")).exists());

      Map<String, Long> listed = io.listPrefix(loc("t")).stream().collect(Collectors.toMap(FileInfo::location, FileInfo::size));
      assertEquals(Map.of(loc("t/data/a.bin"), 100_000L, loc("t/hint"), 30L), listed, "no temporary or checksum files");
      assertEquals(List.of(), io.listPrefix(loc("missing")));
      try (Stream<Path> files = Files.walk(dir)) {
        assertEquals(raw ? 2 : 4, files.filter(Files::isRegularFile).count(), "plus .crc files unless raw");
      }

      io.deleteFiles(List.of(loc("t/data/a.bin"), loc("t/hint"), loc("t/never")));
      assertTrue(io.listPrefix(loc("t")).isEmpty());
      io.deleteFile(loc("t/never"));
      FileNotFoundException missing = assertThrows(FileNotFoundException.class, () -> io.newInputFile(loc("t/hint")).getLength());
      assertTrue(missing.getMessage().contains("hint"), missing.getMessage());
    }
  }

  @Test
  void aTableRoundTripsThroughHadoopAndReadsBackWithTheLocalIo() {
    try (HadoopFileIO io = io(false)) {
      String location = loc("wh/events");
      Table table = new Tables(io).create(TableFixtures.EVENTS,
          PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(), location);
      Snapshot first = table.newAppend().appendRecords(TableFixtures.events(0, 100)).commit();
      table.newAppend().appendRecords(TableFixtures.events(100, 50)).commit();
      table.newOverwrite().overwriteByRowFilter(Expressions.lessThan("id", 20L)).addRecords(TableFixtures.events(900, 3)).commit();
      Set<Long> expected = new TreeSet<>();
      for (long i = 20; i < 150; i++) {
        expected.add(i);
      }
      expected.addAll(Set.of(900L, 901L, 902L));
      assertEquals(expected, ids(new Tables(io).load(location).newScan().records()));
      assertEquals(100, new Tables(io).load(location).newScan().useSnapshot(first.snapshotId()).records().size());
      Table local = new Tables(new LocalFileIO()).load(location);
      assertEquals(3, local.snapshots().size());
      assertEquals(expected, ids(local.newScan().records()), "the same files, read by LocalFileIO");
    }
  }

  private static Set<Long> ids(List<Record> rows) {
    return rows.stream().map(TableFixtures::id).collect(Collectors.toCollection(TreeSet::new));
  }
}
