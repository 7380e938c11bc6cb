package io.floe.manifest;

import io.floe.io.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/** Writes records to a new Avro file (created exclusively) with key-value metadata, and knows its length. */
final class AvroAppender {
  private final String location;
  private final DataFileWriter<GenericRecord> writer;
  private final CountingOutputStream counter;
  private boolean closed;

  AvroAppender(OutputFile out, Schema schema, Map<String, String> metadata) {
    this.location = out.location();
    try {
      this.counter = new CountingOutputStream(out.create());
      this.writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema, AvroFiles.DATA));
      writer.setCodec(CodecFactory.deflateCodec(6));
      metadata.forEach(writer::setMeta);
      writer.create(schema, counter);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + location + ": " + e.getMessage(), e);
    }
  }

  String location() {
    return location;
  }

  void append(GenericRecord record) {
    if (closed) {
      throw new IllegalStateException(location + " is already closed");
    }
    try {
      writer.append(record);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + location + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot write a record to " + location + ": " + e.getMessage(), e);
    }
  }

  /** Closes the file, which makes it visible, and returns its length in bytes. */
  long close() {
    if (closed) {
      throw new IllegalStateException(location + " is already closed");
    }
    closed = true;
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + location + ": " + e.getMessage(), e);
    }
    return counter.count();
  }
}
