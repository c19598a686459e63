package io.vjvector.bench.dataset;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds a text-embedding dataset with all-MiniLM-L6-v2 (langchain4j, in process, ONNX runtime):
 * distinct texts from packaged files, a seeded selection of queries and base texts, their 384-d
 * unit vectors as .fvecs, exact top-k ground truth as .ivecs, and a README with counts and sha256.
 *
 * <p>Every step is skipped when its output is complete; an interrupted embedding resumes from the
 * last whole record. {@code verify DIR} checks a finished output.
 */
public final class MiniLmDataset {

  static final int DIM = 384;

  private final Path out;
  private final Path work;
  private final int baseCount;
  private final int queryCount;
  private final int k;
  private final long seed;
  private final int batch;
  private final int threads;
  private final Properties timings = new Properties();

  private MiniLmDataset(Map<String, String> opts) {
    out = Path.of(require(opts, "out")).toAbsolutePath();
    work = out.resolve("work");
    baseCount = Integer.parseInt(opts.getOrDefault("base", "500000"));
    queryCount = Integer.parseInt(opts.getOrDefault("queries", "10000"));
    k = Integer.parseInt(opts.getOrDefault("k", "100"));
    seed = Long.parseLong(opts.getOrDefault("seed", "42"));
    batch = Integer.parseInt(opts.getOrDefault("batch", "256"));
    threads =
        Integer.parseInt(
            opts.getOrDefault("threads", "" + Runtime.getRuntime().availableProcessors()));
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("verify")) {
      Verify.run(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3);
      return;
    }
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "usage: --out DIR [--base 500000] [--queries 10000] [--k 100] [--seed 42]"
                + " [--batch 256] [--threads N] | verify DIR [shown]");
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    new MiniLmDataset(opts).run();
  }

  private static String require(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  private void run() throws Exception {
    Files.createDirectories(work);
    Path timingsFile = work.resolve("timings.properties");
    if (Files.exists(timingsFile)) {
      try (InputStream in = Files.newInputStream(timingsFile)) {
        timings.load(in);
      }
    }
    List<TextSources.Text> candidates = candidates();
    if (candidates.size() < baseCount + queryCount) {
      throw new IllegalStateException(
          "only "
              + candidates.size()
              + " distinct texts, need "
              + (baseCount + queryCount)
              + ": add text packages to make-minilm.sh");
    }
    List<TextSources.Text> shuffled = new ArrayList<>(candidates);
    Collections.shuffle(shuffled, new Random(seed));
    List<TextSources.Text> queries = shuffled.subList(0, queryCount);
    List<TextSources.Text> base = shuffled.subList(queryCount, queryCount + baseCount);
    writeTexts(base, queries);

    boolean changed;
    try (ClosingPool pool = new ClosingPool(threads)) {
      Embedder embedder = new Embedder(pool.executor());
      changed = embed(embedder, "queries", queries, out.resolve("queries.fvecs"));
      changed |= embed(embedder, "base", base, out.resolve("base.fvecs"));
    }
    Path gt = out.resolve("groundtruth.ivecs");
    if (changed) {
      Files.deleteIfExists(gt);
    }
    if (!Files.exists(gt)) {
      groundTruth(gt);
    }
    saveTimings();
    Manifest.write(out, candidates.size(), baseCount, queryCount, k, seed, batch, threads, timings);
    System.out.println("done: " + out);
  }

  /** Distinct texts of the files listed in work/files.txt; cached as work/candidates.tsv. */
  private List<TextSources.Text> candidates() throws IOException {
    Path files = work.resolve("files.txt");
    Path cache = work.resolve("candidates.tsv");
    Path keyFile = work.resolve("candidates.key");
    String key =
        sha256(
            (Files.readString(files) + "\nextractor " + TextSources.VERSION)
                .getBytes(StandardCharsets.UTF_8));
    if (Files.exists(cache)
        && Files.exists(keyFile)
        && Files.readString(keyFile).strip().equals(key)) {
      List<TextSources.Text> texts = new ArrayList<>();
      for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        texts.add(new TextSources.Text(line.substring(tab + 1), line.substring(0, tab)));
      }
      System.out.printf("collect: %d distinct texts (cached %s)%n", texts.size(), cache);
      return texts;
    }
    List<Path> paths = new ArrayList<>();
    for (String line : Files.readAllLines(files)) {
      if (!line.isBlank()) {
        paths.add(Path.of(line.strip()));
      }
    }
    Collections.sort(paths);
    long start = System.nanoTime();
    Map<String, Integer> perSource = new TreeMap<>();
    List<TextSources.Text> texts = TextSources.collect(paths, perSource);
    Path tmp = work.resolve("candidates.tsv.tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (TextSources.Text t : texts) {
        w.write(t.source());
        w.write('\t');
        w.write(t.text());
        w.write('\n');
      }
    }
    Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(keyFile, key + "\n");
    timings.setProperty(
        "collect.seconds", String.format("%.0f", (System.nanoTime() - start) / 1e9));
    timings.setProperty("collect.sources", perSource.toString());
    timings.setProperty("candidates.sha256", sha256(Files.readAllBytes(cache)));
    saveTimings();
    return texts;
  }

  private void writeTexts(List<TextSources.Text> base, List<TextSources.Text> queries)
      throws IOException {
    Path tmp = out.resolve("texts.txt.tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write("# split\tid\tsource\ttext (id = record number in base.fvecs / queries.fvecs)\n");
      for (int i = 0; i < base.size(); i++) {
        w.write("base\t" + i + "\t" + base.get(i).source() + "\t" + base.get(i).text() + "\n");
      }
      for (int i = 0; i < queries.size(); i++) {
        w.write(
            "query\t" + i + "\t" + queries.get(i).source() + "\t" + queries.get(i).text() + "\n");
      }
    }
    Files.move(
        tmp,
        out.resolve("texts.txt"),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** Embeds {@code texts} into {@code target}; false when it was already complete. */
  private boolean embed(Embedder embedder, String label, List<TextSources.Text> texts, Path target)
      throws IOException {
    long record = Vecs.recordBytes(DIM);
    Path part = target.resolveSibling(target.getFileName() + ".part");
    Path keyFile = work.resolve(target.getFileName() + ".key");
    MessageDigest md = digest();
    for (TextSources.Text t : texts) {
      md.update(t.text().getBytes(StandardCharsets.UTF_8));
      md.update((byte) '\n');
    }
    String key = HexFormat.of().formatHex(md.digest());
    boolean sameTexts = Files.exists(keyFile) && Files.readString(keyFile).strip().equals(key);
    if (sameTexts && Files.exists(target) && Files.size(target) == texts.size() * record) {
      System.out.printf("%s: %s complete, %d vectors%n", label, target, texts.size());
      return false;
    }
    Files.deleteIfExists(target);
    if (!sameTexts) {
      Files.deleteIfExists(part);
      Files.writeString(keyFile, key + "\n");
    }
    int done = Files.exists(part) ? (int) Math.min(texts.size(), Files.size(part) / record) : 0;
    if (done > 0) {
      System.out.printf("%s: resuming after %d vectors%n", label, done);
    }
    long start = System.nanoTime();
    long lastReport = start;
    int fresh = 0;
    try (FileChannel ch =
        FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ch.truncate(done * record);
      ch.position(done * record);
      for (int from = done; from < texts.size(); from += batch) {
        int to = Math.min(texts.size(), from + batch);
        List<float[]> vectors = embedder.embed(texts.subList(from, to));
        for (float[] v : vectors) {
          var buf = Vecs.fvecsRecord(v);
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
        }
        fresh += to - from;
        long now = System.nanoTime();
        if (now - lastReport > 30_000_000_000L || to == texts.size()) {
          lastReport = now;
          double s = (now - start) / 1e9;
          double rate = fresh / s;
          System.out.printf(
              "%s: %d/%d (%.1f%%) %.1f texts/s, %.0f s, ETA %.0f min%n",
              label,
              to,
              texts.size(),
              100.0 * to / texts.size(),
              rate,
              s,
              (texts.size() - to) / rate / 60);
        }
      }
      ch.force(true);
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    double s = (System.nanoTime() - start) / 1e9;
    if (fresh > 0) {
      timings.setProperty(label + ".embed.seconds", String.format("%.0f", s));
      timings.setProperty(label + ".embed.texts", Integer.toString(fresh));
      timings.setProperty(label + ".embed.rate", String.format("%.1f", fresh / s));
      saveTimings();
    }
    return true;
  }

  private void groundTruth(Path gt) throws IOException, InterruptedException {
    float[][] base = Vecs.readFvecs(out.resolve("base.fvecs"));
    float[][] queries = Vecs.readFvecs(out.resolve("queries.fvecs"));
    System.out.printf(
        "groundtruth: exact top-%d of %d queries over %d base vectors, %d threads%n",
        k, queries.length, base.length, threads);
    long start = System.nanoTime();
    int[][] truth = GroundTruth.topK(base, queries, k, threads);
    Path tmp = gt.resolveSibling(gt.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int[] row : truth) {
        var buf = Vecs.ivecsRecord(row);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
      ch.force(true);
    }
    Files.move(tmp, gt, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    double s = (System.nanoTime() - start) / 1e9;
    System.out.printf("groundtruth: %.0f s%n", s);
    timings.setProperty("groundtruth.seconds", String.format("%.0f", s));
  }

  private void saveTimings() throws IOException {
    timings.setProperty("updated", Instant.now().toString());
    Path tmp = work.resolve("timings.properties.tmp");
    try (var w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      timings.store(w, "make-minilm.sh step timings (seconds of the run that did the step)");
    }
    Files.move(
        tmp,
        work.resolve("timings.properties"),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  static String sha256(Path file) {
    MessageDigest md = digest();
    byte[] buf = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** A fixed thread pool that try-with-resources shuts down (Java 17 has no close()). */
  private record ClosingPool(ExecutorService executor) implements AutoCloseable {
    ClosingPool(int threads) {
      this(
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "embed");
                t.setDaemon(true);
                return t;
              }));
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }

  /**
   * langchain4j's all-MiniLM-L6-v2 (the model and tokenizer of its jar, its {@link
   * OnnxBertBiEncoder}, mean pooling), as {@link AllMiniLmL6V2EmbeddingModel} loads it, except for
   * the ONNX session options: one intra-op thread per run and no spin-waiting, so that the pool
   * runs one text per core without oversubscription. That takes ~35% less CPU per text than the
   * default session (which also spreads every run over all cores) and gives the same vectors.
   */
  private static final class Embedder extends AbstractInProcessEmbeddingModel {
    private static final String MODEL = "all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
    private final OnnxBertBiEncoder encoder;

    Embedder(ExecutorService pool) throws IOException, OrtException {
      super(pool);
      ClassLoader loader = AllMiniLmL6V2EmbeddingModel.class.getClassLoader();
      byte[] model;
      try (InputStream in = loader.getResourceAsStream(MODEL)) {
        model = in.readAllBytes();
      }
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.addConfigEntry("session.inter_op.allow_spinning", "0");
      try (InputStream tokenizer = loader.getResourceAsStream(TOKENIZER)) {
        encoder =
            new OnnxBertBiEncoder(
                env, env.createSession(model, options), tokenizer, PoolingMode.MEAN);
      }
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIM;
    }

    List<float[]> embed(List<TextSources.Text> texts) {
      List<TextSegment> segments = new ArrayList<>(texts.size());
      for (TextSources.Text t : texts) {
        segments.add(TextSegment.from(t.text()));
      }
      List<Embedding> embeddings = embedAll(segments).content();
      if (embeddings.size() != texts.size()) {
        throw new IllegalStateException(embeddings.size() + " embeddings for " + texts.size());
      }
      List<float[]> out = new ArrayList<>(texts.size());
      for (int i = 0; i < embeddings.size(); i++) {
        float[] v = embeddings.get(i).vector();
        double norm = 0;
        for (float x : v) {
          norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        if (v.length != DIM || !(norm > 0) || Double.isInfinite(norm)) {
          throw new IllegalStateException(
              "bad embedding (dim " + v.length + ", norm " + norm + ") for: " + texts.get(i));
        }
        float[] unit = new float[DIM];
        for (int d = 0; d < DIM; d++) {
          unit[d] = (float) (v[d] / norm);
        }
        out.add(unit);
      }
      return out;
    }
  }
}
