package io.vjvector.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.sdk.embed.Embedder;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.rerank.Reranker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamedServicesTest {
  private static Map<String, Object> props(String name, long serviceId, int ranking) {
    return Map.of(
        Embedder.NAME_PROPERTY,
        name,
        "service.id",
        serviceId,
        "service.bundleid",
        40L,
        "service.ranking",
        ranking);
  }

  @Test
  void selectsByNameAndRanking() {
    NamedServices<String> s = new NamedServices<>(Spi.EMBEDDER);
    s.put("minilm-a", props("minilm", 10, 0));
    s.put("e5", props("e5", 11, 0));
    s.put("minilm-b", props("minilm", 12, 5));
    assertEquals(Optional.of("minilm-b"), s.find("minilm"));
    assertEquals(Optional.of("e5"), s.find("e5"));
    assertEquals(Optional.empty(), s.find("bge"));
    assertEquals(Set.of("e5", "minilm"), s.names());
    assertEquals(List.of("minilm-b", "e5", "minilm-a"), s.all());

    s.remove(props("minilm", 12, 5));
    assertEquals(Optional.of("minilm-a"), s.find("minilm"));
    s.put("minilm-c", props("minilm", 13, 0));
    assertEquals(Optional.of("minilm-c"), s.find("minilm"), "equal ranking: the newest wins");
  }

  @Test
  void aMissingServiceIsUnavailableAndSaysWhatIsThere() {
    NamedServices<String> s = new NamedServices<>(Spi.DOCUMENT_LOADER);
    VjvException none = assertThrows(VjvException.class, () -> s.require("pdf"));
    assertEquals(ErrorType.UNAVAILABLE, none.type());
    assertEquals(503, none.type().status());
    assertEquals("no document-loader named 'pdf' is installed", none.getMessage());
    s.put(
        "tika",
        Map.of("vjvector.documentloader.name", "tika", "service.id", 3L, "service.bundleid", 9L));
    VjvException other = assertThrows(VjvException.class, () -> s.require("pdf"));
    assertTrue(other.getMessage().endsWith("(installed: tika)"), other.getMessage());
    assertEquals("tika", s.require("tika"));
  }

  @Test
  void aServiceWithoutANameIsNeverSelected() {
    NamedServices<String> s = new NamedServices<>(Spi.EMBEDDER);
    s.put("anonymous", Map.of("service.id", 1L));
    assertEquals(Set.of(), s.names());
    assertEquals(Optional.empty(), s.find(""));
  }

  @Test
  void onlySdkSpisAreKnown() {
    assertEquals(Spi.RERANKER, Spi.of(Reranker.class));
    assertThrows(IllegalArgumentException.class, () -> Spi.of(Runnable.class));
  }
}
