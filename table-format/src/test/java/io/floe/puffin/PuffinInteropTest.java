package io.floe.puffin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.io.LocalFileIO;
import io.floe.metadata.InvalidMetadataException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.iceberg.puffin.Blob;
import org.apache.iceberg.puffin.BlobMetadata;
import org.apache.iceberg.puffin.FileMetadata;
import org.apache.iceberg.puffin.Puffin;
import org.apache.iceberg.puffin.PuffinCompressionCodec;
import org.apache.iceberg.puffin.PuffinWriter;
import org.apache.iceberg.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Puffin files written by Floe read in Apache Iceberg 1.12 and the other way round, and bad files. */
class PuffinInteropTest {
  @TempDir
  Path dir;

  private final LocalFileIO io = new LocalFileIO();

  private static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    Random random = new Random(seed);
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (random.nextInt(16) + 'a'); // compressible
    }
    return bytes;
  }

  private static final PuffinBlob ZSTD_BLOB = new PuffinBlob("apache-datasketches-theta-v1", List.of(3), 42L, 7L,
      bytes(5000, 1), PuffinCodec.ZSTD, Map.of("ndv", "1234"));
  private static final PuffinBlob PLAIN_BLOB = new PuffinBlob("some-other-blob", List.of(1, 2), 43L, 8L,
      bytes(300, 2), PuffinCodec.NONE, Map.of("a", "1", "b", "two"));

  private PuffinFileInfo writeWithFloe(File file) {
    try (io.floe.puffin.PuffinWriter writer = new io.floe.puffin.PuffinWriter(io.newOutputFile(file.getPath()),
        Map.of("created-by", "Floe test", "extra", "x"))) {
      writer.write(ZSTD_BLOB);
      writer.write(PLAIN_BLOB);
      writer.close();
      return writer.result();
    }
  }

  @Test
  void icebergReadsFloeWrittenFile() throws IOException {
    File file = dir.resolve("floe.stats").toFile();
    PuffinFileInfo info = writeWithFloe(file);
    assertEquals(file.length(), info.fileSize());
    assertEquals(file.getPath(), info.location());

    try (org.apache.iceberg.puffin.PuffinReader reader = Puffin.read(org.apache.iceberg.Files.localInput(file))
        .withFileSize(info.fileSize()).withFooterSize(info.footerSize()).build()) {
      FileMetadata metadata = reader.fileMetadata();
      assertEquals(Map.of("created-by", "Floe test", "extra", "x"), metadata.properties());
      List<BlobMetadata> blobs = metadata.blobs();
      assertEquals(2, blobs.size());
      assertEquals("zstd", blobs.get(0).compressionCodec());
      assertEquals(null, blobs.get(1).compressionCodec());
      List<PuffinBlob> written = List.of(ZSTD_BLOB, PLAIN_BLOB);
      for (int i = 0; i < 2; i++) {
        assertSame(info.blobs().get(i), blobs.get(i));
        assertEquals(written.get(i).type(), blobs.get(i).type());
        assertEquals(written.get(i).fields(), blobs.get(i).inputFields());
        assertEquals(written.get(i).snapshotId(), blobs.get(i).snapshotId());
        assertEquals(written.get(i).sequenceNumber(), blobs.get(i).sequenceNumber());
        assertEquals(written.get(i).properties(), blobs.get(i).properties());
      }
      assertTrue(blobs.get(0).length() < ZSTD_BLOB.data().length, "the zstd blob is compressed");
      List<byte[]> read = new ArrayList<>();
      for (Pair<BlobMetadata, ByteBuffer> pair : reader.readAll(blobs)) {
        read.add(org.apache.iceberg.util.ByteBuffers.toByteArray(pair.second()));
      }
      assertArrayEquals(ZSTD_BLOB.data(), read.get(0));
      assertArrayEquals(PLAIN_BLOB.data(), read.get(1));
    }
    // Iceberg checks the footer size it is given: the magic at its start and the payload size must agree
    try (org.apache.iceberg.puffin.PuffinReader reader = Puffin.read(org.apache.iceberg.Files.localInput(file))
        .withFileSize(info.fileSize()).withFooterSize(info.footerSize() + 1).build()) {
      assertThrows(IllegalStateException.class, reader::fileMetadata);
    }
  }

  /** Floe's metadata of a written blob is what Iceberg parses from the footer. */
  private static void assertSame(PuffinBlobMetadata floe, BlobMetadata iceberg) {
    assertEquals(floe, new PuffinBlobMetadata(iceberg.type(), iceberg.inputFields(), iceberg.snapshotId(),
        iceberg.sequenceNumber(), iceberg.offset(), iceberg.length(), iceberg.compressionCodec(), iceberg.properties()));
  }

  @Test
  void floeReadsIcebergWrittenFiles() throws IOException {
    for (boolean compress : new boolean[] {false, true}) {
      File file = dir.resolve("iceberg-" + compress + ".stats").toFile();
      Puffin.WriteBuilder builder = Puffin.write(org.apache.iceberg.Files.localOutput(file)).createdBy("Iceberg test")
          .set("k", "v");
      if (compress) {
        builder.compressBlobs(PuffinCompressionCodec.ZSTD);
      }
      byte[] first = bytes(4000, 3);
      byte[] second = bytes(100, 4);
      PuffinWriter writer = builder.build();
      writer.write(new Blob("type-a", List.of(5), 100L, 10L, ByteBuffer.wrap(first), null, Map.of("p", "q")));
      writer.write(new Blob("type-b", List.of(6, 7), 101L, 11L, ByteBuffer.wrap(second), PuffinCompressionCodec.NONE,
          Map.of()));
      writer.finish();
      writer.close();
      List<BlobMetadata> expected = writer.writtenBlobsMetadata();
      assertEquals(compress ? "zstd" : null, expected.get(0).compressionCodec());

      for (boolean knownSizes : new boolean[] {false, true}) {
        try (io.floe.puffin.PuffinReader reader = knownSizes
            ? new io.floe.puffin.PuffinReader(io.newInputFile(file.getPath()), writer.fileSize(), writer.footerSize())
            : new io.floe.puffin.PuffinReader(io.newInputFile(file.getPath()))) {
          assertEquals(Map.of("created-by", "Iceberg test", "k", "v"), reader.properties());
          List<PuffinBlobMetadata> blobs = reader.blobs();
          assertEquals(2, blobs.size());
          for (int i = 0; i < 2; i++) {
            assertSame(blobs.get(i), expected.get(i));
          }
          assertArrayEquals(first, reader.read(blobs.get(0)));
          assertArrayEquals(second, reader.read(blobs.get(1)));
        }
      }
    }
  }

  @Test
  void lz4CompressedFooterIsNotSupported() throws IOException {
    // Iceberg 1.12 cannot write LZ4 (compressFooter() fails when the footer is written), so the footer of a file it
    // wrote uncompressed gets the flag
    File unwritable = dir.resolve("lz4-footer.stats").toFile();
    PuffinWriter lz4Writer = Puffin.write(org.apache.iceberg.Files.localOutput(unwritable)).compressFooter().build();
    assertThrows(UnsupportedOperationException.class, lz4Writer::finish);

    File file = dir.resolve("flagged.stats").toFile();
    PuffinWriter writer = Puffin.write(org.apache.iceberg.Files.localOutput(file)).build();
    writer.write(new Blob("t", List.of(1), 1L, 1L, ByteBuffer.wrap(bytes(10, 5))));
    writer.close();
    byte[] content = Files.readAllBytes(file.toPath());
    content[content.length - 8] = 1; // flag byte 0, bit 0: the payload is compressed
    Files.write(file.toPath(), content);

    try (io.floe.puffin.PuffinReader reader = new io.floe.puffin.PuffinReader(io.newInputFile(file.getPath()))) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, reader::footer);
      assertEquals("not supported: LZ4-compressed Puffin footer in " + file.getPath(), e.getMessage());
    }
    content[content.length - 8] = 2; // an unknown flag
    Files.write(file.toPath(), content);
    try (io.floe.puffin.PuffinReader reader = new io.floe.puffin.PuffinReader(io.newInputFile(file.getPath()))) {
      InvalidMetadataException e = assertThrows(InvalidMetadataException.class, reader::footer);
      assertTrue(e.getMessage().contains(file.getPath()) && e.getMessage().contains("unknown footer flags"),
          e.getMessage());
    }
  }

  @Test
  void lz4AndUnknownBlobCodecsAreRejected() throws IOException {
    File lz4 = handMade("lz4.stats", "\"compression-codec\":\"lz4\",");
    File brotli = handMade("brotli.stats", "\"compression-codec\":\"brotli\",");
    File plain = handMade("plain.stats", "");
    try (io.floe.puffin.PuffinReader reader = new io.floe.puffin.PuffinReader(io.newInputFile(plain.getPath()))) {
      assertArrayEquals("blob".getBytes(StandardCharsets.UTF_8), reader.read(reader.blobs().get(0)));
    }
    try (io.floe.puffin.PuffinReader reader = new io.floe.puffin.PuffinReader(io.newInputFile(lz4.getPath()))) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
          () -> reader.read(reader.blobs().get(0)));
      assertTrue(e.getMessage().startsWith("not supported: lz4-compressed Puffin blob 't'"), e.getMessage());
      assertTrue(e.getMessage().contains(lz4.getPath()), e.getMessage());
    }
    try (io.floe.puffin.PuffinReader reader = new io.floe.puffin.PuffinReader(io.newInputFile(brotli.getPath()))) {
      InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
          () -> reader.read(reader.blobs().get(0)));
      assertTrue(e.getMessage().contains("unknown compression codec 'brotli'")
          && e.getMessage().contains(brotli.getPath()), e.getMessage());
    }
    assertThrows(UnsupportedOperationException.class, () -> PuffinCodec.LZ4.compress(new byte[1]));
  }

  /** A Puffin file of one 4-byte blob "blob" whose footer entry gets {@code extra} JSON members. */
  private File handMade(String name, String extra) throws IOException {
    byte[] magic = {'P', 'F', 'A', '1'};
    byte[] json = ("{\"blobs\":[{\"type\":\"t\",\"fields\":[1],\"snapshot-id\":1,\"sequence-number\":1,\"offset\":4,"
        + extra + "\"length\":4}]}").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(magic);
    out.write("blob".getBytes(StandardCharsets.UTF_8));
    out.write(magic);
    out.write(json);
    out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(json.length).array());
    out.write(magic);
    File file = dir.resolve(name).toFile();
    Files.write(file.toPath(), out.toByteArray());
    return file;
  }

  @Test
  void truncatedFilesAndWrongMagicAreRejectedNamingTheFile() throws IOException {
    File good = dir.resolve("good.stats").toFile();
    PuffinFileInfo info = writeWithFloe(good);
    byte[] content = Files.readAllBytes(good.toPath());

    File tiny = write("tiny.stats", Arrays.copyOf(content, 10));
    assertFooterFails(tiny, -1, -1, "truncated");
    File cut = write("cut.stats", Arrays.copyOf(content, content.length - 3));
    assertFooterFails(cut, -1, -1, "expected the magic PFA1");
    assertFooterFails(cut, info.fileSize(), info.footerSize(), "truncated");

    byte[] badTail = content.clone();
    badTail[badTail.length - 1] = 'X';
    assertFooterFails(write("bad-tail.stats", badTail), -1, -1, "is not a Puffin file: expected the magic PFA1 at offset "
        + (content.length - 4));
    byte[] badHead = content.clone();
    badHead[0] = 'Q';
    assertFooterFails(write("bad-head.stats", badHead), -1, -1, "expected the magic PFA1 at offset 0");
    byte[] badFooterStart = content.clone();
    badFooterStart[(int) (content.length - info.footerSize())] = 'Q';
    assertFooterFails(write("bad-footer.stats", badFooterStart), -1, -1,
        "expected the magic PFA1 at offset " + (content.length - info.footerSize()));
    // a wrong footer size given by table metadata
    assertFooterFails(good, info.fileSize(), info.footerSize() - 1, "expected the magic PFA1");
    assertFooterFails(good, info.fileSize(), info.fileSize() + 100, "truncated");
    assertNotEquals(0, content.length);
  }

  private File write(String name, byte[] content) throws IOException {
    File file = dir.resolve(name).toFile();
    Files.write(file.toPath(), content);
    return file;
  }

  private void assertFooterFails(File file, long fileSize, long footerSize, String expected) {
    try (io.floe.puffin.PuffinReader reader = new io.floe.puffin.PuffinReader(io.newInputFile(file.getPath()),
        fileSize, footerSize)) {
      InvalidMetadataException e = assertThrows(InvalidMetadataException.class, reader::footer);
      assertTrue(e.getMessage().contains("Puffin file " + file.getPath()), e.getMessage());
      assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
  }

  @Test
  void writerRejectsUseAfterFinishAndWritesAnEmptyFile() {
    File file = dir.resolve("empty.stats").toFile();
    io.floe.puffin.PuffinWriter writer = new io.floe.puffin.PuffinWriter(io.newOutputFile(file.getPath()));
    PuffinFileInfo info = writer.finish();
    assertThrows(IllegalStateException.class, () -> writer.write(PLAIN_BLOB));
    writer.close();
    assertEquals(List.of(), info.blobs());
    assertEquals(file.length(), info.fileSize());
    try (io.floe.puffin.PuffinReader reader = new io.floe.puffin.PuffinReader(io.newInputFile(file.getPath()))) {
      assertEquals(List.of(), reader.blobs());
      assertEquals(info.footerSize(), info.fileSize() - 4);
    }
  }
}
