package io.floe.storage;

import io.floe.hadoop.HadoopFileIO;
import io.floe.io.FileIO;
import io.floe.io.LocalFileIO;
import io.floe.s3.S3FileIO;
import io.floe.s3.S3Location;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Picks the {@link FileIO} for a location by its URI scheme: no scheme or {@code file:} -> {@link LocalFileIO};
 * {@code s3://}, {@code s3a://}, {@code s3n://} -> {@link S3FileIO} (conditional-write commits; Hadoop's S3A cannot
 * create exclusively); {@code hdfs://} and any other scheme Hadoop has a file system for -> {@link HadoopFileIO}.
 */
public final class FileIOResolver {
  private FileIOResolver() {
  }

  /**
   * A new IO for {@code location}, configured with {@code properties} (S3FileIO's Iceberg-named properties, or
   * Hadoop configuration keys); the caller closes it. Fails naming the scheme if nothing handles it.
   */
  public static FileIO forLocation(String location, Map<String, String> properties) {
    String scheme = scheme(location);
    if (scheme == null || scheme.equals("file")) {
      return new LocalFileIO();
    }
    if (S3Location.isS3(location)) {
      return new S3FileIO(properties);
    }
    HadoopFileIO hadoop = new HadoopFileIO(properties);
    if (!hasHadoopFileSystem(scheme, hadoop.conf())) {
      throw new UnsupportedOperationException("not supported: no FileIO for scheme '" + scheme + "' of " + location
          + " (Floe handles file, s3, s3a, s3n and the schemes Hadoop has a file system for, like hdfs)");
    }
    return hadoop;
  }

  /** The lower-case scheme, or null for a plain path. */
  static String scheme(String location) {
    int colon = location.indexOf(':');
    if (colon <= 1 || location.indexOf('/') >= 0 && location.indexOf('/') < colon) {
      return null; // a path, or a Windows drive letter
    }
    return location.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  private static boolean hasHadoopFileSystem(String scheme, Configuration conf) {
    try {
      FileSystem.getFileSystemClass(scheme, conf);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
