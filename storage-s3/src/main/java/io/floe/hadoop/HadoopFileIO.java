package io.floe.hadoop;

import io.floe.io.BulkDeleteException;
import io.floe.io.FileIO;
import io.floe.io.FileInfo;
import io.floe.io.InputFile;
import io.floe.io.OutputFile;
import io.floe.io.SupportsBulkDelete;
import io.floe.io.SupportsListing;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * {@link FileIO} over a Hadoop {@link FileSystem}, for {@code hdfs://} and the other schemes Hadoop has a file
 * system for ({@code viewfs://}, {@code abfs://}, {@code file:} ...).
 *
 * <p>{@link OutputFile#create()} writes a hidden temporary file next to the target, then publishes it with
 * {@link FileSystem#rename(Path, Path)} after checking the target is absent. Whether that is the atomic,
 * exclusive create Floe's commits need depends on the file system's rename:
 * <ul>
 *   <li><b>HDFS</b> (and viewfs over HDFS): yes. The NameNode renames atomically and refuses an existing
 *       destination, so exactly one of several racing creators wins, and readers never see a partial file.
 *       ({@code FileSystem.create(path, false)} alone would be exclusive on HDFS too, but the file would be
 *       visible, empty or partial, while being written.)</li>
 *   <li><b>The local file system</b> through Hadoop: no. Its rename replaces an existing file; the check
 *       beforehand narrows but does not close the race. Use {@link io.floe.io.LocalFileIO} (hard links), as
 *       {@link io.floe.storage.FileIOResolver} does for {@code file:} locations.</li>
 *   <li><b>S3A</b> and other object stores through Hadoop: no (rename is a copy then a delete, and create with
 *       {@code overwrite=false} is not exclusive either). Use {@link io.floe.s3.S3FileIO} (conditional writes), as
 *       the resolver does for {@code s3a://}.</li>
 * </ul>
 * {@link OutputFile#createOrOverwrite()} writes in place (not atomic). File systems are opened per scheme and
 * authority with {@link FileSystem#newInstance} and closed by {@link #close()}.
 */
public final class HadoopFileIO implements FileIO, SupportsListing, SupportsBulkDelete {
  private final Configuration conf;
  private final Map<String, FileSystem> fileSystems = new ConcurrentHashMap<>();

  public HadoopFileIO(Configuration conf) {
    this.conf = conf;
  }

  /** A Hadoop configuration of the defaults plus these properties (e.g. {@code fs.defaultFS}, {@code dfs.*}). */
  public HadoopFileIO(Map<String, String> properties) {
    this(configuration(properties));
  }

  private static Configuration configuration(Map<String, String> properties) {
    Configuration c = new Configuration();
    properties.forEach(c::set);
    return c;
  }

  public Configuration conf() {
    return conf;
  }

  /** The file system of a location (opened once per scheme and authority). */
  FileSystem fileSystem(Path path) {
    URI uri = path.toUri();
    String key = (uri.getScheme() == null ? "" : uri.getScheme()) + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority());
    return fileSystems.computeIfAbsent(key, k -> {
      try {
        return FileSystem.newInstance(uri, conf);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the Hadoop file system of " + path + ": " + e.getMessage(), e);
      }
    });
  }

  static Path path(String location) {
    try {
      return new Path(location);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a valid Hadoop path: " + location + " (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public InputFile newInputFile(String location) {
    Path p = path(location);
    return new HadoopInputFile(fileSystem(p), p, location);
  }

  @Override
  public OutputFile newOutputFile(String location) {
    Path p = path(location);
    return new HadoopOutputFile(fileSystem(p), p, location);
  }

  @Override
  public void deleteFile(String location) {
    Path p = path(location);
    try {
      fileSystem(p).delete(p, false);
    } catch (FileNotFoundException e) {
      // already gone: deleting a missing file is not an error
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + location + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the files one by one (Hadoop's file systems have no general bulk delete). */
  @Override
  public void deleteFiles(Collection<String> locations) {
    List<String> failed = new ArrayList<>();
    RuntimeException first = null;
    for (String location : locations) {
      try {
        deleteFile(location);
      } catch (UncheckedIOException e) {
        failed.add(location);
        first = first == null ? e : first;
      }
    }
    if (!failed.isEmpty()) {
      throw new BulkDeleteException("could not delete " + failed.size() + " of " + locations.size() + " files, e.g. "
          + failed.get(0) + ": " + first.getMessage(), failed, first);
    }
  }

  /** Every file below the directory {@code prefix}, named as {@code prefix} + relative path. */
  @Override
  public List<FileInfo> listPrefix(String prefix) {
    Path root = path(prefix);
    FileSystem fs = fileSystem(root);
    String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    List<FileInfo> files = new ArrayList<>();
    try {
      String rootPath = fs.makeQualified(root).toUri().getPath();
      String rootDir = rootPath.endsWith("/") ? rootPath : rootPath + "/";
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus s = it.next();
        String path = s.getPath().toUri().getPath();
        String rel = path.startsWith(rootDir) ? path.substring(rootDir.length()) : s.getPath().getName();
        files.add(new FileInfo(base + "/" + rel, s.getLen(), s.getModificationTime()));
      }
    } catch (FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + prefix + ": " + e.getMessage(), e);
    }
    return files;
  }

  @Override
  public void close() {
    IOException first = null;
    for (FileSystem fs : fileSystems.values()) {
      try {
        fs.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    fileSystems.clear();
    if (first != null) {
      throw new UncheckedIOException("cannot close a Hadoop file system: " + first.getMessage(), first);
    }
  }
}
