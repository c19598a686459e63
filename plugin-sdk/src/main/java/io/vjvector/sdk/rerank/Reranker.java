package io.vjvector.sdk.rerank;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Scores candidate documents against a query (typically with a cross-encoder) so that the host can
 * reorder the hits of a vector search before returning them or handing them to a generator.
 * Registered as an OSGi service declared with {@link VjvReranker}.
 *
 * <p>Implementations must be thread-safe.
 */
@ConsumerType
public interface Reranker {
  /** The service property that carries the reranker's name; {@link VjvReranker} sets it. */
  String NAME_PROPERTY = VjvReranker.PREFIX_ + "name";

  /**
   * Scores and orders the candidates.
   *
   * @param request the query, the candidate texts and how many to keep
   * @return at most {@link RerankRequest#topN()} results, most relevant first, each naming a
   *     distinct candidate by its index in {@link RerankRequest#documents()}
   * @throws io.vjvector.sdk.error.VjvException if the model is unavailable or an input is rejected
   */
  List<RankedDocument> rerank(RerankRequest request);
}
