package io.floe.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/** {@link Wrapper} for objects that wrap nothing but themselves: they unwrap to any type they implement. */
interface SelfWrapper extends Wrapper {
  @Override
  default <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException(getClass().getSimpleName() + " does not wrap a " + type.getName(), "HY000");
  }

  @Override
  default boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
