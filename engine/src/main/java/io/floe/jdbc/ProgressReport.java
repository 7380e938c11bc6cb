package io.floe.jdbc;

import io.floe.engine.QueryResult;
import io.floe.engine.TableScanStats;
import java.io.PrintStream;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress line on a terminal (standard error) while a statement runs longer than a second: rows returned so far
 * and, over the query's table scans, rows read and files read of those left after pruning. The line is rewritten in
 * place each second and erased when the statement ends.
 */
final class ProgressReport implements AutoCloseable {
  private static final long PERIOD_MILLIS = 1000;

  private final QueryResult result;
  private final AtomicLong rowsReturned;
  private final PrintStream out;
  private final ScheduledFuture<?> ticks;
  private boolean printed;
  private boolean closed;

  private ProgressReport(QueryResult result, AtomicLong rowsReturned, PrintStream out) {
    this.result = result;
    this.rowsReturned = rowsReturned;
    this.out = out;
    this.ticks = StatementTimers.every(PERIOD_MILLIS, this::print);
  }

  /** Reports the progress of {@code result} on standard error until closed. */
  static ProgressReport start(QueryResult result, AtomicLong rowsReturned) {
    return new ProgressReport(result, rowsReturned, System.err);
  }

  /** The progress line: {@code rows 1200 | scanned 50000 rows, 3/8 files}. */
  static String line(QueryResult result, long rowsReturned) {
    long rowsRead = 0;
    long filesOpened = 0;
    long filesToRead = 0;
    for (TableScanStats scan : result.scans()) {
      rowsRead += scan.metrics().rowsRead();
      filesOpened += scan.metrics().filesOpened();
      filesToRead += scan.metrics().filesTotal() - scan.metrics().filesSkippedByPartition()
          - scan.metrics().filesSkippedByMetrics();
    }
    return "rows " + rowsReturned + " | scanned " + rowsRead + " rows, " + filesOpened + "/" + filesToRead + " files";
  }

  private synchronized void print() {
    if (closed) {
      return;
    }
    out.print("\r" + line(result, rowsReturned.get()) + "\u001b[K");
    out.flush();
    printed = true;
  }

  @Override
  public synchronized void close() {
    closed = true;
    ticks.cancel(false);
    if (printed) {
      out.print("\r\u001b[K");
      out.flush();
    }
  }
}
