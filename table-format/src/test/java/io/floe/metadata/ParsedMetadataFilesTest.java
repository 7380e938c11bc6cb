package io.floe.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ParsedMetadataFilesTest {
  private final AtomicInteger parses = new AtomicInteger();

  private Supplier<TableMetadata> parse(String location) {
    return () -> {
      parses.incrementAndGet();
      return MetadataFixtures.empty(location);
    };
  }

  @Test
  void sameBytesAreParsedOnceOtherBytesAgain() {
    ParsedMetadataFiles files = new ParsedMetadataFiles(1000);
    TableMetadata first = files.get("/t/v1.metadata.json", new byte[] {1, 2}, parse("/t"));
    assertSame(first, files.get("/t/v1.metadata.json", new byte[] {1, 2}, parse("/t")));
    assertEquals(1, parses.get());
    files.get("/t/v1.metadata.json", new byte[] {1, 3}, parse("/t"));
    assertEquals(2, parses.get(), "changed content is parsed");
  }

  @Test
  void holdsTheMostRecentlyUsedFilesUpToItsBytes() {
    ParsedMetadataFiles files = new ParsedMetadataFiles(400);
    files.get("/a", new byte[100], parse("/a"));
    files.get("/b", new byte[100], parse("/b"));
    files.get("/c", new byte[100], parse("/c"));
    files.get("/a", new byte[100], parse("/a")); // used again: /b is now the least recent
    files.get("/d", new byte[100], parse("/d")); // 400 bytes held
    files.get("/e", new byte[100], parse("/e")); // /b leaves
    assertEquals(5, parses.get());
    files.get("/a", new byte[100], parse("/a"));
    files.get("/e", new byte[100], parse("/e"));
    assertEquals(5, parses.get(), "kept");
    files.get("/b", new byte[100], parse("/b"));
    assertEquals(6, parses.get(), "evicted, parsed again");
    files.get("/big", new byte[101], parse("/big"));
    files.get("/big", new byte[101], parse("/big"));
    assertEquals(8, parses.get(), "a file over a quarter of the bytes is not held");
  }
}
