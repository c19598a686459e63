package ${package};

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashingEmbedderTest {
  private final HashingEmbedder embedder = new HashingEmbedder();

  @Test
  void returnsOneUnitVectorOfTheDeclaredDimensionPerTextInOrder() {
    List<float[]> vectors = embedder.embed(List.of("Apache Karaf", "vector search", "Karaf"));
    assertEquals(3, vectors.size());
    for (float[] v : vectors) {
      assertEquals(embedder.dimension(), v.length);
      double norm = 0;
      for (float x : v) {
        assertTrue(Float.isFinite(x));
        norm += x * x;
      }
      assertEquals(1.0, norm, 1e-5);
    }
    assertFalse(Arrays.equals(vectors.get(0), vectors.get(1)), "different texts differ");
  }

  @Test
  void theSameWordsGiveTheSameVectorWhateverTheirCaseAndPunctuation() {
    List<float[]> vectors = embedder.embed(List.of("Apache, KARAF!", "apache karaf"));
    assertArrayEquals(vectors.get(0), vectors.get(1));
  }

  @Test
  void aTextWithoutWordsIsTheZeroVector() {
    assertArrayEquals(new float[embedder.dimension()], embedder.embed(List.of(" ...")).get(0));
  }

  @Test
  void itsNameIsTheOneHostsSelectItBy() {
    assertEquals("${embedderName}", embedder.name());
  }
}
