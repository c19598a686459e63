package io.vjvector.console.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VectorParserTest {
  @Test
  void acceptsCommasSpacesAndBrackets() {
    assertArrayEquals(new float[] {0.1f, 2f, -3.5f}, VectorParser.parse("0.1,2,-3.5"));
    assertArrayEquals(new float[] {1f, 2f}, VectorParser.parse("[1, 2]"));
    assertArrayEquals(new float[] {1f, 2f}, VectorParser.parse(" 1 2 "));
  }

  @Test
  void namesTheBadElement() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VectorParser.parse("1,x,3"));
    assertTrue(e.getMessage().contains("element 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> VectorParser.parse("1,NaN"));
    assertThrows(IllegalArgumentException.class, () -> VectorParser.parse("[]"));
  }
}
