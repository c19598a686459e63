package io.vjvector.samples.mmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.sdk.rerank.RankedDocument;
import io.vjvector.sdk.rerank.RerankRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MmrRerankerTest {
  private static final String QUERY = "karaf osgi bundles";
  private static final List<String> DOCS =
      List.of(
          "Apache Karaf runs OSGi bundles.",
          "Apache Karaf runs OSGi bundles!", // a near-copy of the first
          "The Karaf console installs OSGi features and bundles",
          "Bananas are a yellow fruit");

  private static List<Integer> order(List<RankedDocument> ranked) {
    return ranked.stream().map(RankedDocument::index).toList();
  }

  @Test
  void withLambdaOneItRanksByRelevanceAlone() {
    List<RankedDocument> ranked = new MmrReranker(1.0).rerank(RerankRequest.of(QUERY, DOCS));
    assertEquals(List.of(0, 1, 2, 3), order(ranked));
    assertEquals(ranked.get(0).score(), ranked.get(1).score(), 1e-12, "the copies tie");
    assertEquals(0.0, ranked.get(3).score(), "no word in common with the query");
  }

  @Test
  void aNearCopyOfTheBestHitMakesRoomForSomethingDifferent() {
    List<RankedDocument> ranked = new MmrReranker(0.5).rerank(RerankRequest.of(QUERY, DOCS));
    assertEquals(0, ranked.get(0).index());
    assertEquals(2, ranked.get(1).index(), "the different relevant text comes before the copy");
    assertTrue(order(ranked).indexOf(1) > 1);
  }

  @Test
  void withLambdaZeroItPrefersWhatIsLeastLikeThePicksSoFar() {
    List<RankedDocument> ranked = new MmrReranker(0.0).rerank(RerankRequest.of(QUERY, DOCS));
    assertEquals(List.of(0, 3), order(ranked).subList(0, 2));
  }

  @Test
  void returnsAtMostTopNDistinctCandidatesWithScoresThatNeverRise() {
    for (double lambda : new double[] {0, 0.3, 0.7, 1}) {
      List<RankedDocument> ranked =
          new MmrReranker(lambda).rerank(new RerankRequest(QUERY, DOCS, 3));
      assertEquals(3, ranked.size());
      Set<Integer> seen = new HashSet<>(order(ranked));
      assertEquals(3, seen.size(), "distinct");
      for (int i = 1; i < ranked.size(); i++) {
        assertTrue(ranked.get(i).score() <= ranked.get(i - 1).score(), "lambda " + lambda);
      }
    }
    assertEquals(4, new MmrReranker(0.7).rerank(new RerankRequest(QUERY, DOCS, 99)).size());
  }

  @Test
  void candidatesWithoutWordsOrOverlapKeepTheirOrder() {
    List<RankedDocument> ranked =
        new MmrReranker(1.0).rerank(RerankRequest.of("zebra", List.of("", "  ", "b")));
    assertEquals(List.of(0, 1, 2), order(ranked));
    ranked.forEach(r -> assertEquals(0.0, r.score()));
  }

  @Test
  void wordsAreLowerCasedLettersAndDigitsOfAnyScript() {
    assertEquals(
        Map.of("größe", 2, "grösse", 1, "42", 1, "東京", 1),
        TermVectors.termCounts("Größe, GRÖSSE; 42 größe/東京"));
  }

  @Test
  void lambdaComesFromTheConfigurationAndMustBeInRange() {
    List<RankedDocument> configured =
        new MmrReranker(Map.of("lambda", "0.5")).rerank(RerankRequest.of(QUERY, DOCS));
    assertEquals(List.of(0, 2), order(configured).subList(0, 2));
    assertEquals(
        order(new MmrReranker(MmrReranker.DEFAULT_LAMBDA).rerank(RerankRequest.of(QUERY, DOCS))),
        order(new MmrReranker(Map.of()).rerank(RerankRequest.of(QUERY, DOCS))));
    for (Object bad : List.of("1.5", "-0.1", "high", Double.NaN)) {
      assertThrows(
          IllegalArgumentException.class, () -> new MmrReranker(Map.of("lambda", bad)), "" + bad);
    }
  }
}
