package io.floe.catalog;

import io.floe.io.FileIO;
import io.floe.storage.FileIOResolver;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * Creates the FileIO for a warehouse from catalog properties: the class named by {@code io-impl} (Iceberg's
 * property; a public constructor taking the property map, or none), else the IO for the warehouse's URI scheme
 * ({@link FileIOResolver}: local, S3 or Hadoop).
 */
public final class FileIOs {
  /** The FileIO class to use (Iceberg's property name). */
  public static final String IO_IMPL = "io-impl";

  private FileIOs() {
  }

  public static FileIO load(String warehouse, Map<String, String> properties) {
    String impl = properties.get(IO_IMPL);
    if (impl != null) {
      return instantiate(impl, properties);
    }
    return FileIOResolver.forLocation(warehouse, properties);
  }

  private static FileIO instantiate(String className, Map<String, String> properties) {
    Class<?> cls;
    try {
      cls = Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(IO_IMPL + "=" + className + ": no such class on the class path", e);
    }
    if (!FileIO.class.isAssignableFrom(cls)) {
      throw new IllegalArgumentException(IO_IMPL + "=" + className + " is not an " + FileIO.class.getName());
    }
    try {
      try {
        Constructor<?> withProperties = cls.getConstructor(Map.class);
        return (FileIO) withProperties.newInstance(properties);
      } catch (NoSuchMethodException e) {
        return (FileIO) cls.getConstructor().newInstance();
      }
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(IO_IMPL + "=" + className
          + " has neither a public constructor taking the properties (Map) nor a public no-argument one", e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(IO_IMPL + "=" + className + " could not be created: "
          + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(IO_IMPL + "=" + className + " could not be created: " + e.getMessage(), e);
    }
  }
}
