package io.floe.metadata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of table metadata files in the layout of Iceberg's file-system (Hadoop) tables:
 * {@code <table location>/metadata/v<N>.metadata.json}.
 */
public final class MetadataFiles {
  private static final Pattern VERSIONED = Pattern.compile("v([0-9]{1,9})\\.metadata\\.json");

  private MetadataFiles() {
  }

  /** {@code v<N>.metadata.json}. */
  public static String metadataFileName(int version) {
    if (version < 0) {
      throw new IllegalArgumentException("metadata version must not be negative: " + version);
    }
    return "v" + version + ".metadata.json";
  }

  /**
   * The version N of a file named {@code v<N>.metadata.json} (a bare name or a path ending in one), or -1 for any
   * other name (including Iceberg's compressed {@code v<N>.gz.metadata.json}).
   */
  public static int parseVersion(String fileName) {
    if (fileName == null) {
      return -1;
    }
    String name = fileName.substring(fileName.lastIndexOf('/') + 1);
    Matcher m = VERSIONED.matcher(name);
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }
}
