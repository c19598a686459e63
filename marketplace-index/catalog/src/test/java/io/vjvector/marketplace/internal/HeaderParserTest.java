package io.vjvector.marketplace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vjvector.marketplace.internal.HeaderParser.Clause;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderParserTest {

  @Test
  void clausesAttributesDirectivesAndQuotedCommas() {
    List<Clause> clauses =
        HeaderParser.parse(
            "a.b;c.d;version=\"[1.0,2)\";resolution:=optional , e ;x:Version=1.2;"
                + "uses:=\"a.b,c.d\"");

    assertEquals(
        List.of(
            new Clause("a.b", Map.of("version", "[1.0,2)"), Map.of("resolution", "optional")),
            new Clause("c.d", Map.of("version", "[1.0,2)"), Map.of("resolution", "optional")),
            new Clause("e", Map.of("x", "1.2"), Map.of("uses", "a.b,c.d"))),
        clauses);
  }

  @Test
  void escapedQuotesAndSemicolonsInsideQuotes() {
    Clause clause = HeaderParser.parse("p;note=\"say \\\"hi\\\"; then, go\"").get(0);
    assertEquals("say \"hi\"; then, go", clause.attributes().get("note"));
  }

  @Test
  void emptyHeaderHasNoClauses() {
    assertEquals(List.of(), HeaderParser.parse(null));
    assertEquals(List.of(), HeaderParser.parse("  "));
  }

  @Test
  void grammarErrorsAreRejected() {
    for (String bad :
        List.of(
            "a;version=\"[1,2)",
            "a,,b",
            "a;version=1;b",
            ";version=1",
            "a;version=1;version=2",
            "a;version=",
            "a\"b\"")) {
      assertThrows(IllegalArgumentException.class, () -> HeaderParser.parse(bad), bad);
    }
  }
}
