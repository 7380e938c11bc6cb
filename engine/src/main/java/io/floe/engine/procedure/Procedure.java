package io.floe.engine.procedure;

import io.floe.engine.FloeSession;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A procedure of {@code CALL system.<name>(...)}: its parameters (in positional order), the columns of the rows it
 * returns, and what it does.
 *
 * @param name the procedure's name (Iceberg's where Iceberg has the procedure)
 * @param parameters the parameters in positional order
 * @param columns the names of the result's columns
 * @param types the types of the result's columns
 * @param body what a call does: returns the result's rows
 */
public record Procedure(String name, List<Parameter> parameters, List<String> columns, List<SqlTypeName> types,
    Body body) {

  /** A parameter; a required one must be given, positionally or by name. */
  public record Parameter(String name, boolean required) {
    public static Parameter required(String name) {
      return new Parameter(name, true);
    }

    public static Parameter optional(String name) {
      return new Parameter(name, false);
    }
  }

  /** What a call does. */
  @FunctionalInterface
  public interface Body {
    List<Object[]> call(Arguments arguments, FloeSession session) throws SQLException;
  }
}
