package io.vjvector.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vjvector.sdk.vector.Distance;
import org.junit.jupiter.api.Test;

class VectorMathTest {
  @Test
  void hugeScoresStayFinite() {
    float[] big = {3e38f, 3e38f};
    assertEquals(Float.MAX_VALUE, VectorMath.score(Distance.DOT, big, 0, big, 0, 2, 0));
    float[] neg = {-3e38f, -3e38f};
    assertEquals(-Float.MAX_VALUE, VectorMath.score(Distance.DOT, big, 0, neg, 0, 2, 0));
    assertEquals(Float.MAX_VALUE, VectorMath.score(Distance.EUCLID, big, 0, neg, 0, 2, 0));
  }

  @Test
  void ordinaryScoresAreExact() {
    float[] a = {1, 2, 3};
    float[] b = {4, 5, 6};
    assertEquals(32f, VectorMath.score(Distance.DOT, a, 0, b, 0, 3, 0));
    assertEquals((float) Math.sqrt(27), VectorMath.score(Distance.EUCLID, a, 0, b, 0, 3, 0));
  }
}
