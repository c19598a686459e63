package io.vjvector.sdk.rerank;

import io.vjvector.sdk.internal.Values;
import java.util.List;

/**
 * What to rerank.
 *
 * @param query the user's query
 * @param documents the candidate texts, at least one; results refer to them by index
 * @param topN how many results to return at most, at least 1 (more than there are documents means
 *     all of them)
 */
public record RerankRequest(String query, List<String> documents, int topN) {
  /**
   * Validates and copies the request.
   *
   * @param query the user's query
   * @param documents the candidate texts, at least one; results refer to them by index
   * @param topN how many results to return at most, at least 1 (more than there are documents means
   *     all of them)
   * @throws IllegalArgumentException if the query is blank, there are no documents, a document is
   *     {@code null} or {@code topN} is below 1
   */
  public RerankRequest {
    Values.requiredText(query, "query");
    documents = Values.copyList(documents, "documents");
    if (documents.isEmpty()) {
      throw new IllegalArgumentException("documents must not be empty");
    }
    if (topN < 1) {
      throw new IllegalArgumentException("topN must be at least 1, not " + topN);
    }
  }

  /**
   * A request that ranks every document.
   *
   * @param query the query
   * @param documents the candidates
   * @return the request
   */
  public static RerankRequest of(String query, List<String> documents) {
    return new RerankRequest(
        query, documents, Math.max(1, documents == null ? 1 : documents.size()));
  }
}
