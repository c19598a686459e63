package io.vjvector.sdk.rerank;

/**
 * One reranked candidate.
 *
 * @param index the candidate's position in {@link RerankRequest#documents()}
 * @param score its relevance; higher is more relevant, finite, on a scale the reranker chooses
 */
public record RankedDocument(int index, double score) {
  /**
   * Validates the result.
   *
   * @param index the candidate's position in {@link RerankRequest#documents()}
   * @param score its relevance; higher is more relevant, finite, on a scale the reranker chooses
   * @throws IllegalArgumentException if the index is negative or the score is not finite
   */
  public RankedDocument {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, not " + index);
    }
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite, not " + score);
    }
  }
}
