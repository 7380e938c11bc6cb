package io.floe.catalog.warehouse;

import io.floe.s3.S3Server;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/** The shared catalog suite on the warehouse catalog in S3 (a real S3 API server, s3proxy, in this JVM); same rules as on local disk. */
class WarehouseCatalogS3Test extends WarehouseCatalogLocalTest {
  private static final String BUCKET = "catalog-suite";
  private static S3Server server;
  private final String prefix = UUID.randomUUID().toString();

  @BeforeAll
  static void startServer() throws Exception {
    server = S3Server.sharedWithBucket(BUCKET);
  }

  @Override
  protected String storeRoot() {
    return "s3://" + BUCKET + "/" + prefix;
  }

  @Override
  protected Map<String, String> catalogProperties(String catalogName) {
    Map<String, String> props = new HashMap<>(server.properties());
    props.put("catalog.type", "warehouse");
    props.put("catalog.name", catalogName);
    props.put("warehouse", warehouse());
    return props;
  }

  @Override
  protected void assertTableStored(String relativePath) {
    String key = warehouse().substring(("s3://" + BUCKET + "/").length()) + "/" + relativePath;
    assertTrue(server.client().listObjectsV2(r -> r.bucket(BUCKET).prefix(key)).keyCount() == 1, "s3://" + BUCKET + "/" + key);
  }
}
