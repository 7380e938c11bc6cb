package io.floe.metadata;

import io.floe.io.FileIO;
import io.floe.io.SeekableInputStream;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.zip.GZIPInputStream;

/** The bytes of a metadata file (table or view), gunzipped when its name says it is compressed. */
public final class MetadataFileContent {
  private MetadataFileContent() {
  }

  /**
   * The file's content ({@code .gz.metadata.json} and {@code .metadata.json.gz} names are gunzipped). A missing or
   * unreadable file gives an {@link UncheckedIOException} naming it as {@code what} (e.g. "table metadata file").
   */
  public static byte[] read(FileIO io, String location, String what) {
    try (SeekableInputStream stream = io.newInputFile(location).newStream()) {
      return isGzipped(location) ? gunzip(stream) : stream.readAllBytes();
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new UncheckedIOException(what + " " + location + " does not exist", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " " + location + ": " + e.getMessage(), e);
    }
  }

  private static boolean isGzipped(String location) {
    return location.endsWith(".gz.metadata.json") || location.endsWith(".metadata.json.gz");
  }

  private static byte[] gunzip(InputStream stream) throws IOException {
    byte[] compressed = stream.readAllBytes();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    }
  }
}
