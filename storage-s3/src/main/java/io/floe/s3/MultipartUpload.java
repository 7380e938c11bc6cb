package io.floe.s3;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * One multipart upload: parts go up in parallel on the IO's pool, at most {@link #MAX_PARTS_IN_FLIGHT} per
 * upload (which bounds the memory they hold); completing is a put-if-absent when exclusive. Until it completes,
 * nothing is visible under the key; {@link #abort()} discards the parts.
 */
final class MultipartUpload {
  private static final Logger LOG = LoggerFactory.getLogger(MultipartUpload.class);
  static final int MAX_PARTS_IN_FLIGHT = 3;

  private final S3Context ctx;
  private final S3Location location;
  private final String uploadId;
  private final Semaphore inFlight = new Semaphore(MAX_PARTS_IN_FLIGHT);
  private final List<Future<CompletedPart>> parts = new ArrayList<>();

  MultipartUpload(S3Context ctx, S3Location location) throws IOException {
    this.ctx = ctx;
    this.location = location;
    try {
      this.uploadId = ctx.clients.retrying().createMultipartUpload(CreateMultipartUploadRequest.builder()
          .bucket(location.bucket()).key(location.key()).build()).uploadId();
    } catch (SdkException e) {
      throw S3Errors.translate(e, "start a multipart upload of", location, ctx.endpoint());
    }
  }

  String uploadId() {
    return uploadId;
  }

  int partCount() {
    return parts.size();
  }

  /** Queues a part (blocking while too many are in flight); fails if an earlier part failed. */
  void uploadPart(ByteChunks data) throws IOException {
    checkFailures();
    int partNumber = parts.size() + 1;
    if (partNumber > S3FileIOProperties.MAX_PARTS) {
      throw new IOException("cannot write " + location + ": more than " + S3FileIOProperties.MAX_PARTS
          + " parts; raise " + S3FileIOProperties.MULTIPART_SIZE);
    }
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while uploading " + location);
    }
    try {
      parts.add(ctx.pool.submit(() -> {
        try {
          return upload(partNumber, data);
        } finally {
          inFlight.release();
        }
      }));
    } catch (RuntimeException e) {
      inFlight.release();
      throw e;
    }
  }

  private CompletedPart upload(int partNumber, ByteChunks data) throws IOException {
    UploadPartRequest request = UploadPartRequest.builder().bucket(location.bucket()).key(location.key())
        .uploadId(uploadId).partNumber(partNumber).contentLength(data.size()).build();
    try {
      String etag = ctx.clients.retrying().uploadPart(request,
          RequestBody.fromContentProvider(data::newInputStream, data.size(), "application/octet-stream")).eTag();
      return CompletedPart.builder().partNumber(partNumber).eTag(etag).build();
    } catch (SdkException e) {
      throw S3Errors.translate(e, "upload part " + partNumber + " of", location, ctx.endpoint());
    }
  }

  private void checkFailures() throws IOException {
    for (Future<CompletedPart> f : parts) {
      if (f.isDone()) {
        get(f);
      }
    }
  }

  /** Waits for every part and completes the upload; put-if-absent when {@code exclusive}. */
  void complete(boolean exclusive) throws IOException {
    List<CompletedPart> done = new ArrayList<>(parts.size());
    for (Future<CompletedPart> f : parts) {
      done.add(get(f));
    }
    List<String> etags = done.stream().map(CompletedPart::eTag).toList();
    CompleteMultipartUploadRequest.Builder request = CompleteMultipartUploadRequest.builder().bucket(location.bucket())
        .key(location.key()).uploadId(uploadId).multipartUpload(CompletedMultipartUpload.builder().parts(done).build());
    if (!exclusive) {
      try {
        ctx.clients.retrying().completeMultipartUpload(request.build());
      } catch (SdkException e) {
        throw S3Errors.translate(e, "complete the multipart upload of", location, ctx.endpoint());
      }
      return;
    }
    CompleteMultipartUploadRequest conditional = request.ifNoneMatch("*").build();
    ConditionalWrite.run(ctx, location, "complete the multipart upload (put-if-absent) of",
        () -> ctx.clients.singleAttempt().completeMultipartUpload(conditional), () -> ConditionalWrite.multipartETag(etags));
  }

  /** Stops the parts not yet started, waits for the running ones, and aborts the upload; never throws. */
  void abort(Throwable cause) {
    for (Future<CompletedPart> f : parts) {
      f.cancel(false);
    }
    for (Future<CompletedPart> f : parts) {
      try {
        if (!f.isCancelled()) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException | RuntimeException e) {
        // the part failed: nothing to wait for
      }
    }
    try {
      ctx.clients.retrying().abortMultipartUpload(AbortMultipartUploadRequest.builder().bucket(location.bucket())
          .key(location.key()).uploadId(uploadId).build());
    } catch (SdkException e) {
      if (!S3Errors.isNotFound(e)) {
        LOG.warn("could not abort multipart upload {} of {} at {} (the bucket's lifecycle rules must remove it): {}",
            uploadId, location, ctx.endpoint(), e.toString());
        if (cause != null) {
          cause.addSuppressed(e);
        }
      }
    }
  }

  private CompletedPart get(Future<CompletedPart> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while uploading " + location);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      throw new IOException("cannot upload a part of " + location + ": " + c, c);
    }
  }
}
