package io.floe.s3;

import static io.floe.s3.FaultProxy.on;
import static io.floe.s3.S3FileIOTest.randomBytes;
import static io.floe.s3.S3FileIOTest.readAll;
import static io.floe.s3.S3FileIOTest.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.table.ChildJvm;
import io.floe.table.Table;
import io.floe.table.TableFixtures;
import io.floe.table.Tables;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3FileIO and Floe commits through a proxy that injects faults between client and server: throttling and 5xx,
 * slow answers, dropped connections and cut-off bodies. Operations retry and succeed or fail cleanly; a commit
 * whose answer is lost lands exactly once; an interrupted upload leaves no object.
 */
class S3FaultTest {
  private static final String BUCKET = "floe-faults";
  private static S3Server server;
  private FaultProxy proxy;
  private S3FileIO io;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = S3Server.sharedWithBucket(BUCKET);
  }

  @BeforeEach
  void open() throws IOException {
    proxy = new FaultProxy(server.port());
    io = new S3FileIO(props(Map.of()));
  }

  @AfterEach
  void close() throws IOException {
    io.close();
    proxy.close();
  }

  private Map<String, String> props(Map<String, String> extra) {
    Map<String, String> p = new HashMap<>(server.properties(proxy.port()));
    p.putAll(extra);
    return p;
  }

  private static String loc(String key) {
    return "s3://" + BUCKET + "/" + key;
  }

  @Test
  void throttlingAndServerErrorsAreRetriedUntilTheySucceed() throws IOException {
    byte[] data = randomBytes(3000, 1);
    FaultProxy.Rule createRule = proxy.error(on("PUT", "retry/created"), 503, "SlowDown", 3);
    write(io.newOutputFile(loc("retry/created")).create(), data, 1000);
    assertEquals(3, createRule.applied());

    FaultProxy.Rule putRule = proxy.error(on("PUT", "retry/overwritten"), 500, "InternalError", 2);
    write(io.newOutputFile(loc("retry/overwritten")).createOrOverwrite(), data, 1000);
    assertEquals(2, putRule.applied());

    FaultProxy.Rule headRule = proxy.error(on("HEAD", "retry/created"), 503, "SlowDown", 2);
    assertEquals(3000, io.newInputFile(loc("retry/created")).getLength());
    FaultProxy.Rule getRule = proxy.error(on("GET", "retry/created"), 502, "BadGateway", 2);
    assertArrayEquals(data, readAll(io.newInputFile(loc("retry/created"))));
    FaultProxy.Rule listRule = proxy.error(on("GET", "list-type=2"), 503, "SlowDown", 2);
    assertEquals(2, io.listPrefix(loc("retry")).size());
    FaultProxy.Rule deleteRule = proxy.error(on("POST", "\\?delete"), 500, "InternalError", 2);
    io.deleteFiles(List.of(loc("retry/created"), loc("retry/overwritten")));
    assertTrue(io.listPrefix(loc("retry")).isEmpty());
    for (FaultProxy.Rule r : List.of(headRule, getRule, listRule, deleteRule)) {
      assertEquals(2, r.applied());
    }
  }

  @Test
  void failuresThatDoNotStopFailCleanlyNamingTheObject() throws IOException {
    byte[] data = randomBytes(100, 2);
    write(io.newOutputFile(loc("fail/there")).create(), data, 100);
    proxy.error(on("GET", "fail/there"), 503, "SlowDown", 1000);
    IOException read = assertThrows(IOException.class, () -> readAll(io.newInputFile(loc("fail/there"))));
    assertTrue(read.getMessage().contains(loc("fail/there")) && read.getMessage().contains("127.0.0.1:" + proxy.port()),
        read.getMessage());

    proxy.error(on("PUT", "fail/never"), 503, "SlowDown", 1000);
    IOException throttled = assertThrows(IOException.class, () -> write(io.newOutputFile(loc("fail/never")).create(), data, 100));
    assertTrue(throttled.getMessage().contains(loc("fail/never")) && !throttled.getMessage().contains("unknown"),
        throttled.getMessage());
    proxy.error(on("PUT", "fail/maybe"), 500, "InternalError", 1000);
    IOException unknown = assertThrows(IOException.class, () -> write(io.newOutputFile(loc("fail/maybe")).create(), data, 100));
    assertTrue(unknown.getMessage().contains("outcome unknown"), "a 500 may have been applied: " + unknown.getMessage());
    proxy.clearRules();
    assertFalse(io.newInputFile(loc("fail/never")).exists());
    assertFalse(io.newInputFile(loc("fail/maybe")).exists());
  }

  @Test
  void slowAnswersTimeOutAndAreRetried() throws IOException {
    try (S3FileIO impatient = new S3FileIO(props(Map.of(S3FileIOProperties.SOCKET_TIMEOUT_MS, "1000")))) {
      byte[] data = randomBytes(5000, 3);
      write(impatient.newOutputFile(loc("slow/a")).create(), data, 5000);
      FaultProxy.Rule slowGet = proxy.delayResponse(on("GET", "slow/a"), 3000, 1);
      assertArrayEquals(data, readAll(impatient.newInputFile(loc("slow/a"))));
      assertEquals(1, slowGet.applied());

      // the put-if-absent is applied but its answer comes too late: the retry's 412 is recognised as its own write
      FaultProxy.Rule slowPut = proxy.delayResponse(on("PUT", "slow/b"), 3000, 1);
      write(impatient.newOutputFile(loc("slow/b")).create(), data, 5000);
      assertEquals(1, slowPut.applied());
      assertArrayEquals(data, readAll(impatient.newInputFile(loc("slow/b"))));
      assertEquals(2, proxy.requests().stream().filter(on("PUT", "slow/b")).count(), "the create was sent twice");
      // ... while another writer's object under the same key is still a lost race
      assertThrows(FileAlreadyExistsException.class,
          () -> write(impatient.newOutputFile(loc("slow/b")).create(), randomBytes(5000, 4), 5000));
    }
  }

  @Test
  void droppedConnectionsAndCutOffBodiesAreResumed() throws IOException {
    byte[] data = randomBytes(3 * 1024 * 1024, 5);
    FaultProxy.Rule dropPut = proxy.dropRequest(on("PUT", "drop/a"), 2);
    write(io.newOutputFile(loc("drop/a")).createOrOverwrite(), data, 1 << 20);
    assertEquals(2, dropPut.applied());
    FaultProxy.Rule dropHead = proxy.dropRequest(on("HEAD", "drop/a"), 2);
    assertEquals(data.length, io.newInputFile(loc("drop/a")).getLength());
    FaultProxy.Rule cut = proxy.truncateResponse(on("GET", "drop/a"), 3);
    assertArrayEquals(data, readAll(io.newInputFile(loc("drop/a"))));
    assertEquals(2, dropHead.applied());
    assertEquals(3, cut.applied());
    assertTrue(proxy.requests().stream().filter(on("GET", "drop/a")).anyMatch(r -> !r.header("Range").startsWith("bytes=0-")),
        "a cut-off body is resumed from the first missing byte");
  }

  private Table newTable(String name) {
    return new Tables(io).create(TableFixtures.EVENTS, PartitionSpec.unpartitioned(TableFixtures.EVENTS), loc("tables/" + name),
        Map.of("commit.retry.min-wait-ms", "1", "commit.retry.max-wait-ms", "20"));
  }

  /**
   * Makes a table with one append, then commits a second append while the proxy drops the answer to the PUT of
   * {@code v3.metadata.json} {@code drops} times (and applies {@code extraFault} to it first); checks the second
   * snapshot landed exactly once and returns how often the answer was dropped.
   */
  private int commitLosingAnswers(String name, int drops, java.util.function.Consumer<String> extraFault) {
    Table table = newTable(name);
    table.newAppend().appendRecords(TableFixtures.events(0, 10)).commit();
    String v3 = name + "/metadata/v3\\.metadata\\.json";
    FaultProxy.Rule drop = proxy.dropResponse(on("PUT", v3), drops);
    extraFault.accept(v3);
    Snapshot committed = table.newAppend().appendRecords(TableFixtures.events(10, 10)).commit();
    int dropped = drop.applied();
    proxy.clearRules();
    Table reloaded = new Tables(io).load(table.location());
    assertEquals(2, reloaded.snapshots().size(), "no lost or duplicated snapshot");
    assertEquals(committed.snapshotId(), reloaded.currentSnapshot().snapshotId());
    assertEquals(20, reloaded.newScan().records().size());
    assertEquals(20, S3TableTest.ids(reloaded.newScan().records()).size());
    assertFalse(io.newInputFile(table.location() + "/metadata/v4.metadata.json").exists());
    return dropped;
  }

  @Test
  void aCommitWhoseAnswerIsLostLandsExactlyOnce() {
    // the retry's 412 is recognised as this writer's own object by its ETag
    assertEquals(1, commitLosingAnswers("lost-answer", 1, v3 -> { }));
  }

  @Test
  void aCommitLandsOnceEvenWhenEveryRetryLosesItsAnswer() {
    // the IO gives up (outcome unknown); the commit reads the version file back and finds its own bytes
    assertTrue(commitLosingAnswers("every-answer-lost", 1000, v3 -> { }) > 1, "the create was retried");
  }

  @Test
  void whenTheIoCannotTellTheCommitLoopFindsItsOwnSnapshot() {
    // the IO's ETag check after the retry's 412 fails too, so it reports a lost race; the commit loop, reloading
    // the table, finds its own snapshot in v3 instead of committing it again as v4
    FaultProxy.Rule[] blindHead = new FaultProxy.Rule[1];
    commitLosingAnswers("recheck", 1, v3 -> blindHead[0] = proxy.error(on("HEAD", v3), 503, "SlowDown", 6));
    assertEquals(6, blindHead[0].applied());
  }

  @Test
  void anAppendWhoseDataFileCannotBeWrittenCommitsNothing() {
    Table table = newTable("no-data");
    table.newAppend().appendRecords(TableFixtures.events(0, 10)).commit();
    FaultProxy.Rule broken = proxy.error(on("PUT", "no-data/data/.*\\.parquet"), 500, "InternalError", 1000);
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> table.newAppend().appendRecords(TableFixtures.events(10, 10)).commit());
    assertTrue(broken.applied() > 1, "the data file write was retried: " + e);
    proxy.clearRules();
    Table reloaded = new Tables(io).load(table.location());
    assertEquals(1, reloaded.snapshots().size(), "no snapshot refers to the unwritten file");
    assertEquals(10, reloaded.newScan().records().size());
    assertEquals(1, io.listPrefix(table.location() + "/data").size(), "only the first append's data file exists");
  }

  @Test
  void aFailedMultipartUploadLeavesNoObjectAndNoUpload() {
    try (S3FileIO parts = S3FileIOTest.withSmallParts(server, proxy)) {
      FaultProxy.Rule failPart = proxy.error(on("PUT", "mpfail/big\\?.*partNumber=2"), 500, "InternalError", 1000);
      IOException e = assertThrows(IOException.class,
          () -> write(parts.newOutputFile(loc("mpfail/big")).create(), randomBytes(17 << 20, 6), 1 << 20));
      assertTrue(e.getMessage().contains(loc("mpfail/big")), e.getMessage());
      assertTrue(failPart.applied() > 1, "the part was retried");
      assertFalse(parts.newInputFile(loc("mpfail/big")).exists(), "no partial object");
      S3FileIOTest.assertNoPendingUploads(server, BUCKET, "mpfail/");
    }
  }

  @Test
  void aWriterKilledMidUploadLeavesNoObject() throws Exception {
    String big = loc("killed/big.bin");
    Path log = dir.resolve("writer.log");
    Process writer = ChildJvm.start(S3CommitWorker.class, log, Integer.toString(server.port()), big, "0", "0", "big");
    try {
      long deadline = System.currentTimeMillis() + 120_000;
      while (!Files.exists(log) || !Files.readString(log).contains("uploading")) {
        assertTrue(writer.isAlive(), "the writer is running: " + (Files.exists(log) ? Files.readString(log) : ""));
        assertTrue(System.currentTimeMillis() < deadline, "the writer started its upload");
        Thread.sleep(100);
      }
    } finally {
      writer.destroyForcibly();
      writer.waitFor(30, TimeUnit.SECONDS);
    }
    assertFalse(io.newInputFile(big).exists(), "the killed writer's object never appeared");
    try (S3Client client = server.client()) {
      var uploads = client.listMultipartUploads(b -> b.bucket(BUCKET).prefix("killed/")).uploads();
      assertEquals(1, uploads.size(), "its parts stay in an invisible pending upload (for the bucket's lifecycle rule)");
      client.abortMultipartUpload(b -> b.bucket(BUCKET).key("killed/big.bin").uploadId(uploads.get(0).uploadId()));
    }
  }
}
