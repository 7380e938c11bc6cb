package io.floe.catalog.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.io.FileIO;
import io.floe.io.InputFile;
import io.floe.io.PositionOutputStream;
import io.floe.io.SeekableInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A namespace's properties file: a JSON object {@code {"properties": {...}}}, created exclusively and replaced
 * atomically as a whole (the FileIO's create and atomic overwrite).
 */
final class NamespaceFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Map<String, String>>> TYPE = new TypeReference<>() {
  };

  private NamespaceFile() {
  }

  /** The properties, or null when the file does not exist. */
  static Map<String, String> read(FileIO io, String location) {
    InputFile in = io.newInputFile(location);
    byte[] bytes;
    try (SeekableInputStream stream = in.newStream()) {
      bytes = stream.readAllBytes();
    } catch (NoSuchFileException | FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read namespace properties file " + location + ": " + e.getMessage(), e);
    }
    try {
      Map<String, Map<String, String>> content = JSON.readValue(bytes, TYPE);
      Map<String, String> props = content == null ? null : content.get("properties");
      if (props == null) {
        throw new IllegalStateException("namespace properties file " + location + " has no 'properties' object");
      }
      return new TreeMap<>(props);
    } catch (IOException e) {
      throw new IllegalStateException("namespace properties file " + location + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Creates the file; false when it already exists. */
  static boolean create(FileIO io, String location, Map<String, String> properties) {
    try (PositionOutputStream out = io.newOutputFile(location).create()) {
      out.write(toJson(properties));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write namespace properties file " + location + ": " + e.getMessage(), e);
    }
  }

  /** Replaces the file atomically. */
  static void replace(FileIO io, String location, Map<String, String> properties) {
    try (PositionOutputStream out = io.newOutputFile(location).createOrOverwrite()) {
      out.write(toJson(properties));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write namespace properties file " + location + ": " + e.getMessage(), e);
    }
  }

  private static byte[] toJson(Map<String, String> properties) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("properties", new TreeMap<>(properties)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize namespace properties: " + e.getMessage(), e);
    }
  }
}
