package io.floe.s3;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A real S3 API server in this JVM (s3proxy on an in-memory blob store), on 127.0.0.1 and a free port. */
public final class S3Server implements AutoCloseable {
  public static final String ACCESS_KEY = "floe-access";
  public static final String SECRET_KEY = "floe-secret";

  private final S3Proxy proxy;
  private final BlobStore store;

  private S3Server(S3Proxy proxy, BlobStore store) {
    this.proxy = proxy;
    this.store = store;
  }

  private static S3Server shared;

  /**
   * The server shared by the test classes of this JVM (started on first use, stopped when the JVM exits), after
   * creating {@code bucket} on it: each class keeps to its own bucket.
   */
  public static synchronized S3Server sharedWithBucket(String bucket) throws Exception {
    if (shared == null) {
      shared = start();
    }
    shared.createBucket(bucket);
    return shared;
  }

  /** Starts a server checking SigV4 signatures with {@link #ACCESS_KEY}/{@link #SECRET_KEY}. */
  public static S3Server start() throws Exception {
    return start(AuthenticationType.AWS_V2_OR_V4);
  }

  /** Starts a server that accepts unsigned (and altered) requests, for tests that rewrite headers in flight. */
  public static S3Server startWithoutAuthentication() throws Exception {
    return start(AuthenticationType.NONE);
  }

  /** Starts a server keeping its objects as files under {@code dir} (for data bigger than the heap should hold). */
  public static S3Server startOnDisk(java.nio.file.Path dir) throws Exception {
    return start(AuthenticationType.AWS_V2_OR_V4, new org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore(dir.toString()));
  }

  private static S3Server start(AuthenticationType auth) throws Exception {
    return start(auth, new TransientNio2BlobStore());
  }

  private static S3Server start(AuthenticationType auth, BlobStore store) throws Exception {
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(store)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(auth, ACCESS_KEY, SECRET_KEY)
        .build();
    proxy.start();
    long deadline = System.currentTimeMillis() + 30_000;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    return new S3Server(proxy, store);
  }

  public int port() {
    return proxy.getPort();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** Creates a bucket through the S3 API. */
  public void createBucket(String bucket) {
    try (S3Client client = client()) {
      client.createBucket(b -> b.bucket(bucket));
    }
  }

  /** Stores an object straight into the server's blob store (fast test set-up, no HTTP). */
  public void putDirect(String bucket, String key, byte[] data) {
    store.putBlob(software.amazon.awssdk.services.s3.model.PutObjectRequest.builder().bucket(bucket).key(key)
        .contentLength((long) data.length).build(), new java.io.ByteArrayInputStream(data));
  }

  /** A plain SDK client for this server, to look at it from outside Floe. */
  public S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint())
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClient(Apache5HttpClient.create())
        .build();
  }

  /** S3FileIO properties for this server (or a proxy in front of it on {@code port}). */
  public Map<String, String> properties(int port) {
    return propertiesFor(port);
  }

  /** S3FileIO properties for a server (or proxy) on 127.0.0.1:{@code port} with the test keys. */
  public static Map<String, String> propertiesFor(int port) {
    Map<String, String> props = new HashMap<>();
    props.put(S3FileIOProperties.ENDPOINT, "http://127.0.0.1:" + port);
    props.put(S3FileIOProperties.PATH_STYLE_ACCESS, "true");
    props.put(S3FileIOProperties.ACCESS_KEY_ID, ACCESS_KEY);
    props.put(S3FileIOProperties.SECRET_ACCESS_KEY, SECRET_KEY);
    props.put(S3FileIOProperties.CLIENT_REGION, "us-east-1");
    props.put(S3FileIOProperties.RETRY_MIN_WAIT_MS, "5");
    props.put(S3FileIOProperties.RETRY_MAX_WAIT_MS, "100");
    return props;
  }

  public Map<String, String> properties() {
    return properties(port());
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
