package io.vjvector.sdk.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreRecordsTest {
  private static final PointId ID = PointId.of(1);

  @Test
  void pointCopiesItsVectorInAndOut() {
    float[] v = {1, 2, 3};
    Point p = new Point(ID, v);
    v[0] = 9;
    p.vector()[1] = 9;
    assertArrayEquals(new float[] {1, 2, 3}, p.vector());
    assertEquals(3, p.dimension());
    assertEquals(new Point(ID, new float[] {1, 2, 3}), p, "equal by content");
    assertEquals(new Point(ID, new float[] {1, 2, 3}).hashCode(), p.hashCode());
    assertNotEquals(new Point(ID, new float[] {1, 2, 4}), p);
    assertTrue(p.toString().contains("dimension=3"), p.toString());
  }

  @Test
  void pointPayloadKeepsJsonNullsAndIsImmutable() {
    Map<String, Object> payload = new HashMap<>();
    payload.put("deleted_at", null);
    payload.put("tags", List.of("a"));
    Point p = new Point(ID, new float[] {1}, payload);
    payload.put("x", 1);
    assertTrue(p.payload().containsKey("deleted_at"));
    assertNull(p.payload().get("deleted_at"));
    assertEquals(2, p.payload().size());
    assertThrows(UnsupportedOperationException.class, () -> p.payload().put("y", 2));
  }

  @Test
  void pointRejectsBadVectorsAndIds() {
    assertThrows(IllegalArgumentException.class, () -> new Point(null, new float[] {1}));
    assertThrows(IllegalArgumentException.class, () -> new Point(ID, new float[0]));
    assertThrows(IllegalArgumentException.class, () -> new Point(ID, null));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new Point(ID, new float[] {1, Float.NaN}));
    assertTrue(e.getMessage().contains("vector[1]"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new Point(ID, new float[] {Float.NEGATIVE_INFINITY}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Point(ID, new float[] {1}, Map.of("when", new Object())));
  }

  @Test
  void searchRequestDefaultsAndValidation() {
    SearchRequest r = new SearchRequest(new float[] {1, 0}, 5, null, false);
    assertEquals(Filter.none(), r.filter());
    assertEquals(
        SearchRequest.of(new float[] {1, 0}, 5),
        new SearchRequest(new float[] {1, 0}, 5, Filter.none(), true));
    assertThrows(IllegalArgumentException.class, () -> SearchRequest.of(new float[] {1}, 0));
    assertThrows(
        IllegalArgumentException.class, () -> SearchRequest.of(new float[] {Float.NaN}, 1));
    assertThrows(IllegalArgumentException.class, () -> SearchRequest.of(new float[0], 1));
  }

  @Test
  void collectionSpecAndHitValidation() {
    assertEquals(384, new CollectionSpec("docs", 384, Distance.COSINE).dimension());
    assertThrows(IllegalArgumentException.class, () -> new CollectionSpec("", 3, Distance.COSINE));
    assertThrows(
        IllegalArgumentException.class, () -> new CollectionSpec("docs", 0, Distance.COSINE));
    assertThrows(IllegalArgumentException.class, () -> new CollectionSpec("docs", 3, null));
    assertEquals(Map.of(), new SearchHit(ID, 0.5f, null).payload());
    assertThrows(IllegalArgumentException.class, () -> new SearchHit(null, 0.5f, Map.of()));
  }
}
