package io.floe.s3;

import io.floe.io.PositionOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that an endpoint honours {@code If-None-Match: *}: creates a probe object with a put-if-absent, creates
 * it again (which must fail with 412), and deletes it.
 */
final class ConditionalWriteProbe {
  private static final Logger LOG = LoggerFactory.getLogger(ConditionalWriteProbe.class);
  static final String PROBE_PREFIX = ".floe-conditional-write-probe-";

  private ConditionalWriteProbe() {
  }

  static void verify(S3Context ctx, S3Location directory) {
    S3Location probe = directory.withKey(directory.directoryPrefix() + PROBE_PREFIX + UUID.randomUUID());
    S3OutputFile file = new S3OutputFile(ctx, probe.toString(), probe);
    try {
      write(file, "first");
      boolean secondWon;
      try {
        write(file, "second");
        secondWon = true;
      } catch (FileAlreadyExistsException expected) {
        secondWon = false;
      }
      if (secondWon) {
        throw new ConditionalWritesUnsupportedException(ctx.endpoint(), probe.bucket(),
            "a second put-if-absent of " + probe + " succeeded");
      }
      LOG.debug("{} honours If-None-Match: * (probed with {})", ctx.endpoint(), probe);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot verify that " + ctx.endpoint() + " honours conditional writes at "
          + directory + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(ctx, probe);
    }
  }

  private static void write(S3OutputFile file, String content) throws IOException {
    try (PositionOutputStream out = file.create()) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void deleteQuietly(S3Context ctx, S3Location probe) {
    try {
      S3Deletes.delete(ctx, probe);
    } catch (UncheckedIOException e) {
      LOG.warn("could not delete the conditional-write probe {}: {}", probe, e.toString());
    }
  }
}
