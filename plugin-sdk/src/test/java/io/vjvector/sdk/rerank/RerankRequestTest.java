package io.vjvector.sdk.rerank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RerankRequestTest {
  @Test
  void copiesDocumentsAndDefaultsTopNToAll() {
    List<String> docs = new ArrayList<>(List.of("a", "b", "c"));
    RerankRequest r = RerankRequest.of("q", docs);
    docs.clear();
    assertEquals(List.of("a", "b", "c"), r.documents());
    assertEquals(3, r.topN());
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> new RerankRequest(" ", List.of("a"), 1));
    assertThrows(IllegalArgumentException.class, () -> new RerankRequest(null, List.of("a"), 1));
    assertThrows(IllegalArgumentException.class, () -> new RerankRequest("q", List.of(), 1));
    assertThrows(IllegalArgumentException.class, () -> RerankRequest.of("q", null));
    assertThrows(
        IllegalArgumentException.class, () -> new RerankRequest("q", Arrays.asList("a", null), 1));
    assertThrows(IllegalArgumentException.class, () -> new RerankRequest("q", List.of("a"), 0));
  }

  @Test
  void rankedDocumentsAreValid() {
    assertEquals(2, new RankedDocument(2, -1.5).index());
    assertThrows(IllegalArgumentException.class, () -> new RankedDocument(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> new RankedDocument(0, Double.NaN));
  }
}
