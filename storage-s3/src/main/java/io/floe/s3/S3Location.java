package io.floe.s3;

/**
 * An S3 object location {@code s3://bucket/key}; {@code s3a://} and {@code s3n://} (Hadoop's names) are accepted
 * and kept, so locations listed or written come back in the caller's spelling.
 */
public record S3Location(String scheme, String bucket, String key) {

  /** Whether {@code location} has an S3 scheme (s3, s3a or s3n). */
  public static boolean isS3(String location) {
    int sep = location.indexOf("://");
    return sep > 0 && isS3Scheme(location.substring(0, sep));
  }

  static boolean isS3Scheme(String scheme) {
    String s = scheme.toLowerCase(java.util.Locale.ROOT);
    return s.equals("s3") || s.equals("s3a") || s.equals("s3n");
  }

  /** Parses {@code s3://bucket/key}; fails naming the location when it is not one. */
  public static S3Location parse(String location) {
    int sep = location.indexOf("://");
    if (sep <= 0 || !isS3Scheme(location.substring(0, sep))) {
      throw new IllegalArgumentException("not an S3 location (expected s3://bucket/key, s3a:// or s3n://): " + location);
    }
    String rest = location.substring(sep + 3);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("S3 location has no bucket: " + location);
    }
    if (key.contains("?") || key.contains("#")) {
      throw new IllegalArgumentException("S3 location has a query or fragment, which Floe does not accept in keys: " + location);
    }
    return new S3Location(location.substring(0, sep), bucket, key);
  }

  /** The same bucket and scheme with another key. */
  public S3Location withKey(String newKey) {
    return new S3Location(scheme, bucket, newKey);
  }

  /** The key as a directory-like prefix: empty for the bucket root, else ending with '/'. */
  String directoryPrefix() {
    return key.isEmpty() || key.endsWith("/") ? key : key + "/";
  }

  @Override
  public String toString() {
    return scheme + "://" + bucket + "/" + key;
  }
}
