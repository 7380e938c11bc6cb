package io.floe.s3;

import io.floe.io.SeekableInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A seekable stream over an S3 object, shaped for Parquet: no request until the first read; a read in the last
 * {@link #TAIL_BYTES} fetches that whole tail in one GET (a Parquet footer and its length, or a small file
 * whole); other reads are served from fetched ranges kept in memory, so nearby reads coalesce into one request.
 * Sequential reading (each read starting where the last ended) switches to read-ahead: the next blocks are
 * fetched by parallel ranged GETs while the caller consumes the current one: the window grows by a block per
 * block consumed up to {@link #MAX_READ_AHEAD_BLOCKS}, and blocks double from {@link #BLOCK_BYTES} up to
 * {@link #MAX_BLOCK_BYTES} (fewer, longer requests for long sequential reads). A seek elsewhere drops the window (unstarted fetches are cancelled).
 */
final class S3InputStream extends SeekableInputStream {
  static final int TAIL_BYTES = 1 << 20;
  static final int BLOCK_BYTES = 8 << 20;
  static final int MAX_BLOCK_BYTES = 16 << 20;
  static final int MIN_RANDOM_READ = 256 << 10;
  static final int MAX_READ_AHEAD_BLOCKS = 4;

  private final S3Context ctx;
  private final S3Location location;
  private final RangeReader reader;
  private final LengthLookup lengthLookup;
  private long length;
  private long pos;
  private long lastReadEnd = -1;
  private int window = 1;
  private int nextBlockBytes = BLOCK_BYTES;
  private Block tail;
  private final Deque<Block> blocks = new ArrayDeque<>();
  private boolean closed;

  /** Finds the object's length (a HEAD). */
  interface LengthLookup {
    long length() throws IOException;
  }

  /** A fetched or being-fetched range [start, start + len). */
  private record Block(long start, int len, Future<byte[]> data) {
    long end() {
      return start + len;
    }

    boolean contains(long p) {
      return p >= start && p < end();
    }
  }

  /**
   * @param length the object's length, or -1 to learn it from the first response (or {@code lengthLookup}, a
   *     HEAD, when the first read is not at 0)
   */
  S3InputStream(S3Context ctx, S3Location location, long length, LengthLookup lengthLookup) {
    this.ctx = ctx;
    this.location = location;
    this.reader = new RangeReader(ctx, location);
    this.length = length;
    this.lengthLookup = lengthLookup;
  }

  @Override
  public long getPos() {
    return pos;
  }

  @Override
  public void seek(long newPos) throws IOException {
    checkOpen();
    if (newPos < 0) {
      throw new EOFException("cannot seek to negative position " + newPos + " in " + location);
    }
    pos = newPos;
  }

  @Override
  public long skip(long n) throws IOException {
    checkOpen();
    if (n <= 0) {
      return 0;
    }
    long skipped = Math.min(n, Math.max(0, length() - pos));
    pos += skipped;
    return skipped;
  }

  @Override
  public int available() throws IOException {
    checkOpen();
    for (Block b : blocks) {
      if (b.contains(pos) && b.data().isDone()) {
        return (int) (b.end() - pos);
      }
    }
    return 0;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    checkOpen();
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (length < 0 && pos == 0) {
      fetchHeadOfUnknownLength();
    }
    long size = length();
    if (pos >= size) {
      return -1;
    }
    int wanted = (int) Math.min(len, size - pos);
    Block block = blockAt(pos);
    if (block == null) {
      fetchFor(pos, wanted, size);
      block = blockAt(pos);
    }
    byte[] data = await(block);
    int n = (int) Math.min(wanted, block.end() - pos);
    System.arraycopy(data, (int) (pos - block.start()), b, off, n);
    pos += n;
    lastReadEnd = pos;
    if (window > 1) {
      if (pos == block.end() && block != tail) {
        window = Math.min(MAX_READ_AHEAD_BLOCKS, window + 1);
      }
      extendReadAhead(size);
    }
    return n;
  }

  /** The block holding {@code p}, dropping blocks the reader has passed; null if none holds it. */
  private Block blockAt(long p) {
    if (tail != null && tail.contains(p)) {
      return tail;
    }
    while (!blocks.isEmpty() && blocks.peekFirst().end() <= p) {
      blocks.pollFirst();
    }
    Block first = blocks.peekFirst();
    if (first != null && first.contains(p)) {
      return first;
    }
    dropBlocks();
    return null;
  }

  private void fetchFor(long p, int wanted, long size) throws IOException {
    if (p >= size - TAIL_BYTES) {
      long start = Math.max(0, size - TAIL_BYTES);
      tail = new Block(start, (int) (size - start), CompletableFuture.completedFuture(reader.read(start, (int) (size - start))));
      return;
    }
    if (p == lastReadEnd) {
      window = 2;
      nextBlockBytes = BLOCK_BYTES;
      extendReadAhead(size, p);
      return;
    }
    window = 1;
    int n = (int) Math.min(size - p, Math.max(wanted, MIN_RANDOM_READ));
    blocks.add(new Block(p, n, CompletableFuture.completedFuture(reader.read(p, n))));
  }

  private void extendReadAhead(long size) {
    extendReadAhead(size, blocks.isEmpty() ? pos : blocks.peekLast().end());
  }

  /** Queues parallel fetches of the next blocks from {@code from} until the window is full or the tail is reached. */
  private void extendReadAhead(long size, long from) {
    long next = blocks.isEmpty() ? from : blocks.peekLast().end();
    long limit = tail != null ? Math.min(size, tail.start()) : size;
    while (blocks.size() < window && next < limit) {
      long start = next;
      int n = (int) Math.min(nextBlockBytes, limit - start);
      blocks.add(new Block(start, n, ctx.pool.submit(() -> reader.read(start, n))));
      nextBlockBytes = Math.min(MAX_BLOCK_BYTES, nextBlockBytes * 2);
      next = start + n;
    }
  }

  /** The first read at 0 of an object of unknown length also learns the length (one GET, no HEAD). */
  private void fetchHeadOfUnknownLength() throws IOException {
    byte[] data = new byte[TAIL_BYTES];
    long[] total = {-1};
    int n = reader.read(0, data, 0, TAIL_BYTES, total);
    length = total[0];
    if (n > 0) {
      byte[] exact = n == data.length ? data : java.util.Arrays.copyOf(data, n);
      Block first = new Block(0, n, CompletableFuture.completedFuture(exact));
      if (n == length) {
        tail = first;
      } else {
        blocks.add(first);
      }
    }
  }

  private long length() throws IOException {
    if (length < 0) {
      length = lengthLookup.length();
    }
    return length;
  }

  private byte[] await(Block block) throws IOException {
    try {
      return block.data().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading " + location);
    } catch (CancellationException e) {
      throw new IOException("read of " + location + " was cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      dropBlocks();
      if (cause instanceof IOException io) {
        throw new IOException(io.getMessage(), io);
      }
      throw new IOException("cannot read " + location + ": " + cause, cause);
    }
  }

  private void dropBlocks() {
    for (Block b : blocks) {
      b.data().cancel(false);
    }
    blocks.clear();
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("stream of " + location + " is closed");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      dropBlocks();
      tail = null;
    }
  }
}
