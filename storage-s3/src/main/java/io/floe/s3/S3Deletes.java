package io.floe.s3;

import io.floe.io.BulkDeleteException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/** Single and bulk deletes ({@code DeleteObjects}, up to 1000 keys a request, per bucket). */
final class S3Deletes {
  private S3Deletes() {
  }

  /** Deletes one object; a missing object is not an error. */
  static void delete(S3Context ctx, S3Location location) {
    try {
      ctx.clients.retrying().deleteObject(DeleteObjectRequest.builder().bucket(location.bucket()).key(location.key()).build());
    } catch (SdkException e) {
      if (!S3Errors.isNotFound(e) || "NoSuchBucket".equals(S3Errors.errorCode(e))) {
        throw new UncheckedIOException(S3Errors.translate(e, "delete", location, ctx.endpoint()));
      }
    }
  }

  /** Deletes the objects in batches; names every one it could not delete. */
  static void deleteAll(S3Context ctx, Collection<String> locations) {
    Map<String, List<S3Location>> byBucket = new LinkedHashMap<>();
    for (String location : locations) {
      S3Location l = S3Location.parse(location);
      byBucket.computeIfAbsent(l.bucket(), b -> new ArrayList<>()).add(l);
    }
    List<String> failed = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    RuntimeException firstCause = null;
    for (List<S3Location> objects : byBucket.values()) {
      for (int from = 0; from < objects.size(); from += ctx.props.deleteBatchSize()) {
        List<S3Location> batch = objects.subList(from, Math.min(objects.size(), from + ctx.props.deleteBatchSize()));
        try {
          failed.addAll(deleteBatch(ctx, batch, reasons));
        } catch (UncheckedIOException e) {
          batch.forEach(l -> failed.add(l.toString()));
          reasons.add(e.getMessage());
          if (firstCause == null) {
            firstCause = e;
          }
        }
      }
    }
    if (!failed.isEmpty()) {
      throw new BulkDeleteException("could not delete " + failed.size() + " of " + locations.size() + " files at "
          + ctx.endpoint() + ": " + String.join("; ", reasons.subList(0, Math.min(5, reasons.size()))), failed, firstCause);
    }
  }

  /** Deletes one batch of one bucket; returns the locations S3 reported as not deleted. */
  private static List<String> deleteBatch(S3Context ctx, List<S3Location> batch, List<String> reasons) {
    S3Location first = batch.get(0);
    List<ObjectIdentifier> keys = batch.stream().map(l -> ObjectIdentifier.builder().key(l.key()).build()).toList();
    DeleteObjectsResponse response;
    try {
      response = ctx.clients.retrying().deleteObjects(DeleteObjectsRequest.builder().bucket(first.bucket())
          .delete(Delete.builder().objects(keys).quiet(true).build()).build());
    } catch (SdkException e) {
      throw new UncheckedIOException(S3Errors.translate(e, "delete " + batch.size() + " objects like", first, ctx.endpoint()));
    }
    List<String> failed = new ArrayList<>();
    for (S3Error error : response.errors()) {
      if (!"NoSuchKey".equals(error.code())) {
        String location = first.withKey(error.key()).toString();
        failed.add(location);
        reasons.add(location + ": " + error.code() + " " + error.message());
      }
    }
    return failed;
  }
}
