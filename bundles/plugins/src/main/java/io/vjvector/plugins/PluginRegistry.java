package io.vjvector.plugins;

import io.vjvector.sdk.chunk.Chunker;
import io.vjvector.sdk.embed.Embedder;
import io.vjvector.sdk.event.EventSink;
import io.vjvector.sdk.generate.Generator;
import io.vjvector.sdk.load.DocumentLoader;
import io.vjvector.sdk.rerank.Reranker;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The SDK services that plugins (and the host's own bundles) register, selected by the name their
 * {@code @Vjv*} annotation puts on them ({@code vjvector.embedder.name}, ...). When two services
 * share a name, the one with the highest service ranking wins, then the oldest. Services of a
 * bundle that breaks the plugin rules are never offered.
 */
@ProviderType
public interface PluginRegistry {
  /**
   * An embedder by name.
   *
   * @param name the {@code vjvector.embedder.name}
   * @return the embedder, or empty if none of that name is registered
   */
  Optional<Embedder> embedder(String name);

  /**
   * A reranker by name.
   *
   * @param name the {@code vjvector.reranker.name}
   * @return the reranker, or empty
   */
  Optional<Reranker> reranker(String name);

  /**
   * A generator by name.
   *
   * @param name the {@code vjvector.generator.name}
   * @return the generator, or empty
   */
  Optional<Generator> generator(String name);

  /**
   * A document loader by name.
   *
   * @param name the {@code vjvector.documentloader.name}
   * @return the loader, or empty
   */
  Optional<DocumentLoader> documentLoader(String name);

  /**
   * A chunker by name.
   *
   * @param name the {@code vjvector.chunker.name}
   * @return the chunker, or empty
   */
  Optional<Chunker> chunker(String name);

  /**
   * Every registered event sink; events go to all of them.
   *
   * @return the sinks, best ranked first
   */
  List<EventSink> eventSinks();

  /**
   * A service by SPI type and name, for callers that must have it.
   *
   * @param <S> the SPI
   * @param spi {@code Embedder.class}, {@code Reranker.class}, ...
   * @param name the service's name
   * @return the service
   * @throws io.vjvector.sdk.error.VjvException {@code UNAVAILABLE} (HTTP 503) naming what is
   *     missing and what is installed, if no service of that name is registered
   * @throws IllegalArgumentException if {@code spi} is not one of the SDK's SPIs
   */
  <S> S require(Class<S> spi, String name);

  /**
   * The names under which services of an SPI are registered.
   *
   * @param spi {@code Embedder.class}, ...
   * @return the names, sorted
   * @throws IllegalArgumentException if {@code spi} is not one of the SDK's SPIs
   */
  Set<String> names(Class<?> spi);

  /**
   * The installed plugins: every bundle that is a plugin by the admission rules (whether it was
   * admitted or rejected), and every bundle that registers SDK services.
   *
   * @return the plugins, by bundle id
   */
  List<PluginInfo> plugins();
}
