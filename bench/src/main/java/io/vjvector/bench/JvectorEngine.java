package io.vjvector.bench;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.disk.OnDiskGraphIndex;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ForkJoinPool;

/**
 * jvector's hierarchical graph with full-precision vectors on the heap and exact scoring (no PQ, no
 * reranking step), built and searched with HNSW-equivalent parameters: at most 2*M neighbours on
 * the base layer and M above it, beam width ef_construction while building, and {@code rerankK =
 * max(k, ef)} as the search beam. jvector's own pruning knobs (alpha, neighbour overflow) keep
 * their documented defaults unless set. The similarity function is the one the harness chose for
 * the metric ({@link Metric#peerFunction}).
 */
final class JvectorEngine implements AnnEngine {
  private static final VectorTypeSupport VTS =
      VectorizationProvider.getInstance().getVectorTypeSupport();

  private final int m;
  private final int efConstruction;
  private final int buildThreads;
  private final float alpha;
  private final float neighborOverflow;
  private final VectorSimilarityFunction similarity;
  private RandomAccessVectorValues vectors;
  private GraphIndexBuilder builder;
  private ImmutableGraphIndex graph;
  private int dimension;
  // GraphSearcher keeps per-search state: one per query thread.
  private ThreadLocal<GraphSearcher> searchers;
  private final List<GraphSearcher> opened = new ArrayList<>();

  /**
   * @param similarity a {@link VectorSimilarityFunction} constant: EUCLIDEAN, DOT_PRODUCT (unit
   *     vectors only) or COSINE
   */
  JvectorEngine(
      int m,
      int efConstruction,
      int buildThreads,
      float alpha,
      float neighborOverflow,
      String similarity) {
    this.similarity = VectorSimilarityFunction.valueOf(similarity);
    this.m = m;
    this.efConstruction = efConstruction;
    this.buildThreads = buildThreads;
    this.alpha = alpha;
    this.neighborOverflow = neighborOverflow;
  }

  @Override
  public String name() {
    String provider = VectorizationProvider.getInstance().getClass().getSimpleName();
    String kernels =
        provider.startsWith("Panama")
            ? "panama"
            : provider.startsWith("Native") ? "native" : "scalar";
    return "jvector-" + version() + " (" + kernels + ")";
  }

  private static String version() {
    for (String artifact : List.of("jvector-base", "jvector")) {
      try (InputStream in =
          GraphIndexBuilder.class.getResourceAsStream(
              "/META-INF/maven/io.github.jbellis/" + artifact + "/pom.properties")) {
        if (in != null) {
          Properties p = new Properties();
          p.load(in);
          return p.getProperty("version", "?");
        }
      } catch (IOException e) {
        // fall through
      }
    }
    return "?";
  }

  @Override
  public void build(float[][] base) throws Exception {
    dimension = base[0].length;
    List<VectorFloat<?>> list = new ArrayList<>(base.length);
    for (float[] v : base) {
      list.add(VTS.createFloatVector(v)); // wraps the array, no copy
    }
    vectors = new ListRandomAccessVectorValues(list, dimension);
    BuildScoreProvider scores = BuildScoreProvider.randomAccessScoreProvider(vectors, similarity);
    ForkJoinPool pool = new ForkJoinPool(buildThreads);
    try {
      builder =
          GraphIndexBuilder.builder(scores, dimension, List.of(2 * m, m))
              .withBeamWidth(efConstruction)
              .withAlpha(alpha)
              .withNeighborOverflow(neighborOverflow)
              .withSimdExecutor(pool)
              .withParallelExecutor(pool)
              .build();
      graph = builder.build(vectors);
    } finally {
      pool.shutdown();
    }
    searchers =
        ThreadLocal.withInitial(
            () -> {
              GraphSearcher s = new GraphSearcher(graph);
              synchronized (opened) {
                opened.add(s);
              }
              return s;
            });
  }

  @Override
  public int[] search(float[] query, int k, int ef) throws Exception {
    DefaultSearchScoreProvider ssp =
        DefaultSearchScoreProvider.exact(VTS.createFloatVector(query), similarity, vectors);
    SearchResult result = searchers.get().search(ssp, k, Math.max(k, ef), 0f, 0f, Bits.ALL);
    SearchResult.NodeScore[] nodes = result.getNodes();
    int n = Math.min(k, nodes.length);
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = nodes[i].node;
    }
    return ids;
  }

  @Override
  public int buildThreads() {
    return buildThreads;
  }

  /** The float vectors (the harness's arrays, wrapped) plus the graph's own accounting. */
  @Override
  public double memoryBytesPerVector() {
    long vectorBytes = (long) vectors.size() * dimension * Float.BYTES;
    return (vectorBytes + graph.ramBytesUsed()) / (double) vectors.size();
  }

  /**
   * jvector's on-disk format (graph with inline full-precision vectors), written to a temp file.
   */
  @Override
  public double diskBytesPerVector() throws IOException {
    Path file = Files.createTempFile("jvector-bench-", ".graph");
    try {
      OnDiskGraphIndex.write(graph, vectors, file);
      return Files.size(file) / (double) vectors.size();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (opened) {
      for (GraphSearcher s : opened) {
        s.close();
      }
      opened.clear();
    }
    if (builder != null) {
      builder.close();
    }
  }
}
