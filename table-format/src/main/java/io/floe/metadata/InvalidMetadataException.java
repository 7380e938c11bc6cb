package io.floe.metadata;

/**
 * Table metadata, a manifest list or a manifest is unreadable or breaks the Iceberg v2 spec: corrupt or truncated
 * content, a missing required field, an unsupported format version. The message names the file and the problem.
 */
public class InvalidMetadataException extends RuntimeException {
  public InvalidMetadataException(String message) {
    super(message);
  }

  public InvalidMetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
