package io.floe.benchmarks;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop configurations for Iceberg's file-system tables on local disk.
 *
 * <ul>
 *   <li>{@code checksum}: Hadoop's default local file system (what {@code new Configuration()} gives): every
 *       file gets a {@code .crc} side file, and without the native Hadoop library every file and directory
 *       creation forks a {@code chmod} process.</li>
 *   <li>{@code raw}: {@link RawLocalFileSystem} without permission changes ({@link NoChmod}): no side files, no
 *       processes, so what remains is Iceberg's own commit path.</li>
 * </ul>
 */
final class HadoopConfs {
  static final String CHECKSUM = "checksum";
  static final String RAW = "raw";

  private HadoopConfs() {
  }

  static Configuration forName(String name) {
    Configuration conf = new Configuration();
    if (RAW.equals(name)) {
      conf.set("fs.file.impl", NoChmod.class.getName());
      conf.setBoolean("fs.file.impl.disable.cache", true);
    } else if (!CHECKSUM.equals(name)) {
      throw new IllegalArgumentException("unknown Hadoop file system '" + name + "'; use " + CHECKSUM + " or " + RAW);
    }
    return conf;
  }

  /** Hadoop's raw local file system, leaving permissions as the process umask makes them (no chmod forks). */
  public static final class NoChmod extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) {
      // permissions stay as created: forking chmod per file is not part of what is measured
    }
  }
}
