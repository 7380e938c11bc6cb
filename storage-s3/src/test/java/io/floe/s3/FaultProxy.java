package io.floe.s3;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A fault-injecting HTTP/1.1 proxy between an S3 client and the S3 server, on 127.0.0.1: it forwards requests
 * (keep-alive, Content-Length and chunked bodies) and, for requests matching a rule, answers an error itself,
 * answers slowly, drops the connection before forwarding, forwards and then drops the response, cuts a response
 * body short, or strips a request header. Every request is logged.
 */
public final class FaultProxy implements AutoCloseable {

  /** What to do to a matching request. */
  public enum Kind { ERROR, DELAY_RESPONSE, DROP_REQUEST, DROP_RESPONSE, TRUNCATE_RESPONSE, STRIP_HEADER }

  /** A logged request. */
  public record Request(String method, String target, Map<String, String> headers) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }
  }

  /** A fault applied to the next {@code times} matching requests. */
  public static final class Rule {
    final Predicate<Request> matches;
    final Kind kind;
    final int status;
    final String code;
    final long delayMs;
    final String header;
    int remaining;
    int applied;

    private Rule(Predicate<Request> matches, Kind kind, int status, String code, long delayMs, String header, int times) {
      this.matches = matches;
      this.kind = kind;
      this.status = status;
      this.code = code;
      this.delayMs = delayMs;
      this.header = header;
      this.remaining = times;
    }

    public synchronized int applied() {
      return applied;
    }
  }

  private final int upstreamPort;
  private final ServerSocket server;
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<Request> log = Collections.synchronizedList(new ArrayList<>());
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
  private final Thread acceptor;
  private volatile boolean closed;
  private volatile long bytesPerSecond;

  public FaultProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Requests whose method is {@code method} (or any, if null) and whose target matches the regex. */
  public static Predicate<Request> on(String method, String targetRegex) {
    java.util.regex.Pattern p = java.util.regex.Pattern.compile(targetRegex);
    return r -> (method == null || r.method().equals(method)) && p.matcher(r.target()).find();
  }

  public Rule error(Predicate<Request> matches, int status, String code, int times) {
    return add(new Rule(matches, Kind.ERROR, status, code, 0, null, times));
  }

  public Rule delayResponse(Predicate<Request> matches, long delayMs, int times) {
    return add(new Rule(matches, Kind.DELAY_RESPONSE, 0, null, delayMs, null, times));
  }

  public Rule dropRequest(Predicate<Request> matches, int times) {
    return add(new Rule(matches, Kind.DROP_REQUEST, 0, null, 0, null, times));
  }

  public Rule dropResponse(Predicate<Request> matches, int times) {
    return add(new Rule(matches, Kind.DROP_RESPONSE, 0, null, 0, null, times));
  }

  public Rule truncateResponse(Predicate<Request> matches, int times) {
    return add(new Rule(matches, Kind.TRUNCATE_RESPONSE, 0, null, 0, null, times));
  }

  public Rule stripHeader(Predicate<Request> matches, String header, int times) {
    return add(new Rule(matches, Kind.STRIP_HEADER, 0, null, 0, header.toLowerCase(Locale.ROOT), times));
  }

  private Rule add(Rule rule) {
    rules.add(rule);
    return rule;
  }

  /**
   * Limits every connection's response bodies to {@code bytesPerSecond} (0: no limit), like the per-connection
   * throughput of a real object store, where parallel requests are how a reader goes faster.
   */
  public void throttle(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  public void clearRules() {
    rules.clear();
  }

  public List<Request> requests() {
    synchronized (log) {
      return new ArrayList<>(log);
    }
  }

  public void clearLog() {
    log.clear();
  }

  private Rule take(Request request) {
    for (Rule rule : rules) {
      synchronized (rule) {
        if (rule.remaining > 0 && rule.matches.test(request)) {
          rule.remaining--;
          rule.applied++;
          return rule;
        }
      }
    }
    return null;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        Thread t = new Thread(() -> serve(client), "fault-proxy-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!closed) {
          throw new IllegalStateException("fault proxy stopped accepting", e);
        }
      }
    }
  }

  private void serve(Socket client) {
    Socket upstream = null;
    InputStream uin = null;
    OutputStream uout = null;
    try (client) {
      client.setTcpNoDelay(true);
      InputStream cin = new java.io.BufferedInputStream(client.getInputStream());
      OutputStream cout = new java.io.BufferedOutputStream(client.getOutputStream(), 1 << 16);
      while (true) {
        Message request = Message.readHead(cin);
        if (request == null) {
          return;
        }
        String[] line = request.startLine.split(" ", 3);
        Request logged = new Request(line[0], line[1], request.headers());
        log.add(logged);
        if ("100-continue".equalsIgnoreCase(request.header("expect"))) {
          request.removeHeader("expect");
          cout.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          cout.flush();
        }
        request.readBody(cin, false, 0);
        Rule rule = take(logged);
        Kind kind = rule == null ? null : rule.kind;
        if (kind == Kind.DROP_REQUEST) {
          return;
        }
        if (kind == Kind.ERROR) {
          writeError(cout, line[0], rule.status, rule.code);
          cout.flush();
          continue;
        }
        if (kind == Kind.STRIP_HEADER) {
          request.removeHeader(rule.header);
        }
        if (upstream == null || upstream.isClosed()) {
          upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
          upstream.setTcpNoDelay(true);
          sockets.add(upstream);
          uin = new java.io.BufferedInputStream(upstream.getInputStream());
          uout = new java.io.BufferedOutputStream(upstream.getOutputStream(), 1 << 16);
        }
        request.writeTo(uout);
        uout.flush();
        Message response = Message.readHead(uin);
        if (response == null) {
          throw new EOFException("upstream closed the connection");
        }
        int status = Integer.parseInt(response.startLine.split(" ", 3)[1]);
        response.readBody(uin, line[0].equals("HEAD") || status == 204 || status == 304, status);
        if (kind == Kind.DROP_RESPONSE) {
          return;
        }
        if (kind == Kind.DELAY_RESPONSE) {
          Thread.sleep(rule.delayMs);
        }
        if (kind == Kind.TRUNCATE_RESPONSE) {
          response.writeTruncated(cout);
          return;
        }
        response.writeTo(cout, bytesPerSecond);
        cout.flush();
        if ("close".equalsIgnoreCase(response.header("connection")) || "close".equalsIgnoreCase(request.header("connection"))) {
          return;
        }
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      // the client or the server went away; this connection is over
    } finally {
      if (upstream != null) {
        try {
          upstream.close();
        } catch (IOException ignored) {
          // closing a broken socket
        }
      }
    }
  }

  private static void writeError(OutputStream out, String method, int status, String code) throws IOException {
    String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>injected by the"
        + " fault proxy</Message><RequestId>fault</RequestId></Error>";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean head = method.equals("HEAD");
    String head0 = "HTTP/1.1 " + status + " Injected\r\nContent-Type: application/xml\r\nx-amz-request-id: fault\r\n"
        + "Content-Length: " + (head ? 0 : bytes.length) + "\r\n\r\n";
    out.write(head0.getBytes(StandardCharsets.US_ASCII));
    if (!head) {
      out.write(bytes);
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    synchronized (sockets) {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  /** An HTTP message: start line, headers in order, raw body bytes (chunked bodies kept chunked). */
  private static final class Message {
    final String startLine;
    final List<String[]> headerLines = new ArrayList<>();
    byte[] body = new byte[0];

    private Message(String startLine) {
      this.startLine = startLine;
    }

    static Message readHead(InputStream in) throws IOException {
      String start = readLine(in);
      if (start == null) {
        return null;
      }
      Message m = new Message(start);
      String line;
      while ((line = readLine(in)) != null && !line.isEmpty()) {
        int colon = line.indexOf(':');
        m.headerLines.add(new String[] {line.substring(0, colon), line.substring(colon + 1).trim()});
      }
      return m;
    }

    Map<String, String> headers() {
      Map<String, String> h = new LinkedHashMap<>();
      for (String[] kv : headerLines) {
        h.put(kv[0].toLowerCase(Locale.ROOT), kv[1]);
      }
      return h;
    }

    String header(String name) {
      for (String[] kv : headerLines) {
        if (kv[0].equalsIgnoreCase(name)) {
          return kv[1];
        }
      }
      return null;
    }

    void removeHeader(String name) {
      headerLines.removeIf(kv -> kv[0].equalsIgnoreCase(name));
    }

    void readBody(InputStream in, boolean noBody, int status) throws IOException {
      if (noBody) {
        return;
      }
      String length = header("content-length");
      if ("chunked".equalsIgnoreCase(header("transfer-encoding"))) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        while (true) {
          String sizeLine = readLine(in);
          if (sizeLine == null) {
            throw new EOFException("chunked body ended early");
          }
          raw.write((sizeLine + "\r\n").getBytes(StandardCharsets.US_ASCII));
          int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
          if (size == 0) {
            String trailer;
            while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
              raw.write((trailer + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            raw.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            break;
          }
          raw.write(in.readNBytes(size + 2));
        }
        body = raw.toByteArray();
      } else if (length != null) {
        body = in.readNBytes(Integer.parseInt(length.trim()));
      } else if (startLine.startsWith("HTTP/") && status >= 200) {
        body = in.readAllBytes();
        headerLines.add(new String[] {"Connection", "close"});
      }
    }

    void writeTo(OutputStream out) throws IOException {
      out.write(headBytes());
      out.write(body);
    }

    /** Writes the message, its body at no more than {@code bytesPerSecond} (0: at once). */
    void writeTo(OutputStream out, long bytesPerSecond) throws IOException, InterruptedException {
      if (bytesPerSecond <= 0) {
        writeTo(out);
        return;
      }
      out.write(headBytes());
      long start = System.nanoTime();
      int chunk = 64 << 10;
      for (int off = 0; off < body.length; off += chunk) {
        int n = Math.min(chunk, body.length - off);
        out.write(body, off, n);
        out.flush();
        long dueNanos = (long) ((off + n) * 1e9 / bytesPerSecond);
        long aheadMs = (dueNanos - (System.nanoTime() - start)) / 1_000_000;
        if (aheadMs > 0) {
          Thread.sleep(aheadMs);
        }
      }
    }

    /** The head and half the body, to be followed by closing the connection. */
    void writeTruncated(OutputStream out) throws IOException {
      out.write(headBytes());
      out.write(body, 0, body.length / 2);
      out.flush();
    }

    private byte[] headBytes() {
      StringBuilder sb = new StringBuilder(startLine).append("\r\n");
      for (String[] kv : headerLines) {
        sb.append(kv[0]).append(": ").append(kv[1]).append("\r\n");
      }
      return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String readLine(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) >= 0) {
        if (c == '\n') {
          byte[] b = line.toByteArray();
          int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
          return new String(b, 0, len, StandardCharsets.ISO_8859_1);
        }
        line.write(c);
      }
      return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
