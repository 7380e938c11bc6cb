package io.floe.view;

import java.util.Objects;

/** A view's definition as a SQL SELECT in one dialect ({@code "floe"}, {@code "spark"}, {@code "trino"}, ...). */
public record SqlViewRepresentation(String sql, String dialect) {
  public SqlViewRepresentation {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(dialect, "dialect");
  }
}
