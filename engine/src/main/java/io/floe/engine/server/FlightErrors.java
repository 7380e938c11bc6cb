package io.floe.engine.server;

import java.sql.SQLException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps failures to Flight statuses a client shows: the engine's message followed by its SQLState, with a status
 * code by SQLState class (unknown table: NOT_FOUND, syntax and data errors: INVALID_ARGUMENT, not supported:
 * UNIMPLEMENTED, commit conflicts: UNAVAILABLE, to retry).
 */
final class FlightErrors {
  private static final Logger LOG = LoggerFactory.getLogger(FlightErrors.class);

  private FlightErrors() {
  }

  static FlightRuntimeException of(Throwable e) {
    if (e instanceof FlightRuntimeException flight) {
      return flight;
    }
    if (e instanceof SQLException sql) {
      String state = sql.getSQLState() == null ? "XX000" : sql.getSQLState();
      return status(state).withDescription(sql.getMessage() + " [SQLState " + state + "]").withCause(e)
          .toRuntimeException();
    }
    if (e instanceof IllegalArgumentException) {
      return CallStatus.INVALID_ARGUMENT.withDescription(e.getMessage()).withCause(e).toRuntimeException();
    }
    LOG.warn("statement failed", e);
    return CallStatus.INTERNAL.withDescription(e.getClass().getSimpleName() + ": " + e.getMessage()).withCause(e)
        .toRuntimeException();
  }

  private static CallStatus status(String state) {
    if (state.equals("42S02")) {
      return CallStatus.NOT_FOUND;
    } else if (state.startsWith("0A")) {
      return CallStatus.UNIMPLEMENTED;
    } else if (state.startsWith("40")) {
      return CallStatus.UNAVAILABLE;
    } else if (state.startsWith("42") || state.startsWith("22") || state.startsWith("23")) {
      return CallStatus.INVALID_ARGUMENT;
    } else if (state.startsWith("28")) {
      return CallStatus.UNAUTHENTICATED;
    } else if (state.equals("57014")) {
      return CallStatus.CANCELLED;
    }
    return CallStatus.INTERNAL;
  }
}
