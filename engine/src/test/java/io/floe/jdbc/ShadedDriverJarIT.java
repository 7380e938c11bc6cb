package io.floe.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded driver {@code target/floe-jdbc.jar} on its own: loaded in a fresh class loader whose parent is the
 * JDK's platform loader (nothing of the build's class path), it connects and runs a query. Runs in the
 * integration-test phase, after {@code package} made the jar.
 */
class ShadedDriverJarIT {
  private static final Path JAR = Path.of("target", "floe-jdbc.jar");

  @TempDir
  Path warehouse;

  @Test
  void theJarAloneRunsAQuery() throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is built by mvn package");
    JdbcTestWarehouse.create(warehouse);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      Thread.currentThread().setContextClassLoader(loader);
      Class<?> driverClass = Class.forName("io.floe.jdbc.FloeDriver", true, loader);
      assertTrue(driverClass.getClassLoader() == loader, "the driver comes from the jar");
      Driver driver = (Driver) driverClass.getDeclaredConstructor().newInstance();
      try (Connection connection = driver.connect("jdbc:floe:" + warehouse + "?schema=shop", new Properties());
           Statement statement = connection.createStatement();
           ResultSet rs = statement.executeQuery("SELECT count(*), sum(c_decimal * 2), max(c_date) FROM all_types "
               + "WHERE c_int + 1 > 2 AND c_string LIKE 'h%'")) {
        assertTrue(rs.next());
        assertEquals(1L, rs.getLong(1));
        assertEquals(new BigDecimal("24691.34"), rs.getBigDecimal(2));
        assertEquals("2024-02-29", rs.getString(3));
        assertFalse(rs.next());
      }
      try (Connection connection = driver.connect("jdbc:floe:" + warehouse, new Properties())) {
        SQLException missing = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
            () -> connection.createStatement().executeQuery("SELECT * FROM shop.nothing"));
        assertEquals("42S02", missing.getSQLState());
      }
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  @Test
  void clashingPackagesAreRelocated() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (String prefix : new String[] {"com/google/", "com/fasterxml/jackson/", "org/apache/commons/", "io/netty/"}) {
        assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith(prefix)), prefix + " is relocated");
      }
      assertTrue(jar.getEntry("io/floe/shaded/com/google/common/collect/ImmutableList.class") != null);
      String drivers = new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver")).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(drivers.lines().anyMatch("io.floe.jdbc.FloeDriver"::equals), drivers);
    }
  }
}
