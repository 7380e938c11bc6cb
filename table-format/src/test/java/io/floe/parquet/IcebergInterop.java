package io.floe.parquet;

import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.types.ByteBuffers;
import io.floe.types.IcebergTypes;
import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Type;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Files;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.apache.parquet.column.ParquetProperties;

/** Test oracle: converts Floe schemas and internal values to Apache Iceberg's and reads/writes with Iceberg. */
public final class IcebergInterop {
  private static final LocalDate EPOCH_DAY = LocalDate.of(1970, 1, 1);
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private IcebergInterop() {
  }

  /** The Iceberg schema of a Floe schema (see {@link IcebergTypes}). */
  public static org.apache.iceberg.Schema toIceberg(Schema schema) {
    return IcebergTypes.toIceberg(schema);
  }

  /** An Iceberg generic record holding the same values as a Floe record. */
  public static org.apache.iceberg.data.Record toIceberg(Types.StructType icebergStruct, Record record) {
    org.apache.iceberg.data.GenericRecord out = org.apache.iceberg.data.GenericRecord.create(icebergStruct);
    for (int i = 0; i < record.size(); i++) {
      out.set(i, toIcebergValue(icebergStruct.fields().get(i).type(), record.struct().fields().get(i).type(), record.get(i)));
    }
    return out;
  }

  private static Object toIcebergValue(org.apache.iceberg.types.Type itype, Type type, Object value) {
    if (value == null) {
      return null;
    }
    if (type instanceof StructType) {
      return toIceberg(itype.asStructType(), (Record) value);
    } else if (type instanceof ListType l) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) value) {
        out.add(toIcebergValue(itype.asListType().elementType(), l.elementType(), e));
      }
      return out;
    } else if (type instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        out.put(toIcebergValue(itype.asMapType().keyType(), m.keyType(), e.getKey()),
            toIcebergValue(itype.asMapType().valueType(), m.valueType(), e.getValue()));
      }
      return out;
    }
    return switch (type.typeId()) {
      case DATE -> EPOCH_DAY.plusDays((Integer) value);
      case TIME -> LocalTime.ofNanoOfDay((Long) value * 1000);
      case TIMESTAMP -> EPOCH.plus((Long) value, ChronoUnit.MICROS);
      case TIMESTAMPTZ -> EPOCH.plus((Long) value, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
      case FIXED -> ByteBuffers.toByteArray((ByteBuffer) value);
      default -> value;
    };
  }

  /** A Floe record holding the same values as an Iceberg generic record. */
  public static Record fromIceberg(StructType struct, org.apache.iceberg.data.Record record) {
    GenericRecord out = new GenericRecord(struct);
    for (int i = 0; i < struct.fields().size(); i++) {
      out.set(i, fromIcebergValue(struct.fields().get(i).type(), record.get(i)));
    }
    return out;
  }

  private static Object fromIcebergValue(Type type, Object value) {
    if (value == null) {
      return null;
    }
    if (type instanceof StructType s) {
      return fromIceberg(s, (org.apache.iceberg.data.Record) value);
    } else if (type instanceof ListType l) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) value) {
        out.add(fromIcebergValue(l.elementType(), e));
      }
      return out;
    } else if (type instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        out.put(fromIcebergValue(m.keyType(), e.getKey()), fromIcebergValue(m.valueType(), e.getValue()));
      }
      return out;
    }
    return switch (type.typeId()) {
      case DATE -> (int) ((LocalDate) value).toEpochDay();
      case TIME -> ((LocalTime) value).toNanoOfDay() / 1000;
      case TIMESTAMP -> ChronoUnit.MICROS.between(EPOCH, (LocalDateTime) value);
      case TIMESTAMPTZ -> ChronoUnit.MICROS.between(EPOCH.atOffset(ZoneOffset.UTC), (OffsetDateTime) value);
      case FIXED -> ByteBuffer.wrap((byte[]) value);
      default -> value;
    };
  }

  /** Writes rows with Iceberg's generic Parquet writer and returns its metrics. */
  public static Metrics write(File file, Schema schema, List<Record> rows, Map<String, String> properties) {
    return write(file, schema, rows, properties, ParquetProperties.WriterVersion.PARQUET_1_0);
  }

  /** As {@link #write(File, Schema, List, Map)}, with data pages of {@code version} (v2: DELTA encodings). */
  public static Metrics write(File file, Schema schema, List<Record> rows, Map<String, String> properties,
                              ParquetProperties.WriterVersion version) {
    org.apache.iceberg.Schema icebergSchema = toIceberg(schema);
    try {
      Parquet.WriteBuilder builder = Parquet.write(Files.localOutput(file)).schema(icebergSchema)
          .createWriterFunc(GenericParquetWriter::create).writerVersion(version);
      properties.forEach(builder::set);
      FileAppender<org.apache.iceberg.data.Record> appender = builder.build();
      try (appender) {
        for (Record row : rows) {
          appender.add(toIceberg(icebergSchema.asStruct(), row));
        }
      }
      return appender.metrics();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a Parquet file with Iceberg's generic reader, projecting {@code schema} (by field id). */
  public static List<Record> read(File file, Schema schema) {
    org.apache.iceberg.Schema icebergSchema = toIceberg(schema);
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<org.apache.iceberg.data.Record> records = Parquet.read(Files.localInput(file))
        .project(icebergSchema)
        .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(icebergSchema, fileSchema))
        .build()) {
      for (org.apache.iceberg.data.Record r : records) {
        rows.add(fromIceberg(schema.asStruct(), r));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
