package io.floe.s3;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Classifies S3 failures (retry or not; applied or maybe) and turns them into IOExceptions naming the object. */
final class S3Errors {
  private S3Errors() {
  }

  static int status(Throwable e) {
    return e instanceof SdkServiceException s ? s.statusCode() : -1;
  }

  static String errorCode(Throwable e) {
    return e instanceof AwsServiceException a && a.awsErrorDetails() != null ? a.awsErrorDetails().errorCode() : null;
  }

  static boolean isNotFound(Throwable e) {
    return status(e) == 404;
  }

  /** 412: an {@code If-None-Match: *} write found the key taken. */
  static boolean isPreconditionFailed(Throwable e) {
    return status(e) == 412;
  }

  /**
   * A refusal that says the request was not applied and may be retried: throttling (503 SlowDown, 429) and 409
   * ConditionalRequestConflict (a racing conditional write was in flight).
   */
  static boolean isRefusedRetryable(Throwable e) {
    int s = status(e);
    return s == 503 || s == 429 || (s == 409 && "ConditionalRequestConflict".equals(errorCode(e)));
  }

  /** A failure worth retrying: throttling, 5xx, timeouts, broken connections. */
  static boolean isRetryable(Throwable e) {
    if (e instanceof AbortedException) {
      return false;
    }
    int s = status(e);
    if (s >= 0) {
      return isRefusedRetryable(e) || s == 500 || s == 502 || s == 504 || "RequestTimeout".equals(errorCode(e));
    }
    if (e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException) {
      return true;
    }
    if (e instanceof SdkClientException) {
      return hasCause(e, IOException.class);
    }
    return e instanceof IOException && !(e instanceof InterruptedIOException);
  }

  private static boolean hasCause(Throwable e, Class<?> type) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return !(t instanceof InterruptedIOException) || t instanceof java.net.SocketTimeoutException;
      }
    }
    return false;
  }

  /** An IOException for a failed S3 call, naming the object and the endpoint. */
  static IOException translate(SdkException e, String action, S3Location location, String endpoint) {
    String where = location + " at " + endpoint;
    if (e instanceof AbortedException) {
      InterruptedIOException x = new InterruptedIOException("interrupted while trying to " + action + " " + where);
      x.initCause(e);
      return x;
    }
    int s = status(e);
    String code = errorCode(e);
    if ("NoSuchBucket".equals(code)) {
      return withCause(new FileNotFoundException("bucket " + location.bucket() + " does not exist at " + endpoint
          + " (" + action + " " + location + ")"), e);
    }
    if (s == 404) {
      return withCause(new FileNotFoundException(location + " not found at " + endpoint), e);
    }
    if (s == 412) {
      FileAlreadyExistsException x = new FileAlreadyExistsException(location.toString(), null,
          "exists: the put-if-absent (If-None-Match: *) was refused");
      x.initCause(e);
      return x;
    }
    if (s == 403) {
      AccessDeniedException x = new AccessDeniedException(location.toString(), null,
          "access denied by " + endpoint + " trying to " + action + " (" + message(e) + ")");
      x.initCause(e);
      return x;
    }
    return new IOException("cannot " + action + " " + where + ": " + message(e), e);
  }

  static String message(SdkException e) {
    if (e instanceof AwsServiceException a && a.awsErrorDetails() != null) {
      return a.statusCode() + " " + a.awsErrorDetails().errorCode() + ": " + a.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }

  private static IOException withCause(IOException x, Throwable cause) {
    x.initCause(cause);
    return x;
  }
}
