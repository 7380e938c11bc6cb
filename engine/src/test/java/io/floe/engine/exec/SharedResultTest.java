package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.exec.spill.SpillDirectory;
import io.floe.engine.exec.spill.SpillStats;
import io.floe.engine.exec.spill.Spilling;
import io.floe.engine.expr.SqlStateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The rows of a subplan computed once and replayed to several readers. */
@Timeout(60)
class SharedResultTest {
  private final BufferAllocator allocator = new RootAllocator(1L << 20);

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void readersOnSeveralThreadsGetEveryRowOfOneComputation() throws Exception {
    CountingInput input = new CountingInput(100, 10, -1);
    SharedResult shared = new SharedResult(input, allocator, "SharedResult of test");
    List<Operator> readers = readAllOnThreads(shared, 3, input.expected());
    assertEquals(10, input.batchesMade, "the input is read once");
    assertTrue(allocator.getAllocatedMemory() > 0, "the rows are held while a reader is open");
    readers.forEach(Operator::close);
    assertEquals(1, input.closes);
    assertEquals(0, allocator.getAllocatedMemory(), "the last reader's close releases the rows");
  }

  @Test
  void readersClosedBeforeReadingCloseTheInputUnread() {
    CountingInput input = new CountingInput(100, 10, -1);
    SharedResult shared = new SharedResult(input, allocator, "SharedResult of test");
    Operator first = shared.reader();
    Operator second = shared.reader();
    first.close();
    assertEquals(0, input.closes);
    second.close();
    assertEquals(1, input.closes);
    assertEquals(0, input.batchesMade);
  }

  @Test
  void aFailureReachesEveryReaderAndReleasesTheRows() {
    CountingInput input = new CountingInput(100, 10, 4);
    SharedResult shared = new SharedResult(input, allocator, "SharedResult of test");
    Operator first = shared.reader();
    Operator second = shared.reader();
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> values(first));
    assertSame(failure, assertThrows(IllegalArgumentException.class, () -> values(second)));
    assertEquals(1, input.closes);
    first.close();
    second.close();
    assertEquals(0, allocator.getAllocatedMemory());
  }

  @Test
  void rowsOverTheMemoryLimitFailNamingTheResult() {
    try (BufferAllocator small = allocator.newChildAllocator("query", 0, 4096)) {
      SharedResult shared = new SharedResult(new CountingInput(1000, 10, -1), small, "SharedResult of revenue");
      Operator reader = shared.reader();
      SqlStateException e = assertThrows(SqlStateException.class, () -> values(reader));
      assertEquals(MemoryAccount.OUT_OF_MEMORY, e.sqlState());
      assertTrue(e.getMessage().contains("SharedResult of revenue"), e.getMessage());
      reader.close();
      assertEquals(0, small.getAllocatedMemory());
    }
  }

  @Test
  void closingTheResultReleasesRowsAReaderNeverClosed() {
    CountingInput input = new CountingInput(100, 10, -1);
    SharedResult shared = new SharedResult(input, allocator, "SharedResult of test");
    Operator read = shared.reader();
    shared.reader(); // a use that never starts, like a probe side whose build side was empty
    assertEquals(input.expected(), values(read));
    read.close();
    assertTrue(allocator.getAllocatedMemory() > 0);
    new ClosingOperator(new ValuesOperator(List.of(), 1), List.of(shared)).close();
    assertEquals(0, allocator.getAllocatedMemory());
    assertEquals(1, input.closes);
  }

  @Test
  void rowsOverTheirShareSpillToOneFileThatEachReaderReads(@TempDir Path dir) throws Exception {
    CountingInput input = new CountingInput(10_000, 20, -1);
    SpillStats stats = new SpillStats("files");
    SpillDirectory directory = SpillDirectory.at(dir);
    SharedResult shared = new SharedResult(input, allocator, "SharedResult of test",
        new Spilling(directory, stats, 1));
    List<Operator> readers = readAllOnThreads(shared, 3, input.expected());
    assertEquals(20, input.batchesMade, "the input is read once");
    assertEquals(1, directory.filesCreated(), "one spill file");
    assertEquals(200_000, stats.rows());
    readers.forEach(Operator::close);
    assertEquals(1, input.closes);
    assertEquals(0, allocator.getAllocatedMemory());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "the spill file is deleted");
    }
  }

  /** Reads all rows of {@code shared} with {@code count} readers on as many threads; returns the readers. */
  private static List<Operator> readAllOnThreads(SharedResult shared, int count, List<Long> expected)
      throws Exception {
    List<Operator> readers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      readers.add(shared.reader());
    }
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      List<Future<List<Long>>> read = new ArrayList<>();
      for (Operator reader : readers) {
        read.add(threads.submit((Callable<List<Long>>) () -> values(reader)));
      }
      for (Future<List<Long>> rows : read) {
        assertEquals(expected, rows.get(30, TimeUnit.SECONDS));
      }
    } finally {
      threads.shutdownNow();
    }
    return readers;
  }

  private static List<Long> values(Operator reader) {
    List<Long> out = new ArrayList<>();
    for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
      for (int r = 0; r < batch.size(); r++) {
        out.add((Long) batch.column(0).get(r));
      }
    }
    return out;
  }

  /** Batches of consecutive longs, counting the batches made and the closes; fails at batch {@code failAt}. */
  private static final class CountingInput implements Operator {
    private final int rowsPerBatch;
    private final int batches;
    private final int failAt;
    int batchesMade;
    int closes;

    CountingInput(int rowsPerBatch, int batches, int failAt) {
      this.rowsPerBatch = rowsPerBatch;
      this.batches = batches;
      this.failAt = failAt;
    }

    List<Long> expected() {
      List<Long> out = new ArrayList<>();
      for (long v = 0; v < (long) rowsPerBatch * batches; v++) {
        out.add(v);
      }
      return out;
    }

    @Override
    public Batch next() {
      if (batchesMade == failAt) {
        throw new IllegalArgumentException("batch " + failAt + " fails");
      }
      if (batchesMade == batches) {
        return null;
      }
      long[] values = new long[rowsPerBatch];
      for (int i = 0; i < rowsPerBatch; i++) {
        values[i] = (long) batchesMade * rowsPerBatch + i;
      }
      batchesMade++;
      return new Batch(rowsPerBatch, new Column[] {
          new LongColumn(values, null, rowsPerBatch, LongColumn.Kind.INTEGER, 0)});
    }

    @Override
    public void close() {
      closes++;
    }
  }
}
