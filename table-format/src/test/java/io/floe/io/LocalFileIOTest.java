package io.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileIOTest {
  @TempDir
  Path dir;

  /**
   * Writers create files (each written to a temporary file, then renamed into place) and delete them while the
   * directory is listed: a listing never fails on a file that went meanwhile, and lists the file that stays.
   */
  @Test
  void listingWhileFilesComeAndGoNeitherFailsNorMissesAStableFile() throws Exception {
    LocalFileIO io = new LocalFileIO();
    String root = dir.toString();
    try (PositionOutputStream out = io.newOutputFile(root + "/stable/keep.json").create()) {
      out.write("{}".getBytes(StandardCharsets.UTF_8));
    }
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    List<Future<Integer>> churn = List.of(writers.submit(() -> churn(io, root + "/a", stop)),
        writers.submit(() -> churn(io, root + "/b", stop)));
    try {
      for (int i = 0; i < 3000; i++) {
        List<FileInfo> files = io.listPrefix(root);
        assertTrue(files.stream().anyMatch(f -> f.location().equals(root + "/stable/keep.json")), files.toString());
      }
    } finally {
      stop.set(true);
      writers.shutdown();
    }
    assertTrue(writers.awaitTermination(1, TimeUnit.MINUTES));
    for (Future<Integer> f : churn) {
      assertTrue(f.get() > 0, "the writers ran");
    }
    assertEquals(List.of(root + "/stable/keep.json"),
        io.listPrefix(root).stream().map(FileInfo::location).filter(l -> l.contains("stable")).toList());
    assertTrue(Files.exists(dir.resolve("stable/keep.json")));
  }

  private static int churn(LocalFileIO io, String dir, AtomicBoolean stop) throws Exception {
    int n = 0;
    while (!stop.get()) {
      String file = dir + "/v" + (n++ % 50) + ".json";
      io.deleteFile(file);
      try (PositionOutputStream out = io.newOutputFile(file).create()) {
        out.write(new byte[64]);
      }
    }
    return n;
  }
}
