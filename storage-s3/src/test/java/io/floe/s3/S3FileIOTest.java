package io.floe.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.io.FileInfo;
import io.floe.io.InputFile;
import io.floe.io.PositionOutputStream;
import io.floe.io.SeekableInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** S3FileIO against a real S3 API server, through a (fault-free) proxy that counts the requests. */
class S3FileIOTest {
  static final String BUCKET = "floe-test";
  private static S3Server server;
  private FaultProxy proxy;
  private S3FileIO io;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3Server.sharedWithBucket(BUCKET);
  }

  @BeforeEach
  void open() throws IOException {
    proxy = new FaultProxy(server.port());
    io = new S3FileIO(server.properties(proxy.port()));
  }

  @AfterEach
  void close() throws IOException {
    io.close();
    proxy.close();
  }

  static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static void write(PositionOutputStream out, byte[] data, int writeSize) throws IOException {
    try (out) {
      for (int off = 0; off < data.length; off += writeSize) {
        out.write(data, off, Math.min(writeSize, data.length - off));
      }
      assertEquals(data.length, out.getPos());
    }
  }

  static byte[] readAll(InputFile file) throws IOException {
    try (SeekableInputStream in = file.newStream()) {
      return in.readAllBytes();
    }
  }

  private long count(String method, String targetRegex) {
    return proxy.requests().stream().filter(FaultProxy.on(method, targetRegex)).count();
  }

  @Test
  void writeReadOverwriteAndDelete() throws IOException {
    String loc = "s3://" + BUCKET + "/basic/a.bin";
    byte[] first = randomBytes(1000, 1);
    write(io.newOutputFile(loc).create(), first, 100);
    InputFile in = io.newInputFile(loc);
    assertTrue(in.exists());
    assertEquals(1000, in.getLength());
    assertArrayEquals(first, readAll(in));

    FileAlreadyExistsException taken = assertThrows(FileAlreadyExistsException.class,
        () -> write(io.newOutputFile(loc).create(), randomBytes(10, 2), 10));
    assertTrue(taken.getMessage().contains(loc), taken.getMessage());
    assertArrayEquals(first, readAll(io.newInputFile(loc)), "the losing create changed nothing");
    assertEquals(1, count("PUT", "basic/a.bin") - 1, "the losing create was one conditional PUT");
    assertTrue(proxy.requests().stream().filter(FaultProxy.on("PUT", "basic/a.bin"))
        .allMatch(r -> "*".equals(r.header("If-None-Match"))), "create() sends If-None-Match: *");

    byte[] second = randomBytes(50, 3);
    write(io.newOutputFile(loc).createOrOverwrite(), second, 50);
    assertArrayEquals(second, readAll(io.newInputFile(loc)));

    byte[] empty = new byte[0];
    write(io.newOutputFile("s3://" + BUCKET + "/basic/empty").create(), empty, 1);
    assertEquals(0, io.newInputFile("s3://" + BUCKET + "/basic/empty").getLength());
    assertArrayEquals(empty, readAll(io.newInputFile("s3://" + BUCKET + "/basic/empty")));

    io.deleteFile(loc);
    assertFalse(io.newInputFile(loc).exists());
    io.deleteFile(loc); // missing: not an error
  }

  @Test
  void seeksAndReadsReturnTheRightBytes() throws IOException {
    String loc = "s3://" + BUCKET + "/ranged/r.bin";
    byte[] data = randomBytes(21 * 1024 * 1024 + 17, 4);
    write(io.newOutputFile(loc).create(), data, 1 << 20);
    Random random = new Random(5);
    try (SeekableInputStream in = io.newInputFile(loc).newStream()) {
      for (int i = 0; i < 200; i++) {
        long pos = random.nextInt(data.length);
        int len = random.nextInt(i % 10 == 0 ? 9 * 1024 * 1024 : 70_000) + 1;
        in.seek(pos);
        byte[] got = new byte[len];
        int n = Math.min(len, data.length - (int) pos);
        in.readFully(got, 0, n);
        assertArrayEquals(Arrays.copyOfRange(data, (int) pos, (int) pos + n), Arrays.copyOf(got, n), "at " + pos);
        assertEquals(pos + n, in.getPos());
      }
      in.seek(data.length - 3);
      assertEquals(data[data.length - 3] & 0xFF, in.read());
      assertEquals(2, in.skip(100));
      assertEquals(-1, in.read());
      assertEquals(-1, in.read(new byte[4], 0, 4));
    }
  }

  @Test
  void theFooterIsReadWithOneRequestAndNearbyReadsCoalesce() throws IOException {
    String loc = "s3://" + BUCKET + "/ranged/footer.bin";
    byte[] data = randomBytes(20 * 1024 * 1024, 6);
    write(io.newOutputFile(loc).create(), data, 1 << 20);
    InputFile file = io.newInputFile(loc, data.length);
    proxy.clearLog();
    try (SeekableInputStream in = file.newStream()) {
      byte[] tail = new byte[8];
      in.seek(data.length - 8);
      in.readFully(tail, 0, 8);
      byte[] footer = new byte[300_000];
      in.seek(data.length - 8 - footer.length);
      in.readFully(footer, 0, footer.length);
      assertArrayEquals(Arrays.copyOfRange(data, data.length - 8 - footer.length, data.length - 8), footer);
      assertEquals(1, count("GET", "footer.bin"), "length from the caller, footer and its length in one GET");
      assertEquals(0, count("HEAD", "footer.bin"));

      proxy.clearLog();
      byte[] a = new byte[1000];
      byte[] b = new byte[1000];
      in.seek(1_000_000);
      in.readFully(a, 0, a.length);
      in.seek(1_050_000);
      in.readFully(b, 0, b.length);
      assertArrayEquals(Arrays.copyOfRange(data, 1_050_000, 1_051_000), b);
      assertEquals(1, count("GET", "footer.bin"), "two reads 50 KB apart share one ranged GET");
    }
  }

  @Test
  void sequentialReadsPrefetchBlocksWithParallelRangedGets() throws IOException {
    String loc = "s3://" + BUCKET + "/ranged/seq.bin";
    byte[] data = randomBytes(45 * 1024 * 1024, 7);
    write(io.newOutputFile(loc).createOrOverwrite(), data, 1 << 20);
    proxy.clearLog();
    byte[] got = new byte[data.length];
    try (SeekableInputStream in = io.newInputFile(loc, data.length).newStream()) {
      for (int off = 0; off < data.length; off += 8 << 20) {
        in.readFully(got, off, Math.min(8 << 20, data.length - off));
      }
    }
    assertArrayEquals(data, got);
    List<FaultProxy.Request> gets = proxy.requests().stream().filter(FaultProxy.on("GET", "seq.bin")).toList();
    assertTrue(gets.stream().allMatch(r -> r.header("Range") != null), "only ranged GETs");
    List<Long> sizes = gets.stream().map(r -> r.header("Range").substring("bytes=".length()).split("-"))
        .map(a -> Long.parseLong(a[1]) - Long.parseLong(a[0]) + 1).toList();
    assertEquals(data.length, sizes.stream().mapToLong(Long::longValue).sum(), "every byte fetched once: " + sizes);
    assertEquals(16L << 20, sizes.stream().mapToLong(Long::longValue).max().orElseThrow(), "blocks grow to 16 MiB: " + sizes);
    assertTrue(gets.size() <= 5, "a few long requests: " + sizes);
  }

  @Test
  void listsBelowADirectoryLikePrefixKeepingTheScheme() throws IOException {
    for (String key : List.of("list/t/a", "list/t/sub/b", "list/t2/c", "list/u")) {
      write(io.newOutputFile("s3://" + BUCKET + "/" + key).create(), randomBytes(key.length(), 8), 100);
    }
    Map<String, Long> listed = io.listPrefix("s3a://" + BUCKET + "/list/t").stream()
        .collect(Collectors.toMap(FileInfo::location, FileInfo::size));
    assertEquals(Map.of("s3a://" + BUCKET + "/list/t/a", 8L, "s3a://" + BUCKET + "/list/t/sub/b", 12L), listed);
    assertEquals(listed.keySet(), io.listPrefix("s3a://" + BUCKET + "/list/t/").stream().map(FileInfo::location)
        .collect(Collectors.toSet()));
    assertTrue(io.listPrefix("s3://" + BUCKET + "/list/none").isEmpty());
    assertTrue(io.listPrefix("s3://" + BUCKET + "/list/t").get(0).lastModifiedMs() > 0);
  }

  @Test
  void listingPagesAndBulkDeleteBatchesByAThousand() {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 1050; i++) {
      server.putDirect(BUCKET, "bulk/f" + i, new byte[] {1});
      files.add("s3://" + BUCKET + "/bulk/f" + i);
    }
    proxy.clearLog();
    assertEquals(1050, io.listPrefix("s3://" + BUCKET + "/bulk").size());
    assertEquals(2, count("GET", "list-type=2"), "ListObjectsV2 pages of at most 1000 keys");
    for (int i = 0; i < 1000; i++) {
      files.add("s3://" + BUCKET + "/bulk/missing" + i); // missing files are not an error
    }
    proxy.clearLog();
    io.deleteFiles(files);
    assertEquals(3, count("POST", "\\?delete"), "2050 keys in 3 DeleteObjects requests");
    assertTrue(io.listPrefix("s3://" + BUCKET + "/bulk").isEmpty());
  }

  @Test
  void bigObjectsGoUpInParallelParts() throws IOException {
    try (S3FileIO small = withSmallParts(server, proxy)) {
      String loc = "s3://" + BUCKET + "/multi/big.bin";
      byte[] data = randomBytes(17 * 1024 * 1024, 9);
      proxy.clearLog();
      write(small.newOutputFile(loc).create(), data, 64 * 1024);
      assertArrayEquals(data, readAll(small.newInputFile(loc)));
      assertEquals(1, count("POST", "big.bin\\?uploads"), "one multipart upload");
      long parts = count("PUT", "big.bin\\?.*partNumber=");
      assertTrue(parts >= 3, "17 MiB in parts of about 5 MiB: " + parts);
      FaultProxy.Request complete = proxy.requests().stream().filter(FaultProxy.on("POST", "big.bin\\?uploadId=")).findFirst()
          .orElseThrow();
      assertEquals("*", complete.header("If-None-Match"), "completing is a put-if-absent");

      assertThrows(FileAlreadyExistsException.class, () -> write(small.newOutputFile(loc).create(), randomBytes(12 << 20, 10), 1 << 20));
      assertArrayEquals(data, readAll(small.newInputFile(loc)), "the losing upload changed nothing");
      assertNoPendingUploads(server, BUCKET, "multi/");
    }
  }

  @Test
  void anAbortedUploadLeavesNoObjectAndNoPendingUpload() throws IOException {
    try (S3FileIO small = withSmallParts(server, proxy)) {
      String loc = "s3://" + BUCKET + "/aborted/big.bin";
      PositionOutputStream out = small.newOutputFile(loc).create();
      byte[] chunk = randomBytes(1 << 20, 11);
      for (int i = 0; i < 13; i++) {
        out.write(chunk);
      }
      try (S3Client client = server.client()) {
        assertEquals(1, client.listMultipartUploads(b -> b.bucket(BUCKET).prefix("aborted/")).uploads().size(),
            "a multipart upload was under way");
      }
      out.abort();
      assertFalse(small.newInputFile(loc).exists());
      assertNoPendingUploads(server, BUCKET, "aborted/");
      assertThrows(IOException.class, () -> out.write(1), "an aborted stream takes no more bytes");

      PositionOutputStream single = small.newOutputFile("s3://" + BUCKET + "/aborted/small").create();
      single.write(chunk, 0, 100);
      single.abort();
      assertFalse(small.newInputFile("s3://" + BUCKET + "/aborted/small").exists());
    }
  }

  /** An IO through the proxy with 5 MiB parts (S3's smallest), under the alias name of the property. */
  static S3FileIO withSmallParts(S3Server server, FaultProxy proxy) {
    Map<String, String> props = new HashMap<>(server.properties(proxy.port()));
    props.put(S3FileIOProperties.MULTIPART_SIZE_ALIAS, Long.toString(S3FileIOProperties.MIN_PART_SIZE));
    return new S3FileIO(props);
  }

  static void assertNoPendingUploads(S3Server server, String bucket, String prefix) {
    try (S3Client client = server.client()) {
      assertEquals(List.of(), client.listMultipartUploads(b -> b.bucket(bucket).prefix(prefix)).uploads(),
          "no multipart upload is left pending");
    }
  }

  @Test
  void badLocationsAndMissingThingsFailNamingThem() throws IOException {
    String missing = "s3://" + BUCKET + "/nothing/here";
    FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> io.newInputFile(missing).getLength());
    assertTrue(e.getMessage().contains(missing), e.getMessage());
    assertThrows(FileNotFoundException.class, () -> readAll(io.newInputFile(missing)));
    assertFalse(io.newInputFile(missing).exists());

    IOException noBucket = assertThrows(IOException.class,
        () -> write(io.newOutputFile("s3://no-such-bucket/k").create(), new byte[1], 1));
    assertTrue(noBucket.getMessage().contains("no-such-bucket"), noBucket.getMessage());

    for (String bad : List.of("s3:///key", "gs://b/k", "/local/path", "s3:/b/k")) {
      IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> io.newInputFile(bad));
      assertTrue(x.getMessage().contains(bad), x.getMessage());
    }
    assertThrows(IllegalStateException.class, () -> new S3FileIO().newInputFile(missing));
    IllegalArgumentException badProp = assertThrows(IllegalArgumentException.class,
        () -> new S3FileIO(Map.of(S3FileIOProperties.MULTIPART_SIZE, "1000")));
    assertTrue(badProp.getMessage().contains(S3FileIOProperties.MULTIPART_SIZE), badProp.getMessage());
    assertTrue(io.properties().toString().contains("secretAccessKey=****"), "the secret is not printed");
    UnsupportedOperationException sse = assertThrows(UnsupportedOperationException.class,
        () -> S3FileIOProperties.from(Map.of("s3.sse.type", "kms")));
    assertTrue(sse.getMessage().startsWith("not supported:") && sse.getMessage().contains("s3.sse.type"), sse.getMessage());
    assertThrows(UnsupportedOperationException.class, () -> S3FileIOProperties.from(Map.of("s3.write.tags.owner", "me")));
    assertEquals(1000, S3FileIOProperties.from(Map.of("s3.sse.type", "none", "unknown.key", "x")).deleteBatchSize());
    assertEquals(Set.of(), Set.copyOf(io.listPrefix("s3://" + BUCKET + "/nothing")));
  }
}
