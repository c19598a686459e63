package io.vjvector.sdk.embed;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns text into dense vectors. Plugins register implementations as OSGi services, declared with
 * {@link VjvEmbedder}; the host selects one by name (for example the embedder configured for a
 * collection, as a target filter on {@link #NAME_PROPERTY}).
 *
 * <p>Implementations must be thread-safe: the host calls them from many request threads at once.
 */
@ConsumerType
public interface Embedder {
  /** The service property that carries the embedder's name; {@link VjvEmbedder} sets it. */
  String NAME_PROPERTY = VjvEmbedder.PREFIX_ + "name";

  /**
   * The name users select this embedder by, unique among installed embedders; the same as the
   * {@link #NAME_PROPERTY} service property.
   *
   * @return the name
   */
  String name();

  /**
   * The identifier of the model, recorded with collections together with {@link #modelVersion()} so
   * that vectors of different models are never mixed.
   *
   * @return for example {@code sentence-transformers/all-MiniLM-L6-v2}
   */
  String modelId();

  /**
   * The version of the model's weights. Two embedders whose model id and version are equal must
   * return the same vectors for the same text; change the version whenever that stops being true
   * (new weights, a different tokenizer or normalization).
   *
   * @return for example {@code 1} or a content digest of the weights
   */
  String modelVersion();

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
   * @return one vector per text, in the same order, each of {@link #dimension()} finite floats
   * @throws io.vjvector.sdk.error.VjvException if the model is unavailable or an input is rejected
   */
  List<float[]> embed(List<String> texts);
}
