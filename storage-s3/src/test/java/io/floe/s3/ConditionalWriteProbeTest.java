package io.floe.s3;

import static io.floe.s3.FaultProxy.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.partition.PartitionSpec;
import io.floe.table.TableFixtures;
import io.floe.table.Tables;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An endpoint that silently ignores {@code If-None-Match: *} (simulated by a proxy stripping the header) is
 * detected and refused before a table is created on it; one that honours it is probed once per bucket.
 */
class ConditionalWriteProbeTest {
  private static final String BUCKET = "floe-probe";

  @Test
  void anEndpointIgnoringIfNoneMatchIsRefusedWithAClearError() throws Exception {
    try (S3Server server = S3Server.startWithoutAuthentication(); FaultProxy proxy = new FaultProxy(server.port());
        S3FileIO io = new S3FileIO(server.properties(proxy.port()))) {
      server.createBucket(BUCKET);
      proxy.stripHeader(on("PUT", ".*"), "If-None-Match", Integer.MAX_VALUE);
      ConditionalWritesUnsupportedException e = assertThrows(ConditionalWritesUnsupportedException.class,
          () -> io.verifyConditionalWrites("s3://" + BUCKET + "/wh/t"));
      assertTrue(e.getMessage().startsWith("not supported:"), e.getMessage());
      assertTrue(e.getMessage().contains("If-None-Match") && e.getMessage().contains(BUCKET)
          && e.getMessage().contains("127.0.0.1:" + proxy.port()), e.getMessage());

      String location = "s3://" + BUCKET + "/wh/refused";
      assertThrows(ConditionalWritesUnsupportedException.class,
          () -> new Tables(io).create(TableFixtures.EVENTS, PartitionSpec.unpartitioned(TableFixtures.EVENTS), location));
      assertTrue(io.listPrefix("s3://" + BUCKET + "/wh").isEmpty(), "no table and no probe object is left behind");

      Map<String, String> trusting = new HashMap<>(server.properties(proxy.port()));
      trusting.put(S3FileIOProperties.VERIFY_CONDITIONAL_WRITES, "false");
      try (S3FileIO unchecked = new S3FileIO(trusting)) {
        new Tables(unchecked).create(TableFixtures.EVENTS, PartitionSpec.unpartitioned(TableFixtures.EVENTS), location);
        assertTrue(unchecked.newInputFile(location + "/metadata/v1.metadata.json").exists(), "the check can be switched off");
      }
    }
  }

  @Test
  void anHonestEndpointIsProbedOncePerBucket() throws Exception {
    try (S3Server server = S3Server.start(); FaultProxy proxy = new FaultProxy(server.port());
        S3FileIO io = new S3FileIO(server.properties(proxy.port()))) {
      server.createBucket(BUCKET);
      Tables tables = new Tables(io);
      tables.create(TableFixtures.EVENTS, PartitionSpec.unpartitioned(TableFixtures.EVENTS), "s3://" + BUCKET + "/wh/a");
      assertEquals(2, proxy.requests().stream().filter(on("PUT", ConditionalWriteProbe.PROBE_PREFIX)).count(),
          "the probe object was written twice");
      proxy.clearLog();
      tables.create(TableFixtures.EVENTS, PartitionSpec.unpartitioned(TableFixtures.EVENTS), "s3://" + BUCKET + "/wh/b");
      assertFalse(proxy.requests().stream().anyMatch(on(null, ConditionalWriteProbe.PROBE_PREFIX)), "not probed again");
      assertTrue(io.listPrefix("s3://" + BUCKET + "/wh").stream()
          .noneMatch(f -> f.location().contains(ConditionalWriteProbe.PROBE_PREFIX)));
    }
  }
}
