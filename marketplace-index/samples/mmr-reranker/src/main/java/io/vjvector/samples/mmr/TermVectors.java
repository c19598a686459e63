package io.vjvector.samples.mmr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * TF-IDF term vectors of one request's texts (the query and its candidates), so that similarity
 * needs no model: words shared by every text weigh little, rare shared words weigh much. IDF is
 * computed over the request itself, which is all a reranker sees.
 */
final class TermVectors {
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final List<Map<String, Double>> vectors;

  /**
   * @param texts the texts; the result's vectors are in the same order
   */
  TermVectors(List<String> texts) {
    List<Map<String, Integer>> counts = new ArrayList<>(texts.size());
    Map<String, Integer> documentFrequency = new HashMap<>();
    for (String text : texts) {
      Map<String, Integer> tf = termCounts(text);
      counts.add(tf);
      tf.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
    }
    vectors = new ArrayList<>(texts.size());
    for (Map<String, Integer> tf : counts) {
      Map<String, Double> weights = new HashMap<>();
      double norm = 0;
      for (Map.Entry<String, Integer> e : tf.entrySet()) {
        // smoothed IDF: never zero, so a word every text shares still counts a little
        double idf = Math.log(1.0 + (double) texts.size() / documentFrequency.get(e.getKey()));
        double w = (1 + Math.log(e.getValue())) * idf;
        weights.put(e.getKey(), w);
        norm += w * w;
      }
      double length = Math.sqrt(norm);
      weights.replaceAll((term, w) -> w / length);
      vectors.add(weights);
    }
  }

  /** Lower-cased words (letters and digits of any script) and how often each occurs. */
  static Map<String, Integer> termCounts(String text) {
    Map<String, Integer> counts = new HashMap<>();
    for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (!word.isEmpty()) {
        counts.merge(word, 1, Integer::sum);
      }
    }
    return counts;
  }

  /**
   * @return the cosine similarity of texts {@code a} and {@code b}, in [0, 1]; 0 if either has no
   *     words
   */
  double cosine(int a, int b) {
    Map<String, Double> x = vectors.get(a);
    Map<String, Double> y = vectors.get(b);
    if (x.size() > y.size()) {
      Map<String, Double> t = x;
      x = y;
      y = t;
    }
    double dot = 0;
    for (Map.Entry<String, Double> e : x.entrySet()) {
      Double w = y.get(e.getKey());
      if (w != null) {
        dot += e.getValue() * w;
      }
    }
    return Math.min(1.0, dot);
  }
}
