package io.floe.manifest;

import io.floe.io.FileIO;
import io.floe.io.InputFile;
import io.floe.metadata.InvalidMetadataException;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/** Reading Avro metadata files (manifests, manifest lists) through a {@link FileIO}, with errors naming the file. */
final class AvroFiles {
  /** Generic data without logical-type conversions: values are read and written as their raw Avro types. */
  static final GenericData DATA = new GenericData();

  private AvroFiles() {
  }

  /**
   * Reads every record of an Avro file. {@code converterForSchema} gets the file's schema and returns the
   * conversion of each record, or null to leave the record out. {@code what} ("manifest", "manifest list") names the file in errors: an
   * {@link UncheckedIOException} when it is missing or unreadable, an {@link InvalidMetadataException} when it is
   * not a whole, valid Avro file (Avro itself takes a truncated last block for the end of the file).
   */
  static <T> List<T> readAll(FileIO io, String location, String what,
                             Function<Schema, Function<GenericRecord, T>> converterForSchema) {
    InputFile in = io.newInputFile(location);
    List<T> result = new ArrayList<>();
    AvroSeekableInput input;
    try {
      input = new AvroSeekableInput(in);
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new UncheckedIOException(what + " " + location + " does not exist", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " " + location + ": " + e.getMessage(), e);
    }
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(input, new GenericDatumReader<>(null, null, DATA))) {
      Function<GenericRecord, T> converter = converterForSchema.apply(reader.getSchema());
      GenericRecord record = null;
      while (reader.hasNext()) {
        record = reader.next(record);
        T value = converter.apply(record);
        if (value != null) {
          result.add(value);
        }
      }
      if (reader.previousSync() != input.length()) {
        throw new InvalidMetadataException(what + " " + location + " is truncated or corrupt: its complete blocks end at byte "
            + reader.previousSync() + " of " + input.length());
      }
    } catch (InvalidMetadataException | UnsupportedOperationException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      closeQuietly(input, e);
      if (e instanceof IOException io2 && !isFormatProblem(io2)) {
        throw new UncheckedIOException("cannot read " + what + " " + location + ": " + e.getMessage(), io2);
      }
      throw new InvalidMetadataException(what + " " + location + " is not a valid Avro file: " + e.getMessage(), e);
    }
    return result;
  }

  private static boolean isFormatProblem(IOException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return e instanceof EOFException || message.contains("Not an Avro data file") || message.contains("Not a data file")
        || message.contains("corrupt") || e.getCause() instanceof AvroRuntimeException;
  }

  private static void closeQuietly(AvroSeekableInput input, Exception failure) {
    try {
      input.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
