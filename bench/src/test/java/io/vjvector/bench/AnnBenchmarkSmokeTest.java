package io.vjvector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    Dataset data = AnnBenchmark.withExactTruth(Dataset.synthetic(2000, 100, 16, 7));
    AnnBenchmark.Report report =
        AnnBenchmark.run(data, settings(Map.of("engines", "lucene,jvector")), row -> {});

    checkAnnRows(report.ann(), 2);
    assertTrue(report.vjvector().isEmpty());
    assertTrue(report.filtered().isEmpty());
  }

  @Test
  void vjvectorRunsEveryQuantizationAndRestartsFromItsCheckpoint() throws Exception {
    Dataset data = AnnBenchmark.withExactTruth(Dataset.synthetic(10_500, 100, 16, 7));
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
