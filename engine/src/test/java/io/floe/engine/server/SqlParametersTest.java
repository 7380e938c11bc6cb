package io.floe.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parameter markers are found outside literals, quoted identifiers and comments, and replaced in order. */
class SqlParametersTest {
  @Test
  void markersInsideLiteralsIdentifiersAndCommentsAreText() {
    String sql = "SELECT '?', \"a?\" FROM t -- ?\nWHERE x = ? /* ? */ AND y = 'it''s ?' AND z = ?";
    assertEquals(2, SqlParameters.positions(sql).size());
    assertEquals("SELECT '?', \"a?\" FROM t -- ?\nWHERE x = 1 /* ? */ AND y = 'it''s ?' AND z = 'o''k'",
        SqlParameters.substitute(sql, List.of("1", ParameterLiterals.quote("o'k"))));
  }

  @Test
  void aWrongNumberOfValuesFails() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SqlParameters.substitute("SELECT ? + ?", List.of("1")));
    assertEquals("the statement has 2 parameters but 1 values were bound", e.getMessage());
  }
}
