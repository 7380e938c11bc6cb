package io.floe.storage;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.hadoop.HadoopFileIO;
import io.floe.io.FileIO;
import io.floe.io.LocalFileIO;
import io.floe.s3.S3FileIO;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileIOResolverTest {
  private static final Map<String, String> S3 = Map.of("s3.endpoint", "http://127.0.0.1:9", "s3.path-style-access", "true",
      "s3.access-key-id", "k", "s3.secret-access-key", "s", "client.region", "us-east-1");

  @Test
  void picksTheIoByScheme() {
    for (String local : new String[] {"/tmp/wh/t", "file:/tmp/wh/t", "file:///tmp/wh/t", "relative/dir", "C:/wh/t"}) {
      try (FileIO io = FileIOResolver.forLocation(local, Map.of())) {
        assertInstanceOf(LocalFileIO.class, io, local);
      }
    }
    for (String s3 : new String[] {"s3://b/wh/t", "s3a://b/wh/t", "S3N://b/wh/t"}) {
      try (FileIO io = FileIOResolver.forLocation(s3, S3)) {
        assertInstanceOf(S3FileIO.class, io, s3);
      }
    }
    for (String hadoop : new String[] {"hdfs://namenode:8020/wh/t", "viewfs://cluster/wh/t"}) {
      try (FileIO io = FileIOResolver.forLocation(hadoop, Map.of())) {
        assertInstanceOf(HadoopFileIO.class, io, hadoop);
      }
    }
  }

  @Test
  void anUnknownSchemeFailsNamingIt() {
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> FileIOResolver.forLocation("nosuchfs://bucket/wh/t", Map.of()));
    assertTrue(e.getMessage().startsWith("not supported:") && e.getMessage().contains("nosuchfs"), e.getMessage());
  }
}
