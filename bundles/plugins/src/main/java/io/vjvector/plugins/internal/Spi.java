package io.vjvector.plugins.internal;

import io.vjvector.marketplace.PluginKind;
import io.vjvector.sdk.chunk.Chunker;
import io.vjvector.sdk.embed.Embedder;
import io.vjvector.sdk.event.EventSink;
import io.vjvector.sdk.generate.Generator;
import io.vjvector.sdk.load.DocumentLoader;
import io.vjvector.sdk.rerank.Reranker;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The SDK's service provider interfaces: what plugins register and the host selects by name. */
enum Spi {
  EMBEDDER(Embedder.class, Embedder.NAME_PROPERTY, PluginKind.EMBEDDER),
  RERANKER(Reranker.class, Reranker.NAME_PROPERTY, PluginKind.RERANKER),
  GENERATOR(Generator.class, Generator.NAME_PROPERTY, PluginKind.GENERATOR),
  DOCUMENT_LOADER(DocumentLoader.class, DocumentLoader.NAME_PROPERTY, PluginKind.DOCUMENT_LOADER),
  CHUNKER(Chunker.class, Chunker.NAME_PROPERTY, PluginKind.CHUNKER),
  EVENT_SINK(EventSink.class, EventSink.NAME_PROPERTY, PluginKind.EVENT_SINK);

  final Class<?> type;
  final String nameProperty;
  final PluginKind kind;

  Spi(Class<?> type, String nameProperty, PluginKind kind) {
    this.type = type;
    this.nameProperty = nameProperty;
    this.kind = kind;
  }

  /** The catalog's id of the kind, for example {@code document-loader}. */
  String id() {
    return kind.id();
  }

  static Spi of(Class<?> type) {
    for (Spi spi : values()) {
      if (spi.type == type) {
        return spi;
      }
    }
    throw new IllegalArgumentException(
        type.getName()
            + " is not an SDK service type; one of "
            + Arrays.stream(values())
                .map(s -> s.type.getSimpleName())
                .collect(Collectors.toList()));
  }
}
