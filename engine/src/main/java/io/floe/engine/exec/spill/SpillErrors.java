package io.floe.engine.exec.spill;

import io.floe.engine.expr.SqlStateException;
import java.io.IOException;

/** The error of a spill file that cannot be written, read or deleted: SQLState 58030 (I/O error). */
final class SpillErrors {
  /** SQLState of a failed read or write of a local file. */
  static final String IO_ERROR = "58030";

  private SpillErrors() {
  }

  static SqlStateException io(String what, IOException cause) {
    SqlStateException e = new SqlStateException(IO_ERROR, what + ": " + cause);
    e.initCause(cause);
    return e;
  }
}
