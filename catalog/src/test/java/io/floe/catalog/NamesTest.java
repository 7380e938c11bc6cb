package io.floe.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Names print safely in messages, and the common name rules refuse what no catalog can hold. */
class NamesTest {
  @Test
  void plainNamesPrintAsTheyAreOthersQuotedEscapedAndAbbreviated() {
    assertEquals("sales.eu.orders", TableIdentifier.of("sales", "eu", "orders").toString());
    assertEquals("db.'it\\'s'", TableIdentifier.of("db", "it's").toString());
    assertEquals("'nul\\u0000'", Names.describe("nul\0"));
    assertEquals("'line\\u000abreak'", Names.describe("line\nbreak"));
    String shown = Names.describe("L".repeat(10_000));
    assertTrue(shown.startsWith("'" + "L".repeat(60) + "'") && shown.endsWith("... (10000 characters)"), shown);
    assertEquals("<root>", Namespace.empty().toString());
    assertEquals("''", Names.describe(""));
  }

  @Test
  void theCommonRulesRefuseEmptyNulAndBrokenUtf16() {
    NameRules.checkCommon("Ünïcødé_表_🚀", "table name");
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> NameRules.checkCommon("", "table name"));
    assertTrue(empty.getMessage().contains("must not be empty"), empty.getMessage());
    IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> NameRules.checkCommon("a\0b", "table name"));
    assertTrue(nul.getMessage().contains("NUL") && nul.getMessage().contains("position 1"), nul.getMessage());
    IllegalArgumentException surrogate = assertThrows(IllegalArgumentException.class,
        () -> NameRules.checkCommon("a\ud800", "table name"));
    assertTrue(surrogate.getMessage().contains("surrogate"), surrogate.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NameRules.checkTable(TableIdentifier.of("t")));
  }
}
