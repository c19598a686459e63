package io.vjvector.engine.internal;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.PointId;
import java.util.List;

/** Turns example points into a query vector for "more like these". */
final class Examples {
  private Examples() {}

  /**
   * The mean of the positive examples, moved away from the mean of the negative ones: {@code 2 *
   * pos - neg}. Caller holds the store's read lock. Points written at or before {@code cutoff} have
   * expired and are not found.
   */
  static float[] query(
      CollectionStore store,
      int dimension,
      List<PointId> positive,
      List<PointId> negative,
      long cutoff) {
    double[] pos = mean(store, dimension, positive, cutoff);
    float[] query = new float[dimension];
    if (negative.isEmpty()) {
      for (int i = 0; i < dimension; i++) {
        query[i] = (float) pos[i];
      }
      return query;
    }
    double[] neg = mean(store, dimension, negative, cutoff);
    for (int i = 0; i < dimension; i++) {
      query[i] = (float) (2 * pos[i] - neg[i]);
    }
    return query;
  }

  private static double[] mean(
      CollectionStore store, int dimension, List<PointId> ids, long cutoff) {
    double[] sum = new double[dimension];
    for (PointId id : ids) {
      var point = store.get(id, cutoff);
      if (point == null) {
        throw new VjvException(ErrorType.NOT_FOUND, "no point " + id + " to use as an example");
      }
      float[] v = point.vector();
      for (int i = 0; i < dimension; i++) {
        sum[i] += v[i];
      }
    }
    for (int i = 0; i < dimension; i++) {
      sum[i] /= ids.size();
    }
    return sum;
  }
}
