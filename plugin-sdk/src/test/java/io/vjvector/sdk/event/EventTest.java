package io.vjvector.sdk.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void isImmutable() {
    Map<String, Object> attrs = new HashMap<>(Map.of("collection", "docs", "count", 3));
    Event e = new Event("points.upserted", "acme", T, attrs);
    attrs.put("count", 4);
    assertEquals(3, e.attributes().get("count"));
    assertThrows(UnsupportedOperationException.class, () -> e.attributes().put("x", "y"));
    assertEquals(Map.of(), new Event("node.joined", Event.SYSTEM_TENANT, T, null).attributes());
  }

  @Test
  void nowStampsTheCurrentTime() {
    Instant before = Instant.now();
    Event e = Event.now("collection.created", "acme", Map.of("collection", "docs"));
    assertTrue(!e.time().isBefore(before) && !e.time().isAfter(Instant.now()));
  }

  @Test
  void rejectsNullsAndMalformedTypes() {
    assertThrows(IllegalArgumentException.class, () -> new Event(null, "acme", T, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> new Event("t.x", null, T, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> new Event("t.x", " ", T, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> new Event("t.x", "acme", null, Map.of()));
    for (String type :
        new String[] {"created", "Collection.Created", "a..b", ".a.b", "a.b.", "1a.b"}) {
      assertThrows(
          IllegalArgumentException.class, () -> new Event(type, "acme", T, Map.of()), type);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> new Event("a.b", "acme", T, Map.of("nested", List.of(1))));
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("k", null);
    assertThrows(IllegalArgumentException.class, () -> new Event("a.b", "acme", T, withNull));
  }
}
