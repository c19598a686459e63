package io.vjvector.marketplace.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClausesTest {
  @Test
  void parsesPackagesAttributesDirectivesAndQuotedCommas() {
    List<Clauses.Clause> c =
        Clauses.parse(
            "io.vjvector.sdk.embed;io.vjvector.sdk.vector;version=\"[1.0,2)\","
                + "javax.net;resolution:=optional,"
                + "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"");
    assertEquals(3, c.size());
    assertEquals(List.of("io.vjvector.sdk.embed", "io.vjvector.sdk.vector"), c.get(0).names());
    assertEquals("[1.0,2)", c.get(0).attributes().get("version"));
    assertEquals("optional", c.get(1).directives().get("resolution"));
    assertEquals("(&(osgi.ee=JavaSE)(version=17))", c.get(2).directives().get("filter"));
  }

  @Test
  void typedAttributesLoseTheirType() {
    Clauses.Clause c = Clauses.parse("osgi.service;objectClass:List<String>=\"a,b\"").get(0);
    assertEquals("a,b", c.attributes().get("objectClass"));
  }

  @Test
  void emptyHeaderHasNoClauses() {
    assertEquals(0, Clauses.parse(null).size());
    assertEquals(0, Clauses.parse("  ").size());
  }
}
