package io.vjvector.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.CollectionInfo;
import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.HnswConfig;
import io.vjvector.engine.Point;
import io.vjvector.engine.Quantization;
import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quantized traversal with exact re-scoring keeps recall, and its codes are a fraction of RAM. */
class QuantizationTest {
  private static final int POINTS = Collection.EXACT_BELOW + 1_000;

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "INT8, 48, EUCLID, 0.95, 3",
    "INT8, 48, COSINE, 0.95, 3",
    "BINARY, 256, COSINE, 0.9, 31"
  })
  void recallAndMemory(Quantization type, int dim, Distance distance, double minRecall, int ratio)
      throws Exception {
    Random random = new Random(5);
    float[][] centres = new float[32][dim];
    for (float[] c : centres) {
      for (int d = 0; d < dim; d++) {
        c[d] = (float) random.nextGaussian() * 2;
      }
    }
    List<float[]> queries = new ArrayList<>();
    for (int q = 0; q < 40; q++) {
      queries.add(vector(random, centres, dim));
    }
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection(
          "t", new CollectionSpec("q", dim, distance, new HnswConfig(16, 100), type));
      List<Point> batch = new ArrayList<>();
      for (int i = 0; i < POINTS; i++) {
        batch.add(new Point(PointId.of(i), vector(random, centres, dim), Map.of()));
        if (batch.size() == 1000) {
          engine.upsert("t", "q", batch);
          batch = new ArrayList<>();
        }
      }
      if (!batch.isEmpty()) {
        engine.upsert("t", "q", batch);
      }
      assertTrue(engine.awaitIndexed("t", "q", 120_000));
      CollectionInfo info = engine.collection("t", "q").orElseThrow();
      assertEquals(type, info.quantization());
      assertTrue(info.quantizedBytes() > 0);
      assertTrue(
          info.quantizedBytes() * ratio <= info.vectorBytes() * 1.1,
          "codes " + info.quantizedBytes() + " vs vectors " + info.vectorBytes());
      double recall = recall(engine, queries);
      assertTrue(recall >= minRecall, type + " recall " + recall);
      engine.checkpoint("t", "q");
    }
    try (EngineService engine = new EngineService(dir)) {
      assertTrue(engine.graphLoadedFromCheckpoint("t", "q"));
      assertTrue(engine.collection("t", "q").orElseThrow().quantizedBytes() > 0);
      double recall = recall(engine, queries);
      assertTrue(recall >= minRecall, type + " recall after restart " + recall);
    }
  }

  @org.junit.jupiter.api.Test
  void codesAreRetrainedWhenTheCollectionDoubles() throws Exception {
    Random random = new Random(9);
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection(
          "t", new CollectionSpec("q", 8, Distance.EUCLID, null, Quantization.INT8));
      int n = 0;
      for (int round = 0; round < 21; round++) {
        List<Point> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++, n++) {
          float[] v = new float[8];
          for (int d = 0; d < 8; d++) {
            v[d] = (float) random.nextGaussian() * (1 + round); // the range keeps widening
          }
          batch.add(new Point(PointId.of(n), v, Map.of()));
        }
        engine.upsert("t", "q", batch);
      }
      assertTrue(engine.awaitIndexed("t", "q", 120_000));
      long trained = engine.quantizerTrainedAt("t", "q");
      assertTrue(trained >= 20_000, "retrained on " + trained + " points");
    }
  }

  private static double recall(EngineService engine, List<float[]> queries) {
    int hits = 0;
    int total = 0;
    for (float[] q : queries) {
      Set<PointId> truth = new HashSet<>();
      for (ScoredPoint h : search(engine, q, true)) {
        truth.add(h.id());
      }
      List<ScoredPoint> approx = search(engine, q, false);
      for (int i = 0; i < approx.size(); i++) {
        ScoredPoint h = approx.get(i);
        if (truth.contains(h.id())) {
          hits++;
        }
        if (i > 0) {
          // re-scored exactly: the order is by the true score
          float prev = approx.get(i - 1).score();
          assertTrue(
              engine.collection("t", "q").orElseThrow().distance().higherIsCloser()
                  ? prev >= h.score()
                  : prev <= h.score());
        }
      }
      total += truth.size();
    }
    return hits / (double) total;
  }

  private static List<ScoredPoint> search(EngineService engine, float[] q, boolean exact) {
    return engine.search(
        "t", "q", new SearchRequest(q, 10, 0, null, Filter.none(), false, null, false, exact, 64));
  }

  private static float[] vector(Random random, float[][] centres, int dim) {
    float[] c = centres[random.nextInt(centres.length)];
    float[] v = new float[dim];
    for (int d = 0; d < dim; d++) {
      v[d] = c[d] + (float) random.nextGaussian();
    }
    return v;
  }
}
