package io.vjvector.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every engine and mode of the ANN harness on small synthetic sets, end to end: proves they build,
 * answer from one and two threads, report their sizes, restart and filter; measures nothing.
 * VJVector's collections only get a graph from 10,000 points on, hence their size.
 */
class AnnBenchmarkSmokeTest {
  private static final Map<String, String> SMALL_GRAPH =
      Map.of("m", "8", "ef-construction", "16", "ef", "10,64", "build-threads", "2");

  @Test
  void peerEnginesRunAndFindNeighbours() throws Exception {
    Dataset data =
        AnnBenchmark.withExactTruth(Dataset.synthetic(2000, 100, 16, 7), Metric.EUCLIDEAN);
    AnnBenchmark.Report report =
        AnnBenchmark.run(data, settings(Map.of("engines", "lucene,jvector")), row -> {});

    checkAnnRows(report.ann(), 2);
    assertTrue(report.vjvector().isEmpty());
    assertTrue(report.filtered().isEmpty());
  }

  @Test
  void vjvectorRunsEveryQuantizationAndRestartsFromItsCheckpoint() throws Exception {
    Dataset data =
        AnnBenchmark.withExactTruth(Dataset.synthetic(10_500, 100, 16, 7), Metric.EUCLIDEAN);
    List<String> progress = new ArrayList<>();
    AnnBenchmark.Report report =
        AnnBenchmark.run(
            data,
            settings(Map.of("engines", "vjvector", "quantization", "none,int8,binary")),
            progress::add);

    checkAnnRows(report.ann(), 3);
    List<String> details = report.vjvector();
    assertEquals(3 + 3, details.size(), String.join("\n", details));
    for (String row : details.subList(3, details.size())) {
      String[] cells = row.split("\\|");
      assertEquals(19, cells.length, row); // leading empty cell + 18 columns
      assertTrue(Double.parseDouble(cells[5].trim()) > 0, row); // build CPU seconds
      assertTrue(Double.parseDouble(cells[8].trim()) > 0, row); // graph bytes
      assertEquals(row.contains("vjvector-none"), Double.parseDouble(cells[9].trim()) == 0, row);
      assertEquals("yes", cells[16].trim(), row); // graph loaded from the checkpoint
      String[] recalls = cells[17].trim().split(" / ");
      if (row.contains("vjvector-none")) {
        assertEquals(recalls[0], recalls[1], row); // the same graph after the restart
      }
    }
    assertEquals(report.ann().size() - 2 + details.size() - 3, progress.size());
  }

  @Test
  void filteredSearchFindsTheFilteredNeighbours() throws Exception {
    Dataset full = Dataset.synthetic(10_500, 40, 16, 11);
    Dataset data = new Dataset(full.name(), full.base(), full.queries(), new int[40][0]);
    AnnBenchmark.Report report =
        AnnBenchmark.run(
            data,
            settings(
                Map.of(
                    "engines", "none",
                    "filter-selectivity", "0.01,0.5",
                    "filter-index", "both",
                    "filter-ef", "32")),
            row -> {});

    List<String> rows = report.filtered();
    assertEquals(3 + 2 * 2, rows.size(), String.join("\n", rows));
    for (String row : rows.subList(3, rows.size())) {
      String[] cells = row.split("\\|");
      assertEquals(16, cells.length, row);
      assertTrue(Double.parseDouble(cells[8].trim()) >= 0.9, row);
    }
    // 105 matches of 10,500: with the index the planner scores just them
    assertTrue(rows.get(3).contains("| none |"), rows.get(3));
    assertTrue(rows.get(4).contains("| integer |"), rows.get(4));
    assertTrue(rows.get(4).contains("EXACT_CANDIDATES"), rows.get(4));
    // half the points match and nothing narrows them: a filtered graph walk
    assertTrue(rows.get(5).contains("| none |") && rows.get(5).contains("FILTERED_GRAPH"));
  }

  @Test
  void cosineReachesEveryEngineAndTheTruth() throws Exception {
    // Base vectors scaled by random factors in [0.25, 4): the cosine truth stays what it was, the
    // euclidean truth does not.
    Dataset plain = Dataset.synthetic(2000, 100, 16, 7);
    Dataset noTruth = scaled(plain);
    Dataset data = AnnBenchmark.withExactTruth(noTruth, Metric.COSINE);
    int[][] unscaled = AnnBenchmark.withExactTruth(plain, Metric.COSINE).groundTruth();
    int[][] euclidean = AnnBenchmark.withExactTruth(noTruth, Metric.EUCLIDEAN).groundTruth();
    long same = 0;
    long sameEuclidean = 0;
    for (int q = 0; q < 100; q++) {
      same += AnnBenchmark.hits(data.groundTruth()[q], unscaled[q]);
      sameEuclidean += AnnBenchmark.hits(data.groundTruth()[q], euclidean[q]);
    }
    assertTrue(same >= 990, "scaling changed the cosine truth: " + same);
    assertTrue(sameEuclidean < 500, "cosine truth too close to euclidean: " + sameEuclidean);

    AnnBenchmark.Report report =
        AnnBenchmark.run(
            data,
            settings(Map.of("engines", "vjvector,lucene,jvector", "metric", "cosine")),
            row -> {});

    List<String> rows = report.ann();
    assertEquals(3 + 3 * 2, rows.size(), String.join("\n", rows));
    assertTrue(
        report
            .ann()
            .get(0)
            .contains(
                "metric cosine (vjvector COSINE, lucene and jvector"
                    + " COSINE: not all vectors unit-length"),
        report.ann().get(0));
    assertTrue(report.ann().get(0).contains("truth exact cosine top 10"), report.ann().get(0));
    // Under 10,000 points a VJVector collection is searched exactly, by its own distance: all of
    // the cosine truth at any ef. (Its build is too quick for checkAnnRows' non-zero build time.)
    List<String> peers = new ArrayList<>(rows.subList(0, 3));
    peers.addAll(rows.subList(5, rows.size()));
    checkAnnRows(peers, 2);
    for (String row : rows.subList(3, 5)) {
      assertTrue(row.contains("vjvector-none"), row);
      assertTrue(Double.parseDouble(row.split("\\|")[3].trim()) > 0.99, row);
    }
  }

  @Test
  void cosineOnUnitVectorsUsesDotProductForThePeers() throws Exception {
    Dataset plain = Dataset.synthetic(2000, 100, 16, 9);
    Dataset unit =
        AnnBenchmark.withExactTruth(
            new Dataset(plain.name(), normalised(plain.base()), normalised(plain.queries()), null),
            Metric.COSINE);
    assertTrue(Metric.maxNormDeviation(unit.base()) < Metric.UNIT_TOLERANCE);

    AnnBenchmark.Report report =
        AnnBenchmark.run(
            unit, settings(Map.of("engines", "lucene,jvector", "metric", "cosine")), row -> {});

    checkAnnRows(report.ann(), 2);
    assertTrue(
        report
            .ann()
            .get(0)
            .contains("lucene and jvector DOT_PRODUCT: base and queries" + " unit-length"),
        report.ann().get(0));
  }

  @Test
  void givenTruthIsCheckedAgainstTheMetric() {
    Dataset plain = Dataset.synthetic(2000, 20, 16, 7);
    int[][] cosine = AnnBenchmark.withExactTruth(plain, Metric.COSINE).groundTruth();
    Dataset given = new Dataset(plain.name(), plain.base(), plain.queries(), cosine, "given");

    assertTrue(
        AnnBenchmark.checkGivenTruth(given, Metric.COSINE, 10)
            .contains("100 of 100 top-10 ids agree with the exact cosine top 10"));
    assertTrue(AnnBenchmark.checkGivenTruth(given, Metric.EUCLIDEAN, 10).contains("WARNING"));
    assertTrue(
        AnnBenchmark.withExactTruth(given, Metric.COSINE).truth().startsWith("given, checked"));
    int[][] outside = {{-1, 0, 1, 2, 3, 4, 5, 6, 7, 8}};
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AnnBenchmark.checkGivenTruth(
                new Dataset("x", plain.base(), new float[][] {plain.queries()[0]}, outside),
                Metric.COSINE,
                1));
    assertEquals(Metric.COSINE, Metric.parse("cosine"));
    assertThrows(IllegalArgumentException.class, () -> Metric.parse("dot"));
  }

  @Test
  void vecsFilesReadBackWhole(@TempDir Path dir) throws Exception {
    float[][] rows = Dataset.synthetic(3000, 1, 7, 3).base();
    Path fvecs = dir.resolve("base.fvecs");
    Path ivecs = dir.resolve("gt.ivecs");
    ByteBuffer f = ByteBuffer.allocate(rows.length * (4 + 7 * 4)).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer i = ByteBuffer.allocate(rows.length * (4 + 7 * 4)).order(ByteOrder.LITTLE_ENDIAN);
    for (int r = 0; r < rows.length; r++) {
      f.putInt(7);
      i.putInt(7);
      for (int d = 0; d < 7; d++) {
        f.putFloat(rows[r][d]);
        i.putInt(r * 7 + d);
      }
    }
    Files.write(fvecs, f.array());
    Files.write(ivecs, i.array());

    float[][] read = Dataset.fvecs(fvecs, Integer.MAX_VALUE);
    assertEquals(rows.length, read.length);
    for (int r = 0; r < rows.length; r++) {
      assertArrayEquals(rows[r], read[r]);
    }
    assertEquals(5, Dataset.fvecs(fvecs, 5).length);
    int[][] ids = Dataset.ivecs(ivecs, 2500);
    assertEquals(2500, ids.length);
    assertEquals(2499 * 7 + 6, ids[2499][6]);

    Files.write(fvecs, Arrays.copyOf(f.array(), f.array().length - 3));
    assertThrows(IOException.class, () -> Dataset.fvecs(fvecs, Integer.MAX_VALUE));
  }

  @Test
  void filteredTruthRanksByTheMetric() {
    Dataset data = scaled(Dataset.synthetic(1000, 12, 16, 3));
    int buckets = 3;
    int[][] truth =
        FilteredBenchmark.filteredTruth(data, buckets, io.vjvector.sdk.vector.Distance.COSINE);
    for (int q = 0; q < data.queries().length; q++) {
      float[] query = data.queries()[q];
      int b = q % buckets;
      Integer[] ids =
          java.util.stream.IntStream.range(0, data.base().length)
              .filter(i -> i % buckets == b)
              .boxed()
              .toArray(Integer[]::new);
      Arrays.sort(ids, java.util.Comparator.comparingDouble(i -> -cosine(query, data.base()[i])));
      int[] expected = Arrays.stream(ids).limit(AnnBenchmark.K).mapToInt(i -> i).toArray();
      assertArrayEquals(expected, truth[q], "query " + q);
    }
  }

  /** The base vectors scaled by random factors in [0.25, 4): no change to the cosine truth. */
  private static Dataset scaled(Dataset plain) {
    java.util.Random random = new java.util.Random(5);
    float[][] scaled = new float[plain.base().length][];
    for (int i = 0; i < scaled.length; i++) {
      float f = (float) Math.pow(2, random.nextDouble() * 4 - 2);
      scaled[i] = plain.base()[i].clone();
      for (int d = 0; d < scaled[i].length; d++) {
        scaled[i][d] *= f;
      }
    }
    return new Dataset("scaled", scaled, plain.queries(), null);
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * (double) b[i];
      na += a[i] * (double) a[i];
      nb += b[i] * (double) b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  private static float[][] normalised(float[][] vectors) {
    float[][] out = new float[vectors.length][];
    for (int i = 0; i < vectors.length; i++) {
      double norm = 0;
      for (float x : vectors[i]) {
        norm += x * x;
      }
      out[i] = new float[vectors[i].length];
      for (int d = 0; d < out[i].length; d++) {
        out[i][d] = (float) (vectors[i][d] / Math.sqrt(norm));
      }
    }
    return out;
  }

  private static AnnBenchmark.Settings settings(Map<String, String> extra) {
    Map<String, String> opts = new java.util.HashMap<>(SMALL_GRAPH);
    opts.putAll(extra);
    return AnnBenchmark.Settings.of(opts);
  }

  private static void checkAnnRows(List<String> rows, int engines) {
    assertEquals(3 + engines * 2, rows.size(), String.join("\n", rows));
    assertTrue(rows.get(1).contains("QPS 2 threads"), rows.get(1));
    for (String row : rows.subList(3, rows.size())) {
      String[] cells = row.split("\\|");
      assertEquals(14, cells.length, row); // leading empty cell + 13 columns
      double recall = Double.parseDouble(cells[3].trim());
      if (cells[2].trim().equals("64") && !cells[1].contains("binary")) {
        assertTrue(recall > 0.8, row);
      }
      for (int c = 4; c <= 12; c++) {
        assertNotEquals("n/a", cells[c].trim(), row);
        assertTrue(Double.parseDouble(cells[c].trim()) > 0, row);
      }
    }
    assertTrue(Arrays.stream(rows.get(0).split(" ")).anyMatch(w -> w.equals("average")));
  }
}
