package io.vjvector.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.sdk.chunk.Chunker;
import io.vjvector.sdk.chunk.VjvChunker;
import io.vjvector.sdk.embed.Embedder;
import io.vjvector.sdk.embed.VjvEmbedder;
import io.vjvector.sdk.event.EventSink;
import io.vjvector.sdk.event.VjvEventSink;
import io.vjvector.sdk.generate.Generator;
import io.vjvector.sdk.generate.VjvGenerator;
import io.vjvector.sdk.load.DocumentLoader;
import io.vjvector.sdk.load.VjvDocumentLoader;
import io.vjvector.sdk.rerank.Reranker;
import io.vjvector.sdk.rerank.VjvReranker;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service property names are API: hosts filter on them, plugins set them through the types. */
class PropertyTypesTest {
  @Test
  void namePropertiesAreStable() {
    assertEquals("vjvector.embedder.name", Embedder.NAME_PROPERTY);
    assertEquals("vjvector.reranker.name", Reranker.NAME_PROPERTY);
    assertEquals("vjvector.generator.name", Generator.NAME_PROPERTY);
    assertEquals("vjvector.documentloader.name", DocumentLoader.NAME_PROPERTY);
    assertEquals("vjvector.chunker.name", Chunker.NAME_PROPERTY);
    assertEquals("vjvector.eventsink.name", EventSink.NAME_PROPERTY);
  }

  @Test
  void propertyTypesMapTheirNameElementToTheNameProperty() throws Exception {
    // DS 1.4: the service property is PREFIX_ + element name
    Map<Class<?>, String> expected =
        Map.of(
            VjvEmbedder.class, Embedder.NAME_PROPERTY,
            VjvReranker.class, Reranker.NAME_PROPERTY,
            VjvGenerator.class, Generator.NAME_PROPERTY,
            VjvDocumentLoader.class, DocumentLoader.NAME_PROPERTY,
            VjvChunker.class, Chunker.NAME_PROPERTY,
            VjvEventSink.class, EventSink.NAME_PROPERTY);
    for (Map.Entry<Class<?>, String> e : expected.entrySet()) {
      Class<?> type = e.getKey();
      assertTrue(type.isAnnotation(), type.getName());
      assertEquals(String.class, type.getMethod("name").getReturnType(), type.getName());
      assertEquals(1, type.getDeclaredMethods().length, type + " has only name()");
      // CLASS retention: bnd reads it at build time, plugins get no runtime import for it
      assertEquals(
          RetentionPolicy.CLASS, type.getAnnotation(Retention.class).value(), type.getName());
      assertEquals(e.getValue(), type.getField("PREFIX_").get(null) + "name", type.getName());
    }
  }
}
