package io.vjvector.samples.mmr;

import io.vjvector.sdk.host.Config;
import io.vjvector.sdk.rerank.RankedDocument;
import io.vjvector.sdk.rerank.RerankRequest;
import io.vjvector.sdk.rerank.Reranker;
import io.vjvector.sdk.rerank.VjvReranker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Maximal marginal relevance (Carbonell and Goldstein, 1998): picks, one at a time, the candidate
 * that maximises {@code lambda * sim(query, d) - (1 - lambda) * max sim(d, picked)}, so that five
 * near-copies of the best hit do not crowd out everything else. Similarity is the cosine of TF-IDF
 * word vectors ({@link TermVectors}); no model, no network, no host services.
 *
 * <p>{@code lambda} (default {@value #DEFAULT_LAMBDA}) comes from the component's configuration,
 * PID {@value #PID} ({@code etc/io.vjvector.samples.mmr.reranker.cfg}): 1 ranks by relevance only,
 * 0 by novelty only. The score of each result is its MMR value when it was picked, so scores never
 * increase down the list; ties go to the earlier candidate.
 */
@Component(service = Reranker.class, configurationPid = MmrReranker.PID)
@VjvReranker(name = MmrReranker.NAME)
public class MmrReranker implements Reranker {
  static final String NAME = "mmr";
  static final String PID = "io.vjvector.samples.mmr.reranker";
  static final double DEFAULT_LAMBDA = 0.7;

  private final double lambda;

  /**
   * @param properties the component's properties; {@code lambda} in [0, 1] is read from them
   */
  @Activate
  public MmrReranker(Map<String, Object> properties) {
    this(Config.of(properties).getDouble("lambda", DEFAULT_LAMBDA));
  }

  MmrReranker(double lambda) {
    if (!(lambda >= 0 && lambda <= 1)) {
      throw new IllegalArgumentException("configuration 'lambda' must be in [0, 1], not " + lambda);
    }
    this.lambda = lambda;
  }

  @Override
  public List<RankedDocument> rerank(RerankRequest request) {
    List<String> texts = new ArrayList<>(request.documents().size() + 1);
    texts.addAll(request.documents());
    texts.add(request.query());
    TermVectors vectors = new TermVectors(texts);
    int n = request.documents().size();
    int query = n;

    double[] relevance = new double[n];
    double[] redundancy = new double[n]; // max similarity to anything picked so far
    boolean[] picked = new boolean[n];
    for (int i = 0; i < n; i++) {
      relevance[i] = vectors.cosine(i, query);
    }
    int limit = Math.min(request.topN(), n);
    List<RankedDocument> ranked = new ArrayList<>(limit);
    while (ranked.size() < limit) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double score = lambda * relevance[i] - (1 - lambda) * redundancy[i];
        if (!picked[i] && score > bestScore) {
          best = i;
          bestScore = score;
        }
      }
      picked[best] = true;
      ranked.add(new RankedDocument(best, bestScore));
      for (int i = 0; i < n; i++) {
        if (!picked[i]) {
          redundancy[i] = Math.max(redundancy[i], vectors.cosine(i, best));
        }
      }
    }
    return ranked;
  }
}
