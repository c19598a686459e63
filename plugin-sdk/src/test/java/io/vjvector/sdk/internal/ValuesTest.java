package io.vjvector.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void copiesDeeplyAndUnmodifiably() {
    List<Object> tags = new ArrayList<>(List.of("a"));
    Map<String, Object> inner = new HashMap<>(Map.of("k", 1L));
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("tags", tags);
    source.put("inner", inner);
    source.put("big", BigInteger.TEN);
    Map<String, Object> copy = Values.copyObject("payload", source, false);
    tags.add("b");
    inner.put("k", 2L);
    assertEquals(List.of("a"), copy.get("tags"));
    assertEquals(Map.of("k", 1L), copy.get("inner"));
    assertEquals(List.of("tags", "inner", "big"), List.copyOf(copy.keySet()), "order kept");
    assertThrows(UnsupportedOperationException.class, () -> copy.put("x", "y"));
    assertThrows(UnsupportedOperationException.class, () -> ((List<?>) copy.get("tags")).add(null));
  }

  @Test
  void nullsOnlyWhereAllowed() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("gone", null);
    withNull.put("list", Arrays.asList(1L, null));
    Map<String, Object> copy = Values.copyObject("payload", withNull, true);
    assertTrue(copy.containsKey("gone"));
    assertNull(copy.get("gone"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Values.copyObject("metadata", withNull, false));
    assertTrue(e.getMessage().startsWith("metadata '"), e.getMessage());
    assertEquals(Map.of(), Values.copyObject("m", null, false));
  }

  @Test
  void rejectsWhatIsNotJson() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Values.copyObject("m", Map.of("d", Double.NaN), false));
    assertThrows(
        IllegalArgumentException.class,
        () -> Values.copyObject("m", Map.of("f", Float.POSITIVE_INFINITY), false));
    assertThrows(
        IllegalArgumentException.class,
        () -> Values.copyObject("m", Map.of("o", new Object()), false));
    assertThrows(
        IllegalArgumentException.class,
        () -> Values.copyObject("m", Map.of("mutable", new AtomicLong()), false));
    assertThrows(
        IllegalArgumentException.class, () -> Values.copyObject("m", Map.of("", "x"), false));
    assertThrows(
        IllegalArgumentException.class,
        () -> Values.copyObject("m", Map.of(1, "not a string key"), false));
  }

  @Test
  void aMapThatContainsItselfIsRejectedNotOverflowed() {
    Map<String, Object> loop = new HashMap<>();
    loop.put("self", loop);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Values.copyObject("m", loop, false));
    assertTrue(e.getMessage().contains("deeper than"), e.getMessage());
  }

  @Test
  void scalarsOnly() {
    assertEquals(
        Map.of("n", 3, "s", "x", "b", true),
        Values.copyScalars("attribute", Map.of("n", 3, "s", "x", "b", true)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Values.copyScalars("attribute", Map.of("l", List.of("a"))));
  }
}
