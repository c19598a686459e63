package io.vjvector.sdk.embed;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns text into dense vectors. Plugins register implementations as OSGi services; the host
 * selects one by {@link #name()} (for example the embedder configured for a collection).
 *
 * <p>Implementations must be thread-safe: the host calls them from many request threads at once.
 */
@ConsumerType
public interface Embedder {
  /** The service property that carries the embedder's name. */
  String NAME_PROPERTY = "vjvector.embedder.name";

  /**
   * The name users select this embedder by, unique among installed embedders.
   *
   * @return the name
   */
  String name();

  /**
   * The identifier and version of the model, recorded with collections so that vectors of different
   * models are never mixed.
   *
   * @return for example {@code all-MiniLM-L6-v2@1}
   */
  String modelId();

  /**
   * The number of dimensions of every vector this embedder returns.
   *
   * @return the dimension, at least 1
   */
  int dimension();

  /**
   * Embeds a batch of texts.
   *
   * @param texts the texts, in order
   * @return one vector per text, in the same order, each of {@link #dimension()} floats
   * @throws io.vjvector.sdk.error.VjvException if the model is unavailable or an input is rejected
   */
  List<float[]> embed(List<String> texts);
}
