package io.vjvector.sdk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.sdk.vector.Distance;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {
  /** As a .cfg file delivers it: every value a string. */
  private final Config file =
      Config.of(
          Map.of(
              "model", "minilm",
              "batch", " 32 ",
              "big", "9000000000",
              "ratio", "0.25",
              "cache", "TRUE",
              "timeout", "30s",
              "models", "a, b,,c ",
              "distance", "Cosine"));

  @Test
  void convertsStringsFromFiles() {
    assertEquals(Optional.of("minilm"), file.getString("model"));
    assertEquals(32, file.getInt("batch", 1));
    assertEquals(9_000_000_000L, file.getLong("big", 1));
    assertEquals(0.25, file.getDouble("ratio", 1));
    assertTrue(file.getBoolean("cache", false));
    assertEquals(Duration.ofSeconds(30), file.getDuration("timeout", Duration.ZERO));
    assertEquals(List.of("a", "b", "c"), file.getStrings("models"));
    assertEquals(Distance.COSINE, file.getEnum("distance", Distance.class, Distance.DOT));
  }

  @Test
  void acceptsTypedValues() {
    Config c =
        Config.of(
            Map.of(
                "n",
                7,
                "d",
                2,
                "b",
                false,
                "t",
                Duration.ofMinutes(1),
                "ms",
                250L,
                "list",
                new String[] {"x", "y"},
                "coll",
                List.of("z", 1),
                "e",
                Distance.EUCLID));
    assertEquals(7L, c.getLong("n", 0));
    assertEquals(Optional.of("7"), c.getString("n"));
    assertEquals(2.0, c.getDouble("d", 0));
    assertFalse(c.getBoolean("b", true));
    assertEquals(Duration.ofMinutes(1), c.getDuration("t", null));
    assertEquals(Duration.ofMillis(250), c.getDuration("ms", null));
    assertEquals(List.of("x", "y"), c.getStrings("list"));
    assertEquals(List.of("z", "1"), c.getStrings("coll"));
    assertEquals(Distance.EUCLID, c.getEnum("e", Distance.class, null));
  }

  @Test
  void missingKeysGiveDefaults() {
    Config c = Config.empty();
    assertEquals(Optional.empty(), c.getString("x"));
    assertEquals("d", c.getString("x", "d"));
    assertEquals(5, c.getInt("x", 5));
    assertEquals(Duration.ofSeconds(2), c.getDuration("x", Duration.ofSeconds(2)));
    assertEquals(List.of(), c.getStrings("x"));
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("x", null);
    assertEquals(9, Config.of(withNull).getInt("x", 9), "a null value counts as missing");
  }

  @Test
  void durationsInEveryForm() {
    Config c =
        Config.of(
            Map.of(
                "iso", "PT1M30S", "ms", "500ms", "m", "5m", "h", "2h", "d", "1d", "plain", "1500"));
    assertEquals(Duration.ofSeconds(90), c.getDuration("iso", null));
    assertEquals(Duration.ofMillis(500), c.getDuration("ms", null));
    assertEquals(Duration.ofMinutes(5), c.getDuration("m", null));
    assertEquals(Duration.ofHours(2), c.getDuration("h", null));
    assertEquals(Duration.ofDays(1), c.getDuration("d", null));
    assertEquals(Duration.ofMillis(1500), c.getDuration("plain", null));
  }

  @Test
  void malformedValuesAreErrorsNotDefaults() {
    Config c =
        Config.of(
            Map.of(
                "n", "12x",
                "f", 1.5,
                "huge", "3000000000",
                "b", "yes",
                "t", "soon",
                "neg", "-5s",
                "nan", "NaN",
                "e", "manhattan",
                "list", List.of(Map.of())));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> c.getInt("n", 0));
    assertTrue(e.getMessage().contains("'n'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> c.getLong("f", 0), "1.5 is no integer");
    assertThrows(IllegalArgumentException.class, () -> c.getInt("huge", 0));
    assertEquals(3_000_000_000L, c.getLong("huge", 0));
    assertThrows(IllegalArgumentException.class, () -> c.getBoolean("b", false));
    assertThrows(IllegalArgumentException.class, () -> c.getDuration("t", null));
    assertThrows(IllegalArgumentException.class, () -> c.getDuration("neg", null));
    assertThrows(IllegalArgumentException.class, () -> c.getDouble("nan", 0));
    assertThrows(
        IllegalArgumentException.class, () -> c.getEnum("e", Distance.class, Distance.DOT));
    assertThrows(IllegalArgumentException.class, () -> c.getStrings("list"));
    assertThrows(IllegalArgumentException.class, () -> c.getString("list"));
  }

  @Test
  void isACopyAndDoesNotPrintValues() {
    Map<String, Object> props = new HashMap<>(Map.of("k", "v"));
    Config c = Config.of(props);
    props.put("k", "changed");
    assertEquals("v", c.getString("k", null));
    assertThrows(UnsupportedOperationException.class, () -> c.asMap().put("k", "x"));
    assertFalse(c.toString().contains("v]"), c.toString());
    assertThrows(IllegalArgumentException.class, () -> Config.of(Map.of("", "x")));
  }
}
