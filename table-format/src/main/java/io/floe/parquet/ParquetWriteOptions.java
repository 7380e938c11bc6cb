package io.floe.parquet;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Settings of a Parquet data file writer.
 *
 * @param rowGroupSizeBytes target size of a row group, before compression (Parquet's "block size")
 * @param pageSizeBytes target size of a data page
 * @param dictionaryPageSizeBytes largest dictionary before a column falls back to plain encoding
 * @param dictionaryEnabled whether columns are dictionary-encoded when it pays
 * @param compression the page compression codec; every codec named here works without native Hadoop libraries
 * @param truncateLength the number of code points (strings) or bytes (binary) kept in lower/upper bounds
 */
public record ParquetWriteOptions(
    long rowGroupSizeBytes,
    int pageSizeBytes,
    int dictionaryPageSizeBytes,
    boolean dictionaryEnabled,
    Codec compression,
    int truncateLength) {

  public static final long DEFAULT_ROW_GROUP_SIZE = 128L * 1024 * 1024;
  public static final int DEFAULT_PAGE_SIZE = 1024 * 1024;
  public static final int DEFAULT_DICTIONARY_PAGE_SIZE = 2 * 1024 * 1024;
  public static final int DEFAULT_TRUNCATE_LENGTH = 16;

  /** Compression codecs that work in pure Java (zstd and snappy through their bundled JNI libraries). */
  public enum Codec {
    UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED),
    SNAPPY(CompressionCodecName.SNAPPY),
    GZIP(CompressionCodecName.GZIP),
    ZSTD(CompressionCodecName.ZSTD),
    LZ4_RAW(CompressionCodecName.LZ4_RAW);

    private final CompressionCodecName parquetName;

    Codec(CompressionCodecName parquetName) {
      this.parquetName = parquetName;
    }

    CompressionCodecName parquetName() {
      return parquetName;
    }
  }

  public ParquetWriteOptions {
    if (rowGroupSizeBytes <= 0) {
      throw new IllegalArgumentException("row group size must be positive: " + rowGroupSizeBytes);
    }
    if (pageSizeBytes <= 0) {
      throw new IllegalArgumentException("page size must be positive: " + pageSizeBytes);
    }
    if (dictionaryPageSizeBytes <= 0) {
      throw new IllegalArgumentException("dictionary page size must be positive: " + dictionaryPageSizeBytes);
    }
    if (compression == null) {
      throw new IllegalArgumentException("compression codec is required");
    }
    if (truncateLength < 0) {
      throw new IllegalArgumentException("truncate length must not be negative: " + truncateLength);
    }
  }

  /** Iceberg's defaults: 128 MiB row groups, 1 MiB pages, dictionary on, zstd, bounds truncated to 16. */
  public static ParquetWriteOptions defaults() {
    return new ParquetWriteOptions(DEFAULT_ROW_GROUP_SIZE, DEFAULT_PAGE_SIZE, DEFAULT_DICTIONARY_PAGE_SIZE, true,
        Codec.ZSTD, DEFAULT_TRUNCATE_LENGTH);
  }

  public ParquetWriteOptions withRowGroupSize(long bytes) {
    return new ParquetWriteOptions(bytes, pageSizeBytes, dictionaryPageSizeBytes, dictionaryEnabled, compression, truncateLength);
  }

  public ParquetWriteOptions withPageSize(int bytes) {
    return new ParquetWriteOptions(rowGroupSizeBytes, bytes, dictionaryPageSizeBytes, dictionaryEnabled, compression, truncateLength);
  }

  public ParquetWriteOptions withDictionary(boolean enabled) {
    return new ParquetWriteOptions(rowGroupSizeBytes, pageSizeBytes, dictionaryPageSizeBytes, enabled, compression, truncateLength);
  }

  public ParquetWriteOptions withCompression(Codec codec) {
    return new ParquetWriteOptions(rowGroupSizeBytes, pageSizeBytes, dictionaryPageSizeBytes, dictionaryEnabled, codec, truncateLength);
  }

  public ParquetWriteOptions withTruncateLength(int length) {
    return new ParquetWriteOptions(rowGroupSizeBytes, pageSizeBytes, dictionaryPageSizeBytes, dictionaryEnabled, compression, length);
  }
}
