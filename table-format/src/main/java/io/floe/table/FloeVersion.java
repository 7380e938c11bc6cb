package io.floe.table;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/** Floe's version, from the resource the build generates, else the jar manifest, else {@code dev}. */
final class FloeVersion {
  private static final String RESOURCE = "/io/floe/floe-version.properties";
  private static final String VERSION = load();

  private FloeVersion() {
  }

  static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = FloeVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank() && !v.contains("${")) {
          return v.trim();
        }
      }
    } catch (IOException e) {
      LoggerFactory.getLogger(FloeVersion.class).warn("cannot read {}; using the jar manifest's version: {}", RESOURCE,
          e.toString());
    }
    String manifest = FloeVersion.class.getPackage().getImplementationVersion();
    return manifest == null || manifest.isBlank() ? "dev" : manifest;
  }
}
