package io.floe.engine.procedure;

import io.floe.catalog.TableIdentifier;
import io.floe.engine.FloeSession;
import io.floe.engine.ddl.DdlErrors;
import io.floe.engine.ddl.Names;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.TimestampString;

/**
 * The arguments of one CALL, bound to the procedure's parameters (positional ones first, then {@code name => value};
 * names match case-insensitively). Values are literals: strings, numbers, booleans, {@code TIMESTAMP '...'} (read
 * in UTC, the session time zone), {@code ARRAY[...]} and {@code MAP[k, v, ...]} of literals.
 */
public final class Arguments {
  private final String procedure;
  private final Map<String, SqlNode> values;

  private Arguments(String procedure, Map<String, SqlNode> values) {
    this.procedure = procedure;
    this.values = values;
  }

  /** Binds {@code arguments} to the parameters of {@code procedure}. */
  static Arguments bind(Procedure procedure, List<SqlNode> arguments) throws SQLException {
    Map<String, SqlNode> values = new LinkedHashMap<>();
    List<Procedure.Parameter> parameters = procedure.parameters();
    boolean named = false;
    for (int i = 0; i < arguments.size(); i++) {
      SqlNode argument = arguments.get(i);
      if (argument.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
        named = true;
        SqlCall assignment = (SqlCall) argument;
        String name = ((SqlIdentifier) assignment.operand(1)).getSimple().toLowerCase(Locale.ROOT);
        if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
          throw DdlErrors.invalid("procedure " + procedure.name() + " has no parameter " + name + " (parameters: "
              + parameters.stream().map(Procedure.Parameter::name).toList() + ")");
        }
        if (values.put(name, assignment.operand(0)) != null) {
          throw DdlErrors.invalid("parameter " + name + " of procedure " + procedure.name() + " is given twice");
        }
      } else {
        if (named) {
          throw DdlErrors.invalid("positional argument " + (i + 1) + " of procedure " + procedure.name()
              + " follows a named one");
        }
        if (i >= parameters.size()) {
          throw DdlErrors.invalid("procedure " + procedure.name() + " takes at most " + parameters.size()
              + " arguments, not " + arguments.size());
        }
        values.put(parameters.get(i).name(), argument);
      }
    }
    for (Procedure.Parameter parameter : parameters) {
      if (parameter.required() && !values.containsKey(parameter.name())) {
        throw DdlErrors.invalid("procedure " + procedure.name() + " needs argument " + parameter.name());
      }
    }
    return new Arguments(procedure.name(), values);
  }

  /** Whether the argument was given. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The existing table a string argument names ({@code 'ns.t'} or {@code 't'} in the default schema). */
  public TableIdentifier table(String name, FloeSession session) throws SQLException {
    return Names.existingTable(session, identifier(name));
  }

  /** A table name to create ({@code 'ns.t'}; its namespace must exist). */
  public TableIdentifier newTable(String name, FloeSession session) throws SQLException {
    return Names.newTable(session, identifier(name));
  }

  private SqlIdentifier identifier(String name) throws SQLException {
    String text = string(name);
    return new SqlIdentifier(Arrays.asList(text.split("\\.")), SqlParserPos.ZERO);
  }

  /** A string argument, or null when not given. */
  public String string(String name) throws SQLException {
    SqlLiteral literal = literal(name);
    return literal == null ? null : literal.toValue();
  }

  /** An integer argument, or null when not given. */
  public Long longValue(String name) throws SQLException {
    SqlLiteral literal = literal(name);
    if (literal == null) {
      return null;
    }
    try {
      return new BigDecimal(literal.toValue()).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw wrongType(name, "an integer");
    }
  }

  /** A number argument, or null when not given. */
  public BigDecimal decimal(String name) throws SQLException {
    SqlLiteral literal = literal(name);
    if (literal == null) {
      return null;
    }
    if (!(literal.getValue() instanceof BigDecimal)) {
      throw wrongType(name, "a number");
    }
    return new BigDecimal(literal.toValue());
  }

  /** A name argument: a simple identifier ({@code tpch}) or a string ({@code 'tpch'}); null when not given. */
  public String name(String name) throws SQLException {
    SqlNode node = values.get(name);
    if (node instanceof SqlIdentifier id && id.isSimple()) {
      return id.getSimple();
    }
    SqlLiteral literal = literal(name);
    if (literal == null) {
      return null;
    }
    if (literal.getTypeName().getFamily() != SqlTypeFamily.CHARACTER) {
      throw wrongType(name, "a name or a string");
    }
    return literal.toValue();
  }

  /** A boolean argument, or {@code otherwise} when not given. */
  public boolean booleanValue(String name, boolean otherwise) throws SQLException {
    SqlLiteral literal = literal(name);
    if (literal == null) {
      return otherwise;
    }
    String text = literal.toValue().toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw wrongType(name, "a boolean");
    }
    return Boolean.parseBoolean(text);
  }

  /**
   * A point in time as epoch milliseconds: {@code TIMESTAMP '...'} or a string in that form (UTC), or a number of
   * epoch milliseconds; null when not given.
   */
  public Long timestampMillis(String name) throws SQLException {
    SqlLiteral literal = literal(name);
    if (literal == null) {
      return null;
    }
    if (literal instanceof SqlTimestampLiteral) {
      return literal.getValueAs(TimestampString.class).getMillisSinceEpoch();
    }
    String text = literal.toValue();
    try {
      return LocalDateTime.parse(text.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException notATimestamp) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException notANumber) {
        throw wrongType(name, "a timestamp (TIMESTAMP 'yyyy-MM-dd HH:mm:ss') or epoch milliseconds");
      }
    }
  }

  /** The integers of an {@code ARRAY[...]} argument (or of a single integer); empty when not given. */
  public List<Long> longList(String name) throws SQLException {
    List<Long> out = new ArrayList<>();
    for (SqlLiteral literal : arrayLiterals(name, "an ARRAY of integers")) {
      try {
        out.add(new BigDecimal(literal.toValue()).longValueExact());
      } catch (NumberFormatException | ArithmeticException e) {
        throw wrongType(name, "an ARRAY of integers");
      }
    }
    return out;
  }

  /** The strings of an {@code ARRAY['a', ...]} argument (or of a single string); empty when not given. */
  public List<String> stringList(String name) throws SQLException {
    List<String> out = new ArrayList<>();
    for (SqlLiteral literal : arrayLiterals(name, "an ARRAY of strings")) {
      if (!(literal instanceof SqlCharStringLiteral)) {
        throw wrongType(name, "an ARRAY of strings");
      }
      out.add(literal.toValue());
    }
    return out;
  }

  /** The elements of an {@code ARRAY[...]} argument (or the argument itself), each a literal. */
  private List<SqlLiteral> arrayLiterals(String name, String expected) throws SQLException {
    SqlNode node = values.get(name);
    if (node == null) {
      return List.of();
    }
    List<SqlNode> elements = node.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR
        ? ((SqlCall) node).getOperandList() : List.of(node);
    List<SqlLiteral> literals = new ArrayList<>();
    for (SqlNode element : elements) {
      if (!(element instanceof SqlLiteral literal)) {
        throw wrongType(name, expected);
      }
      literals.add(literal);
    }
    return literals;
  }

  /** The entries of a {@code MAP['k', 'v', ...]} argument; empty when not given. */
  public Map<String, String> map(String name) throws SQLException {
    SqlNode node = values.get(name);
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    if (node.getKind() != SqlKind.MAP_VALUE_CONSTRUCTOR) {
      throw wrongType(name, "a MAP['key', 'value', ...]");
    }
    List<SqlNode> operands = ((SqlCall) node).getOperandList();
    for (int i = 0; i + 1 < operands.size(); i += 2) {
      if (!(operands.get(i) instanceof SqlLiteral key) || !(operands.get(i + 1) instanceof SqlLiteral value)) {
        throw wrongType(name, "a MAP of literals");
      }
      out.put(key.toValue(), value.toValue());
    }
    return out;
  }

  private SqlLiteral literal(String name) throws SQLException {
    SqlNode node = values.get(name);
    if (node == null) {
      return null;
    }
    if (node.getKind() == SqlKind.MINUS_PREFIX && ((SqlCall) node).operand(0) instanceof SqlLiteral negated) {
      return SqlLiteral.createExactNumeric("-" + negated.toValue(), node.getParserPosition());
    }
    if (!(node instanceof SqlLiteral literal) || literal.getValue() == null) {
      throw wrongType(name, "a literal");
    }
    return literal;
  }

  private SQLException wrongType(String name, String expected) {
    return DdlErrors.invalid("argument " + name + " of procedure " + procedure + " must be " + expected + ", not "
        + values.get(name));
  }
}
