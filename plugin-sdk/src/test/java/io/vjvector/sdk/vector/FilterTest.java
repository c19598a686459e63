package io.vjvector.sdk.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterTest {
  private static final PointId ID = PointId.of(7);
  private final Map<String, Object> payload = new HashMap<>();

  FilterTest() {
    payload.put("color", "red");
    payload.put("n", 3L);
    payload.put("price", 9.5);
    payload.put("tags", List.of("a", "b"));
    payload.put("big", new BigInteger("18446744073709551615"));
    payload.put("nothing", null);
    payload.put("when", "2026-03-01T10:00:00Z");
    payload.put("address", Map.of("city", "Oslo", "zip", 150L));
  }

  private boolean matches(Condition c) {
    return c.test(ID, payload);
  }

  @Test
  void matchComparesNumbersByValueAndArraysByElement() {
    assertTrue(matches(new Filter.Match("color", "red")));
    assertFalse(matches(new Filter.Match("color", "blue")));
    assertTrue(matches(new Filter.Match("n", 3.0)));
    assertTrue(matches(new Filter.Match("tags", "b")));
    assertFalse(matches(new Filter.Match("tags", "c")));
    assertTrue(matches(new Filter.Match("address.city", "Oslo")));
    assertFalse(matches(new Filter.Match("address.country", "NO")));
    assertTrue(matches(new Filter.Match("big", new BigInteger("18446744073709551615"))));
    assertFalse(matches(new Filter.Match("big", -1L)));
    assertFalse(matches(new Filter.Match("missing", "x")));
  }

  @Test
  void anyRangeNullAndId() {
    assertTrue(matches(new Filter.MatchAny("color", List.of("blue", "red"))));
    assertFalse(matches(new Filter.MatchAny("color", List.of("blue", "green"))));
    assertTrue(matches(new Filter.Range("price", null, 9.5, 10, null)));
    assertFalse(matches(new Filter.Range("price", 9.5, null, null, null)));
    assertTrue(matches(new Filter.Range("address.zip", 100, null, null, 150)));
    assertFalse(matches(new Filter.Range("color", 0, null, null, null)), "a string is no number");
    assertTrue(matches(new Filter.Range("when", null, "2026-03-01T11:00:00+01:00", null, null)));
    assertFalse(matches(new Filter.Range("when", "2026-03-01T10:00:00Z", null, null, null)));
    assertTrue(matches(new Filter.IsNull("nothing")));
    assertTrue(matches(new Filter.IsNull("missing")));
    assertFalse(matches(new Filter.IsNull("color")));
    assertTrue(matches(new Filter.HasId(List.of(PointId.of(7), PointId.of("x")))));
    assertFalse(matches(new Filter.HasId(List.of(PointId.of("7")))));
  }

  @Test
  void mustShouldMustNotAndNesting() {
    Condition red = new Filter.Match("color", "red");
    Condition blue = new Filter.Match("color", "blue");
    Condition three = new Filter.Match("n", 3);
    assertTrue(matches(Filter.of(List.of(red), List.of(blue, three), List.of())));
    assertFalse(matches(Filter.of(List.of(red), List.of(blue), List.of())));
    assertFalse(matches(Filter.of(List.of(), List.of(), List.of(three))));
    assertTrue(matches(Filter.of(List.of(), List.of(), List.of(blue))));
    Filter nested =
        Filter.of(
            List.of(Filter.of(List.of(), List.of(blue, red), List.of())), List.of(), List.of());
    assertTrue(matches(nested));
    assertEquals(2, nested.depth());
    assertTrue(Filter.none().test(ID, Map.of()));
    assertTrue(Filter.of(List.of(), List.of(), List.of()).isEmpty());
  }

  @Test
  void badConditionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Filter.Match("", "x"));
    assertThrows(IllegalArgumentException.class, () -> new Filter.Match("k", List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Filter.Match("k", Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new Filter.MatchAny("k", List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new Filter.Range("k", null, null, null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Filter.Range("k", 1, null, "2026-01-01T00:00:00Z", null));
    assertThrows(
        IllegalArgumentException.class, () -> new Filter.Range("k", "yesterday", null, null, null));
    assertThrows(IllegalArgumentException.class, () -> new Filter.HasId(List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new Filter.MatchAny("k", Arrays.asList("a", null)));
  }

  @Test
  void numbersCompareByValueAcrossTypesAndPrecision() {
    java.util.Map<String, Object> p =
        java.util.Map.of(
            "n", 9007199254740993L, "d", -0.0, "x", 2.5, "a", java.util.List.of(1, 7L));
    // a long beyond 2^53 is not rounded to the nearest double
    org.junit.jupiter.api.Assertions.assertFalse(
        new Filter.Match("n", 9007199254740992.0).test(PointId.of(1), p));
    org.junit.jupiter.api.Assertions.assertTrue(
        new Filter.Match("n", 9007199254740993L).test(PointId.of(1), p));
    org.junit.jupiter.api.Assertions.assertTrue(
        new Filter.Range("n", 9007199254740992L, null, null, null).test(PointId.of(1), p));
    // -0.0 equals 0, an integer 2 is below 2.5, list elements are each tried
    org.junit.jupiter.api.Assertions.assertTrue(new Filter.Match("d", 0L).test(PointId.of(1), p));
    org.junit.jupiter.api.Assertions.assertTrue(new Filter.Match("d", 0.0).test(PointId.of(1), p));
    org.junit.jupiter.api.Assertions.assertTrue(
        new Filter.Range("x", 2L, null, null, 2.5f).test(PointId.of(1), p));
    org.junit.jupiter.api.Assertions.assertTrue(new Filter.Match("a", 7.0).test(PointId.of(1), p));
    org.junit.jupiter.api.Assertions.assertFalse(new Filter.Match("a", 3).test(PointId.of(1), p));
    org.junit.jupiter.api.Assertions.assertFalse(
        new Filter.Match("missing", 3).test(PointId.of(1), p));
  }
}
