package io.vjvector.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end load on a running node's REST API, from a separate JVM, over HTTP/1.1 keep-alive with
 * {@link HttpClient}: {@code ingest} creates a collection and upserts vectors in batches from
 * concurrent clients; {@code search} runs top-k searches from concurrent clients for a fixed time
 * (and at most a fixed number of requests); {@code recall} compares those searches with the node's
 * exact scan; {@code await} polls the collection until its background indexer has caught up (status
 * {@code green}) and reports how fast it linked the points; {@code profile} summarises a JFR
 * recording of the node. Warm-up requests are left out of every statistic. Talks only to 127.0.0.1
 * or [::1]. See bench/README.md and bench/rest-load.sh.
 */
public final class RestLoad {
  static final String USAGE =
      String.join(
          "\n",
          "usage: RestLoad ingest|search|recall|await [options]   RestLoad profile --jfr x.jfr"
              + " [--top 25]",
          "  --url http://127.0.0.1:8181/api/v1   only 127.0.0.1 or [::1]",
          "  --api-key-file data/vjvector-security/admin.key   (else $VJV_API_KEY)",
          "  --collection bench  --clients 4  --timeout-seconds 120",
          "  --seed 42 --latent-dim 0   random vectors: uniform, or D-dimensional structure",
          "                             (give the same values to ingest and search)",
          "  --server-pid PID    also report the node's CPU time",
          "  --vector-encoding json|base64   vectors as number arrays (default) or as base64 of",
          "                      little-endian float32 (ingest and search)",
          "  --tsv results.tsv   append 'phase<TAB>metric<TAB>value' rows (--phase: the label)",
          " ingest: --count 100000 --dim 384 --distance cosine|dot|euclidean --batch 256",
          "         --base base.fvecs (ids are the row indexes; else seeded random vectors)",
          "         --recreate (delete the collection first)  --hnsw-m M --ef-construct EF",
          "         --quantization none|int8|binary (the collection's; default: the node's)",
          "         --warmup-batches 2*clients  --max-seconds 1800",
          " search: --duration 30 --max-requests 1000000 --warmup 5 --warmup-requests 10000",
          "         --k 10 --ef EF --queries queries.fvecs --query-count 10000",
          "         --gt groundtruth.ivecs (recall@10; needs --queries, and --base at ingest)",
          "         --exact-recall N (recall@k against the node's exact search, first N queries)",
          " recall: only that comparison (--exact-recall 200), with the search options",
          " await:  poll GET /collections/NAME until status is green (--max-seconds 1800,"
              + " --poll-ms 200)",
          "         --since-ms T (epoch ms of the last ingest ack: also the wait since then)");

  private static final Pattern COLLECTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern HIT_ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern DIMENSION = Pattern.compile("\"dimension\":(\\d+)");
  private static final Pattern POINTS_COUNT = Pattern.compile("\"points_count\":(\\d+)");
  private static final Pattern INDEXED_COUNT = Pattern.compile("\"indexed_points_count\":(\\d+)");
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z_]+)\"");
  private static final int MAX_LATENCIES = 20_000_000;

  private RestLoad() {}

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("rest-load: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    int rc;
    try {
      rc =
          switch (o.mode) {
            case "ingest" -> ingest(o);
            case "search", "recall" -> search(o);
            case "await" -> await(o);
            default -> RestLoadProfile.print(o.jfr, o.top);
          };
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("rest-load " + o.mode + ": " + e);
      rc = 1;
    }
    System.exit(rc);
  }

  // ---------------------------------------------------------------------------------- options

  /** Parsed command line; every number is range-checked so every loop has a known bound. */
  static final class Options {
    String mode;
    URI url = loopback("http://127.0.0.1:8181/api/v1");
    Path apiKeyFile;
    String collection = "bench";

    /** The API key: from --api-key-file, else the environment variable VJV_API_KEY, else none. */
    String token() {
      try {
        if (apiKeyFile != null) {
          return Files.readString(apiKeyFile).strip();
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read --api-key-file " + apiKeyFile, e);
      }
      String env = System.getenv("VJV_API_KEY");
      return env == null || env.isBlank() ? null : env.strip();
    }

    int clients = 4;
    int timeoutSeconds = 120;
    long seed = 42;
    long serverPid;
    Path tsv;
    int latentDim;
    String phase;
    // ingest
    int count = 100_000;
    Integer dim;
    String distance = "cosine";
    int batch = 256;
    Path base;
    boolean recreate;
    Integer hnswM;
    Integer efConstruct;
    String quantization;
    boolean base64;
    int warmupBatches = -1;
    int maxSeconds = 1800;
    // search
    int duration = 30;
    long maxRequests = 1_000_000;
    int warmup = 5;
    long warmupRequests = 10_000;
    int k = 10;
    Integer ef;
    Path queries;
    int queryCount = 10_000;
    Path gt;
    int exactRecall;
    // await
    long sinceMs;
    int pollMs = 200;
    // profile
    Path jfr;
    int top = 25;

    static Options parse(String... args) {
      if (args.length == 0) {
        throw new IllegalArgumentException("a mode is required");
      }
      Options o = new Options();
      o.mode = args[0];
      if (!Set.of("ingest", "search", "recall", "await", "profile").contains(o.mode)) {
        throw new IllegalArgumentException("unknown mode '" + o.mode + "'");
      }
      Set<String> seen = new HashSet<>();
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        if (!a.startsWith("--") || !seen.add(a)) {
          throw new IllegalArgumentException("unexpected or repeated argument '" + a + "'");
        }
        if (a.equals("--recreate")) {
          o.recreate = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        String v = args[++i];
        switch (a) {
          case "--url" -> o.url = loopback(v);
          case "--api-key-file" -> o.apiKeyFile = Path.of(v);
          case "--collection" -> o.collection = v;
          case "--clients" -> o.clients = intIn(a, v, 1, 256);
          case "--timeout-seconds" -> o.timeoutSeconds = intIn(a, v, 1, 600);
          case "--seed" -> o.seed = longIn(a, v, Long.MIN_VALUE, Long.MAX_VALUE);
          case "--latent-dim" -> o.latentDim = intIn(a, v, 0, 1024);
          case "--server-pid" -> o.serverPid = longIn(a, v, 1, Long.MAX_VALUE);
          case "--tsv" -> o.tsv = Path.of(v);
          case "--phase" -> o.phase = v;
          case "--since-ms" -> o.sinceMs = longIn(a, v, 0, Long.MAX_VALUE);
          case "--poll-ms" -> o.pollMs = intIn(a, v, 10, 10_000);
          case "--count" -> o.count = intIn(a, v, 1, 100_000_000);
          case "--dim" -> o.dim = intIn(a, v, 1, 65_536);
          case "--distance" -> o.distance = v;
          case "--batch" -> o.batch = intIn(a, v, 1, 10_000);
          case "--base" -> o.base = Path.of(v);
          case "--hnsw-m" -> o.hnswM = intIn(a, v, 4, 128);
          case "--ef-construct" -> o.efConstruct = intIn(a, v, 8, 4096);
          case "--quantization" -> o.quantization = v;
          case "--vector-encoding" -> {
            if (!v.equals("json") && !v.equals("base64")) {
              throw new IllegalArgumentException("--vector-encoding must be json or base64");
            }
            o.base64 = v.equals("base64");
          }
          case "--warmup-batches" -> o.warmupBatches = intIn(a, v, 0, 1_000_000);
          case "--max-seconds" -> o.maxSeconds = intIn(a, v, 1, 86_400);
          case "--duration" -> o.duration = intIn(a, v, 1, 3600);
          case "--max-requests" -> o.maxRequests = longIn(a, v, 1, MAX_LATENCIES);
          case "--warmup" -> o.warmup = intIn(a, v, 0, 600);
          case "--warmup-requests" -> o.warmupRequests = longIn(a, v, 0, MAX_LATENCIES);
          case "--k" -> o.k = intIn(a, v, 1, 10_000);
          case "--ef" -> o.ef = intIn(a, v, 1, 4096);
          case "--queries" -> o.queries = Path.of(v);
          case "--query-count" -> o.queryCount = intIn(a, v, 1, 1_000_000);
          case "--gt" -> o.gt = Path.of(v);
          case "--exact-recall" -> o.exactRecall = intIn(a, v, 0, 100_000);
          case "--jfr" -> o.jfr = Path.of(v);
          case "--top" -> o.top = intIn(a, v, 1, 1000);
          default -> throw new IllegalArgumentException("unknown option '" + a + "'");
        }
      }
      if (o.phase != null && !COLLECTION_NAME.matcher(o.phase).matches()) {
        throw new IllegalArgumentException("--phase must match " + COLLECTION_NAME);
      }
      if (!COLLECTION_NAME.matcher(o.collection).matches()) {
        throw new IllegalArgumentException("--collection must match " + COLLECTION_NAME);
      }
      if (o.quantization != null && !Set.of("none", "int8", "binary").contains(o.quantization)) {
        throw new IllegalArgumentException("--quantization must be none, int8 or binary");
      }
      if (!Set.of("cosine", "dot", "euclidean").contains(o.distance)) {
        throw new IllegalArgumentException("--distance must be cosine, dot or euclidean");
      }
      if (o.gt != null && o.queries == null) {
        throw new IllegalArgumentException(
            "--gt needs --queries (the queries it was computed for)");
      }
      if (o.mode.equals("recall") && o.exactRecall == 0) {
        o.exactRecall = 200;
      }
      if (o.mode.equals("profile") && o.jfr == null) {
        throw new IllegalArgumentException("profile needs --jfr");
      }
      return o;
    }

    private static int intIn(String name, String v, int min, int max) {
      return (int) longIn(name, v, min, max);
    }

    private static long longIn(String name, String v, long min, long max) {
      long n;
      try {
        n = Long.parseLong(v.replace("_", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " needs a number, not '" + v + "'");
      }
      if (n < min || n > max) {
        throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]");
      }
      return n;
    }
  }

  /** The URL if it is plain http to a loopback literal (127.0.0.1 or [::1]); refuses the rest. */
  static URI loopback(String url) {
    URI u;
    try {
      u = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("bad --url: " + e.getMessage());
    }
    String host = u.getHost();
    if (!"http".equals(u.getScheme())
        || u.getRawUserInfo() != null
        || u.getRawQuery() != null
        || u.getRawFragment() != null) {
      throw new IllegalArgumentException("--url must be http://127.0.0.1:port/path or [::1]");
    }
    if (!"127.0.0.1".equals(host) && !"[::1]".equals(host)) {
      throw new IllegalArgumentException(
          "refusing host '" + host + "': this driver only talks to 127.0.0.1 or [::1]");
    }
    return u;
  }

  // ------------------------------------------------------------------------------------- HTTP

  /** One HTTP/1.1 client (its own keep-alive connection pool) bound to the loopback base URL. */
  static final class Http {
    private final HttpClient client;
    private final String base;
    private final Duration timeout;
    private final String authorization;

    Http(URI base, int timeoutSeconds, String token) {
      this.base = base.toString();
      this.authorization = token == null ? null : "Bearer " + token;
      this.timeout = Duration.ofSeconds(timeoutSeconds);
      this.client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .followRedirects(HttpClient.Redirect.NEVER)
              .proxy(HttpClient.Builder.NO_PROXY)
              // Completes responses on the selector thread instead of handing each one to a pool
              // thread: about 30% less client CPU per request, which matters when the driver
              // shares the machine's cores with the node.
              .executor(Runnable::run)
              .build();
    }

    /** Sends one request; the path is appended to the loopback base, never a different host. */
    HttpResponse<String> send(String method, String path, byte[] body)
        throws IOException, InterruptedException {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(timeout)
              .header("Accept", "application/json");
      if (authorization != null) {
        b.header("Authorization", authorization);
      }
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
      }
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  // ---------------------------------------------------------------------------------- vectors

  /** The vectors sent: rows of an .fvecs file, or seeded random rows generated on demand. */
  interface Vectors {
    int size();

    int dim();

    /** Appends row {@code i} as a JSON array. */
    void appendJson(StringBuilder sb, int i);

    /** Row {@code i}'s values (exactly the numbers {@link #appendJson} prints). */
    float[] row(int i);

    /** Appends row {@code i} as JSON: an array, or a base64 string of little-endian float32. */
    default void append(StringBuilder sb, int i, boolean base64) {
      if (!base64) {
        appendJson(sb, i);
        return;
      }
      float[] r = row(i);
      java.nio.ByteBuffer b =
          java.nio.ByteBuffer.allocate(r.length * Float.BYTES)
              .order(java.nio.ByteOrder.LITTLE_ENDIAN);
      b.asFloatBuffer().put(r);
      sb.append('"').append(java.util.Base64.getEncoder().encodeToString(b.array())).append('"');
    }

    String describe();
  }

  static Vectors fileVectors(Path file, int max) throws IOException {
    float[][] rows = Dataset.fvecs(file, max);
    if (rows.length == 0) {
      throw new IOException(file + " holds no vectors");
    }
    for (float[] r : rows) {
      if (r.length != rows[0].length) {
        throw new IOException(file + " mixes dimensions");
      }
      for (float f : r) {
        if (!Float.isFinite(f)) {
          throw new IOException(file + " holds a non-finite value");
        }
      }
    }
    return new Vectors() {
      @Override
      public int size() {
        return rows.length;
      }

      @Override
      public int dim() {
        return rows[0].length;
      }

      @Override
      public void appendJson(StringBuilder sb, int i) {
        sb.append('[');
        float[] r = rows[i];
        for (int d = 0; d < r.length; d++) {
          if (d > 0) {
            sb.append(',');
          }
          sb.append(r[d]);
        }
        sb.append(']');
      }

      @Override
      public float[] row(int i) {
        return rows[i];
      }

      @Override
      public String describe() {
        return file.getFileName() + " (" + rows.length + " x " + rows[0].length + ")";
      }
    };
  }

  /**
   * Seeded random rows, a pure function of (seeds, row), with four decimals so they print cheaply
   * and exactly ("-0.1234") and the client spends its CPU on HTTP rather than on float formatting.
   * With {@code latent == 0} every value is uniform in [-1, 1]: full-rank noise, the hardest case
   * for a graph index. Otherwise each row is a fixed random linear map (from {@code matrixSeed}) of
   * a {@code latent}-dimensional Gaussian, plus a little noise: few intrinsic dimensions, as text
   * embeddings have, with base rows and queries (other {@code rowSeed}) from the same distribution.
   */
  static Vectors randomVectors(long matrixSeed, long rowSeed, int size, int dim, int latent) {
    float[][] map = new float[latent == 0 ? 0 : dim][latent];
    SplittableRandom m = new SplittableRandom(matrixSeed);
    for (float[] row : map) {
      for (int j = 0; j < latent; j++) {
        row[j] = (float) ((m.nextDouble() * 2 - 1) * 0.5 / Math.sqrt(latent));
      }
    }
    return new Vectors() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public int dim() {
        return dim;
      }

      @Override
      public void appendJson(StringBuilder sb, int i) {
        int[] fixed = fixed4(i);
        sb.append('[');
        for (int d = 0; d < dim; d++) {
          if (d > 0) {
            sb.append(',');
          }
          appendFixed4(sb, fixed[d]);
        }
        sb.append(']');
      }

      @Override
      public float[] row(int i) {
        int[] fixed = fixed4(i);
        float[] v = new float[dim];
        for (int d = 0; d < dim; d++) {
          // exact operands and a correctly rounded division: the float the text parses to
          v[d] = fixed[d] / 10_000f;
        }
        return v;
      }

      /** Row i as integers n, the value being n / 10000. */
      private int[] fixed4(int i) {
        SplittableRandom r = new SplittableRandom(rowSeed * 0x9E3779B97F4A7C15L + i);
        double[] z = new double[latent];
        for (int j = 0; j < latent; j++) {
          z[j] = r.nextGaussian();
        }
        int[] out = new int[dim];
        for (int d = 0; d < dim; d++) {
          if (latent == 0) {
            out[d] = r.nextInt(-10_000, 10_001);
            continue;
          }
          double x = 0.02 * r.nextGaussian();
          for (int j = 0; j < latent; j++) {
            x += map[d][j] * z[j];
          }
          out[d] = (int) Math.max(-10_000, Math.min(10_000, Math.round(x * 10_000)));
        }
        return out;
      }

      @Override
      public String describe() {
        return String.format(
            Locale.ROOT,
            "random %s (seed %d, %d x %d)",
            latent == 0 ? "uniform" : latent + "-d latent",
            rowSeed,
            size,
            dim);
      }
    };
  }

  /** Appends {@code n / 10000} as a decimal with four fraction digits. */
  static void appendFixed4(StringBuilder sb, int n) {
    if (n < 0) {
      sb.append('-');
      n = -n;
    }
    sb.append(n / 10_000).append('.');
    int frac = n % 10_000;
    sb.append((char) ('0' + frac / 1000))
        .append((char) ('0' + frac / 100 % 10))
        .append((char) ('0' + frac / 10 % 10))
        .append((char) ('0' + frac % 10));
  }

  static byte[] upsertBody(Vectors v, int from, int to, StringBuilder sb, boolean base64) {
    sb.setLength(0);
    sb.append("{\"points\":[");
    for (int i = from; i < to; i++) {
      if (i > from) {
        sb.append(',');
      }
      sb.append("{\"id\":").append(i).append(",\"vector\":");
      v.append(sb, i, base64);
      sb.append('}');
    }
    sb.append("]}");
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] searchBody(Vectors v, int i, int k, Integer ef, boolean exact, boolean base64) {
    StringBuilder sb = new StringBuilder(v.dim() * 8 + 100);
    sb.append("{\"vector\":");
    v.append(sb, i, base64);
    sb.append(",\"limit\":").append(k).append(",\"with_payload\":false");
    if (exact) {
      sb.append(",\"params\":{\"exact\":true}");
    } else if (ef != null) {
      sb.append(",\"params\":{\"hnsw_ef\":").append(ef).append('}');
    }
    return sb.append('}').toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** The integer ids of a search response, closest first. */
  static long[] hitIds(String body) {
    List<Long> ids = new ArrayList<>();
    Matcher m = HIT_ID.matcher(body);
    while (m.find()) {
      ids.add(Long.parseUnsignedLong(m.group(1)));
    }
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  /** |first n returned ∩ first n expected| / n. */
  static double recall(long[] got, int[] truth, int n) {
    Set<Long> expected = new HashSet<>();
    for (int i = 0; i < n && i < truth.length; i++) {
      expected.add((long) truth[i]);
    }
    int hits = 0;
    for (int i = 0; i < n && i < got.length; i++) {
      if (expected.contains(got[i])) {
        hits++;
      }
    }
    return (double) hits / n;
  }

  // -------------------------------------------------------------------------------- recording

  /** One worker's results: latencies of successful requests, errors by status, recall sums. */
  static final class Recorder {
    long[] nanos = new long[1024];
    int n;
    long items;
    final Map<String, Long> errors = new TreeMap<>();
    final Map<String, String> firstError = new TreeMap<>();
    double recallSum;
    long recallCount;

    void ok(long latencyNanos, int itemCount) {
      if (n == nanos.length) {
        nanos = Arrays.copyOf(nanos, Math.min(MAX_LATENCIES, n * 2));
      }
      if (n < nanos.length) {
        nanos[n++] = latencyNanos;
      }
      items += itemCount;
    }

    void error(String key, String detail) {
      errors.merge(key, 1L, Long::sum);
      firstError.putIfAbsent(key, detail.length() > 300 ? detail.substring(0, 300) : detail);
    }

    long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    static Recorder merge(List<Recorder> parts) {
      Recorder all = new Recorder();
      int total = parts.stream().mapToInt(p -> p.n).sum();
      all.nanos = new long[Math.max(1, total)];
      for (Recorder p : parts) {
        System.arraycopy(p.nanos, 0, all.nanos, all.n, p.n);
        all.n += p.n;
        all.items += p.items;
        p.errors.forEach((k, v) -> all.errors.merge(k, v, Long::sum));
        p.firstError.forEach(all.firstError::putIfAbsent);
        all.recallSum += p.recallSum;
        all.recallCount += p.recallCount;
      }
      Arrays.sort(all.nanos, 0, all.n);
      return all;
    }

    /** Nearest-rank percentile in milliseconds of the sorted latencies (after merge). */
    double percentileMs(double p) {
      if (n == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p / 100.0 * n);
      return nanos[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
    }

    String errorsText() {
      if (errors.isEmpty()) {
        return "none";
      }
      StringBuilder sb = new StringBuilder();
      errors.forEach(
          (k, v) ->
              sb.append(sb.length() == 0 ? "" : ", ")
                  .append(k)
                  .append(" x")
                  .append(v)
                  .append(" (first: ")
                  .append(firstError.get(k).replace('\n', ' '))
                  .append(')'));
      return sb.toString();
    }
  }

  /** Runs {@code clients} workers to completion, each bounded by its own loop and deadline. */
  static List<Recorder> runWorkers(
      String phase,
      int clients,
      long deadlineNanos,
      IntFunction<Runnable> worker,
      List<Recorder> out)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread t = new Thread(worker.apply(c), "rest-load-" + phase + "-" + c);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      long leftMs = (deadlineNanos - System.nanoTime()) / 1_000_000;
      t.join(Math.max(1, leftMs));
      if (t.isAlive()) {
        t.interrupt();
        t.join(5_000);
        if (t.isAlive()) {
          System.err.println("rest-load: worker " + t.getName() + " is stuck; abandoning it");
        }
      }
    }
    return out;
  }

  private static void record(Recorder r, HttpResponse<String> resp) {
    r.error(String.valueOf(resp.statusCode()), resp.body() == null ? "" : resp.body());
  }

  private static String exceptionKey(Exception e) {
    return e.getClass().getSimpleName();
  }

  // ----------------------------------------------------------------------------------- ingest

  static int ingest(Options o) throws Exception {
    Vectors v;
    if (o.base != null) {
      v = fileVectors(o.base, o.count);
      if (o.dim != null && o.dim != v.dim()) {
        throw new IllegalArgumentException("--dim " + o.dim + " but " + o.base + " is " + v.dim());
      }
    } else {
      v = randomVectors(o.seed, o.seed, o.count, o.dim == null ? 384 : o.dim, o.latentDim);
    }
    int count = v.size();
    int dim = v.dim();
    Http admin = new Http(o.url, o.timeoutSeconds, o.token());
    String path = "/collections/" + o.collection;
    if (o.recreate) {
      HttpResponse<String> d = admin.send("DELETE", path, null);
      if (d.statusCode() != 204 && d.statusCode() != 404) {
        throw new IOException("DELETE " + path + ": " + d.statusCode() + " " + d.body());
      }
    }
    StringBuilder create =
        new StringBuilder("{\"name\":\"")
            .append(o.collection)
            .append("\",\"dimension\":")
            .append(dim)
            .append(",\"distance\":\"")
            .append(o.distance)
            .append('"');
    if (o.hnswM != null || o.efConstruct != null) {
      create.append(",\"hnsw_config\":{");
      if (o.hnswM != null) {
        create.append("\"m\":").append(o.hnswM);
      }
      if (o.efConstruct != null) {
        create.append(o.hnswM != null ? "," : "").append("\"ef_construct\":").append(o.efConstruct);
      }
      create.append('}');
    }
    if (o.quantization != null) {
      create.append(",\"quantization\":\"").append(o.quantization).append('"');
    }
    create.append('}');
    HttpResponse<String> c =
        admin.send("POST", "/collections", create.toString().getBytes(StandardCharsets.US_ASCII));
    if (c.statusCode() != 201) {
      throw new IOException("creating " + o.collection + ": " + c.statusCode() + " " + c.body());
    }

    int batches = (count + o.batch - 1) / o.batch;
    int warmupBatches =
        o.warmupBatches >= 0
            ? Math.min(o.warmupBatches, batches - 1)
            : Math.min(2 * o.clients, batches / 10);
    System.out.printf(
        Locale.ROOT,
        "ingest: %s into '%s' (%s%s), batches of %d, %d clients, %s%n",
        v.describe(),
        o.collection,
        o.distance,
        o.quantization == null ? "" : ", quantization " + o.quantization,
        o.batch,
        o.clients,
        o.url);
    List<Http> https = new ArrayList<>();
    for (int i = 0; i < o.clients; i++) {
      https.add(new Http(o.url, o.timeoutSeconds, o.token()));
    }
    long hardDeadline = System.nanoTime() + o.maxSeconds * 1_000_000_000L;
    CpuClock cpu = new CpuClock(o.serverPid);

    long t0 = System.nanoTime();
    List<Recorder> warm = ingestPhase("warmup", o, v, https, 0, warmupBatches, hardDeadline);
    long t1 = System.nanoTime();
    cpu.start();
    List<Recorder> measured =
        ingestPhase("ingest", o, v, https, warmupBatches, batches, hardDeadline);
    long t2 = System.nanoTime();
    long lastAckMs = System.currentTimeMillis();
    cpu.stop();
    Recorder w = Recorder.merge(warm);
    Recorder r = Recorder.merge(measured);
    double seconds = (t2 - t1) / 1e9;
    double rate = r.items / seconds;
    long sent = w.items + r.items;

    HttpResponse<String> info = admin.send("GET", path, null);
    long points = firstLong(POINTS_COUNT, info.body());
    long indexed = firstLong(INDEXED_COUNT, info.body());
    String status = firstString(STATUS, info.body());

    System.out.printf(
        Locale.ROOT,
        "warm-up: %d batches (%d vectors) in %.1f s, excluded; errors: %s%n",
        warmupBatches,
        w.items,
        (t1 - t0) / 1e9,
        w.errorsText());
    System.out.printf(
        Locale.ROOT,
        "measured: %d vectors in %d batches in %.2f s = %.0f vectors/s%n",
        r.items,
        r.n,
        seconds,
        rate);
    System.out.printf(
        Locale.ROOT,
        "batch latency ms: p50 %.1f  p99 %.1f  max %.1f%n",
        r.percentileMs(50),
        r.percentileMs(99),
        r.percentileMs(100));
    System.out.println("errors: " + r.errorsText());
    System.out.printf(
        Locale.ROOT,
        "whole run: %d of %d vectors acknowledged in %.2f s; node reports points_count=%d"
            + " indexed_points_count=%d status=%s%n",
        sent,
        count,
        (t2 - t0) / 1e9,
        points,
        indexed,
        status);
    System.out.println(cpu.describe(seconds, r.n, "batch"));
    if (t2 > hardDeadline) {
      System.out.println("stopped at --max-seconds " + o.maxSeconds + " before all batches ran");
    }
    Tsv tsv = new Tsv(o.tsv, o.phase == null ? "ingest" : o.phase);
    tsv.row("vectors_measured", r.items);
    tsv.row("vectors_per_s", Math.round(rate));
    tsv.row("batch_p50_ms", r.percentileMs(50));
    tsv.row("batch_p99_ms", r.percentileMs(99));
    tsv.row("batch_max_ms", r.percentileMs(100));
    tsv.row("errors", r.errorCount() + w.errorCount());
    tsv.row("points_count", points);
    tsv.row("indexed_points_count", indexed);
    tsv.row("node_us_per_vector", cpu.serverSeconds() * 1e6 / Math.max(1, r.items));
    tsv.row("last_ack_unix_ms", lastAckMs);
    cpu.rows(tsv);
    return r.errorCount() + w.errorCount() == 0 && points == count ? 0 : 1;
  }

  private static List<Recorder> ingestPhase(
      String phase,
      Options o,
      Vectors v,
      List<Http> https,
      int fromBatch,
      int toBatch,
      long hardDeadline)
      throws InterruptedException {
    AtomicLong next = new AtomicLong(fromBatch);
    List<Recorder> recorders = new ArrayList<>();
    for (int i = 0; i < o.clients; i++) {
      recorders.add(new Recorder());
    }
    long joinDeadline = hardDeadline + (o.timeoutSeconds + 5) * 1_000_000_000L;
    return runWorkers(
        phase,
        o.clients,
        joinDeadline,
        c ->
            () -> {
              Recorder rec = recorders.get(c);
              Http http = https.get(c);
              StringBuilder sb = new StringBuilder(o.batch * (v.dim() * 8 + 20) + 64);
              String path = "/collections/" + o.collection + "/points";
              // At most toBatch - fromBatch iterations across all workers, and never past the
              // deadline.
              while (System.nanoTime() < hardDeadline && !Thread.currentThread().isInterrupted()) {
                long b = next.getAndIncrement();
                if (b >= toBatch) {
                  break;
                }
                int from = (int) b * o.batch;
                int to = Math.min(v.size(), from + o.batch);
                byte[] body = upsertBody(v, from, to, sb, o.base64);
                long start = System.nanoTime();
                try {
                  HttpResponse<String> resp = http.send("PUT", path, body);
                  long took = System.nanoTime() - start;
                  if (resp.statusCode() == 200) {
                    rec.ok(took, to - from);
                  } else {
                    record(rec, resp);
                  }
                } catch (IOException e) {
                  rec.error(exceptionKey(e), String.valueOf(e.getMessage()));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            },
        recorders);
  }

  // ----------------------------------------------------------------------------------- search

  static int search(Options o) throws Exception {
    Http admin = new Http(o.url, o.timeoutSeconds, o.token());
    String path = "/collections/" + o.collection;
    HttpResponse<String> info = admin.send("GET", path, null);
    if (info.statusCode() != 200) {
      throw new IOException("GET " + path + ": " + info.statusCode() + " " + info.body());
    }
    int dim = (int) firstLong(DIMENSION, info.body());
    long points = firstLong(POINTS_COUNT, info.body());
    long indexed = firstLong(INDEXED_COUNT, info.body());
    String status = firstString(STATUS, info.body());
    String phase = o.phase == null ? "search" : o.phase;
    Vectors q =
        o.queries != null
            ? fileVectors(o.queries, o.queryCount)
            : randomVectors(o.seed, ~o.seed, o.queryCount, dim, o.latentDim);
    if (q.dim() != dim) {
      throw new IllegalArgumentException("queries are " + q.dim() + "-d, the collection " + dim);
    }
    int[][] truth = o.gt == null ? null : Dataset.ivecs(o.gt, q.size());
    int recallAt = Math.min(o.k, 10);
    if (truth != null) {
      if (truth.length < q.size()) {
        throw new IllegalArgumentException(o.gt + " has fewer rows than the queries");
      }
      recallAt = Math.min(recallAt, truth[0].length);
    }
    byte[][] bodies = new byte[q.size()][];
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = searchBody(q, i, o.k, o.ef, false, o.base64);
    }
    if (o.mode.equals("recall")) {
      double exact = exactRecall(o, admin, q, path + "/search", bodies, recallAt);
      new Tsv(o.tsv, phase).row("recall@" + recallAt + "_vs_exact", exact);
      return 0;
    }
    System.out.printf(
        Locale.ROOT,
        "%s: '%s' (%d points, %d in the HNSW graph, status %s), top-%d%s, queries %s, %d clients,"
            + " %d s (at most %d requests) after %d s warm-up, %s%n",
        phase,
        o.collection,
        points,
        indexed,
        status,
        o.k,
        o.ef == null ? "" : " hnsw_ef=" + o.ef,
        q.describe(),
        o.clients,
        o.duration,
        o.maxRequests,
        o.warmup,
        o.url);
    List<Http> https = new ArrayList<>();
    for (int i = 0; i < o.clients; i++) {
      https.add(new Http(o.url, o.timeoutSeconds, o.token()));
    }
    String searchPath = path + "/search";
    CpuClock cpu = new CpuClock(o.serverPid);

    long w0 = System.nanoTime();
    Recorder w =
        Recorder.merge(
            searchPhase(
                "warmup", o, https, searchPath, bodies, null, 0, o.warmup, o.warmupRequests));
    long w1 = System.nanoTime();
    cpu.start();
    long t0 = System.nanoTime();
    Recorder r =
        Recorder.merge(
            searchPhase(
                "search",
                o,
                https,
                searchPath,
                bodies,
                truth,
                recallAt,
                o.duration,
                o.maxRequests));
    long t1 = System.nanoTime();
    cpu.stop();
    HttpResponse<String> after = admin.send("GET", path, null);
    long indexedAfter = firstLong(INDEXED_COUNT, after.body());
    String statusAfter = firstString(STATUS, after.body());
    double seconds = (t1 - t0) / 1e9;
    long done = r.n + r.errorCount();
    double qps = r.n / seconds;

    System.out.printf(
        Locale.ROOT,
        "warm-up: %d requests in %.1f s, excluded; errors: %s%n",
        w.n + w.errorCount(),
        (w1 - w0) / 1e9,
        w.errorsText());
    System.out.printf(
        Locale.ROOT,
        "measured: %d requests (%d ok) in %.2f s = %.0f QPS%n",
        done,
        r.n,
        seconds,
        qps);
    System.out.printf(
        Locale.ROOT,
        "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
        r.percentileMs(50),
        r.percentileMs(90),
        r.percentileMs(99),
        r.percentileMs(99.9),
        r.percentileMs(100));
    System.out.println("errors: " + r.errorsText());
    if (!"green".equals(status) || !"green".equals(statusAfter)) {
      System.out.printf(
          Locale.ROOT,
          "measured while the node was indexing: %d points in the graph at the start of the"
              + " warm-up, %d at the end (status %s), of %d%n",
          indexed,
          indexedAfter,
          statusAfter,
          points);
    }
    Tsv tsv = new Tsv(o.tsv, phase);
    tsv.row("requests", done);
    tsv.row("qps", Math.round(qps));
    tsv.row("p50_ms", r.percentileMs(50));
    tsv.row("p90_ms", r.percentileMs(90));
    tsv.row("p99_ms", r.percentileMs(99));
    tsv.row("p99.9_ms", r.percentileMs(99.9));
    tsv.row("max_ms", r.percentileMs(100));
    tsv.row("errors", r.errorCount() + w.errorCount());
    if (truth != null && r.recallCount > 0) {
      double recall = r.recallSum / r.recallCount;
      System.out.printf(
          Locale.ROOT,
          "recall@%d against %s: %.4f (%d responses)%n",
          recallAt,
          o.gt.getFileName(),
          recall,
          r.recallCount);
      tsv.row("recall@" + recallAt + "_gt", recall);
    }
    System.out.println(cpu.describe(seconds, done, "request"));
    tsv.row("indexed_at_start", indexed);
    tsv.row("indexed_at_end", indexedAfter);
    tsv.row("node_us_per_request", cpu.serverSeconds() * 1e6 / Math.max(1, done));
    cpu.rows(tsv);
    if (o.exactRecall > 0) {
      double exact = exactRecall(o, admin, q, searchPath, bodies, recallAt);
      tsv.row("recall@" + recallAt + "_vs_exact", exact);
    }
    return r.errorCount() + w.errorCount() == 0 ? 0 : 1;
  }

  private static List<Recorder> searchPhase(
      String phase,
      Options o,
      List<Http> https,
      String path,
      byte[][] bodies,
      int[][] truth,
      int recallAt,
      int seconds,
      long maxRequests)
      throws InterruptedException {
    List<Recorder> recorders = new ArrayList<>();
    for (int i = 0; i < o.clients; i++) {
      recorders.add(new Recorder());
    }
    if (seconds == 0 || maxRequests == 0) {
      return recorders;
    }
    AtomicLong issued = new AtomicLong();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long joinDeadline = deadline + (o.timeoutSeconds + 5) * 1_000_000_000L;
    return runWorkers(
        phase,
        o.clients,
        joinDeadline,
        c ->
            () -> {
              Recorder rec = recorders.get(c);
              Http http = https.get(c);
              // Bounded by maxRequests across all workers and by the deadline.
              while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                long i = issued.getAndIncrement();
                if (i >= maxRequests) {
                  break;
                }
                int qi = (int) (i % bodies.length);
                long start = System.nanoTime();
                try {
                  HttpResponse<String> resp = http.send("POST", path, bodies[qi]);
                  long took = System.nanoTime() - start;
                  if (resp.statusCode() != 200) {
                    record(rec, resp);
                    continue;
                  }
                  rec.ok(took, 1);
                  if (truth != null) {
                    rec.recallSum += recall(hitIds(resp.body()), truth[qi], recallAt);
                    rec.recallCount++;
                  }
                } catch (IOException e) {
                  rec.error(exceptionKey(e), String.valueOf(e.getMessage()));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            },
        recorders);
  }

  /** Recall@k of the searches as benchmarked against the node's exact scan, same queries. */
  private static double exactRecall(
      Options o, Http http, Vectors q, String path, byte[][] bodies, int recallAt)
      throws IOException, InterruptedException {
    int n = Math.min(o.exactRecall, bodies.length);
    long deadline = System.nanoTime() + 300_000_000_000L;
    double sum = 0;
    int done = 0;
    for (int i = 0; i < n && System.nanoTime() < deadline; i++) {
      HttpResponse<String> ann = http.send("POST", path, bodies[i]);
      HttpResponse<String> exact =
          http.send("POST", path, searchBody(q, i, o.k, null, true, o.base64));
      if (ann.statusCode() != 200 || exact.statusCode() != 200) {
        throw new IOException("exact-recall query " + i + ": " + exact.statusCode());
      }
      long[] truth = hitIds(exact.body());
      int[] t = new int[truth.length];
      for (int j = 0; j < t.length; j++) {
        t[j] = (int) truth[j];
      }
      sum += recall(hitIds(ann.body()), t, recallAt);
      done++;
    }
    double recall = done == 0 ? Double.NaN : sum / done;
    System.out.printf(
        Locale.ROOT,
        "recall@%d against the node's exact search: %.4f (%d queries)%n",
        recallAt,
        recall,
        done);
    return recall;
  }

  // ------------------------------------------------------------------------------------ await

  /**
   * Polls the collection until its status is {@code green} (the background indexer has linked every
   * point), at most {@code --max-seconds}; reports the wait, the points linked during it per
   * second, the node's CPU per point linked and, given {@code --since-ms}, the wait since the last
   * ingest ack.
   */
  static int await(Options o) throws Exception {
    Http admin = new Http(o.url, o.timeoutSeconds, o.token());
    String path = "/collections/" + o.collection;
    CpuClock cpu = new CpuClock(o.serverPid);
    cpu.start();
    long t0 = System.nanoTime();
    long startMs = System.currentTimeMillis();
    long deadline = t0 + o.maxSeconds * 1_000_000_000L;
    long indexed0 = -1;
    long indexed = -1;
    long points = -1;
    String status = "?";
    long lastReport = t0;
    long polls = 0;
    // One GET per --poll-ms, never past --max-seconds.
    while (true) {
      HttpResponse<String> info = admin.send("GET", path, null);
      polls++;
      if (info.statusCode() != 200) {
        throw new IOException("GET " + path + ": " + info.statusCode() + " " + info.body());
      }
      points = firstLong(POINTS_COUNT, info.body());
      indexed = firstLong(INDEXED_COUNT, info.body());
      status = firstString(STATUS, info.body());
      long now = System.nanoTime();
      if (indexed0 < 0) {
        indexed0 = indexed;
        System.out.printf(
            Locale.ROOT,
            "await: '%s' %d points, %d in the graph, status %s%s%n",
            o.collection,
            points,
            indexed,
            status,
            o.sinceMs > 0
                ? String.format(
                    Locale.ROOT, ", %.1f s after the last ingest ack", (startMs - o.sinceMs) / 1e3)
                : "");
      }
      if ("green".equals(status) || now >= deadline) {
        break;
      }
      if (now - lastReport >= 10_000_000_000L) {
        System.out.printf(
            Locale.ROOT, "  %5.0f s: %d of %d in the graph%n", (now - t0) / 1e9, indexed, points);
        lastReport = now;
      }
      Thread.sleep(o.pollMs);
    }
    long t1 = System.nanoTime();
    long endMs = System.currentTimeMillis();
    cpu.stop();
    double seconds = (t1 - t0) / 1e9;
    long linked = indexed - indexed0;
    boolean green = "green".equals(status);
    System.out.printf(
        Locale.ROOT,
        "%s after %.2f s (%d polls): %d points linked = %.0f points/s; %d of %d in the graph%n",
        green ? "green" : "NOT green (--max-seconds " + o.maxSeconds + ")",
        seconds,
        polls,
        linked,
        linked / Math.max(1e-9, seconds),
        indexed,
        points);
    if (o.sinceMs > 0) {
      System.out.printf(
          Locale.ROOT, "green %.2f s after the last ingest ack%n", (endMs - o.sinceMs) / 1e3);
    }
    System.out.println(cpu.describe(seconds, linked, "point linked"));
    Tsv tsv = new Tsv(o.tsv, o.phase == null ? "index" : o.phase);
    tsv.row("indexed_at_start", indexed0);
    tsv.row("wait_s", seconds);
    tsv.row("points_linked", linked);
    tsv.row("points_per_s", linked / Math.max(1e-9, seconds));
    if (o.sinceMs > 0) {
      tsv.row("green_after_last_ack_s", (endMs - o.sinceMs) / 1e3);
    }
    tsv.row("green", green ? 1 : 0);
    tsv.row("node_us_per_point", cpu.serverSeconds() * 1e6 / Math.max(1, linked));
    cpu.rows(tsv);
    return green ? 0 : 1;
  }

  // ------------------------------------------------------------------------------------ misc

  private static String firstString(Pattern p, String body) {
    Matcher m = p.matcher(body == null ? "" : body);
    return m.find() ? m.group(1) : "?";
  }

  private static long firstLong(Pattern p, String body) {
    Matcher m = p.matcher(body == null ? "" : body);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** CPU time of this JVM and, when its pid is known, of the node, over the measured phase. */
  static final class CpuClock {
    private final long serverPid;
    private long client0;
    private long client1;
    private long server0 = -1;
    private long server1 = -1;
    private long machine0 = -1;
    private long machine1 = -1;
    private double load0 = Double.NaN;
    private double load1 = Double.NaN;

    CpuClock(long serverPid) {
      this.serverPid = serverPid;
    }

    void start() {
      client0 = clientNanos();
      server0 = serverNanos();
      machine0 = machineNanos();
      load0 = loadAverage();
    }

    void stop() {
      client1 = clientNanos();
      server1 = serverNanos();
      machine1 = machineNanos();
      load1 = loadAverage();
    }

    /** The TSV rows every phase reports: CPU of driver, node and the rest; load averages. */
    void rows(Tsv tsv) {
      tsv.row("client_cpu_s", clientSeconds());
      tsv.row("server_cpu_s", serverSeconds());
      tsv.row("other_procs_cpu_s", Math.max(0, otherSeconds()));
      tsv.row("load1_start", load0);
      tsv.row("load1_end", load1);
    }

    /** The 1-minute load average (/proc/loadavg), NaN where there is none. */
    static double loadAverage() {
      try {
        return Double.parseDouble(
            Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
      } catch (IOException | RuntimeException e) {
        return Double.NaN;
      }
    }

    double clientSeconds() {
      return (client1 - client0) / 1e9;
    }

    double serverSeconds() {
      return server0 < 0 || server1 < 0 ? Double.NaN : (server1 - server0) / 1e9;
    }

    /** Busy CPU time of the whole machine (every process), from /proc/stat. */
    double machineSeconds() {
      return machine0 < 0 || machine1 < 0 ? Double.NaN : (machine1 - machine0) / 1e9;
    }

    /** Busy CPU time of everything but this driver and the node: other load on a shared box. */
    double otherSeconds() {
      double server = Double.isNaN(serverSeconds()) ? 0 : serverSeconds();
      return machineSeconds() - clientSeconds() - server;
    }

    String describe(double wallSeconds, long requests, String unit) {
      int cores = Runtime.getRuntime().availableProcessors();
      StringBuilder sb =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "cpu over the measured phase (%d cores, %.1f core-s available): client %.1f s"
                      + " (%.0f us/%s)",
                  cores,
                  cores * wallSeconds,
                  clientSeconds(),
                  requests == 0 ? Double.NaN : clientSeconds() * 1e6 / requests,
                  unit));
      if (!Double.isNaN(serverSeconds())) {
        sb.append(
            String.format(
                Locale.ROOT,
                ", node %.1f s (%.0f us/%s)",
                serverSeconds(),
                requests == 0 ? Double.NaN : serverSeconds() * 1e6 / requests,
                unit));
      }
      if (!Double.isNaN(machineSeconds())) {
        sb.append(
            String.format(Locale.ROOT, ", other processes %.1f s", Math.max(0, otherSeconds())));
      }
      sb.append(String.format(Locale.ROOT, "; load average %.2f -> %.2f", load0, load1));
      return sb.toString();
    }

    private static long clientNanos() {
      if (ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os) {
        return os.getProcessCpuTime();
      }
      return 0;
    }

    /** Sum of the busy columns of the first line of /proc/stat, in USER_HZ (1/100 s) ticks. */
    private static long machineNanos() {
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        // cpu user nice system idle iowait irq softirq steal ...
        long ticks = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
          ticks += Long.parseLong(f[i]);
        }
        return ticks * 10_000_000L;
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }

    private long serverNanos() {
      if (serverPid <= 0) {
        return -1;
      }
      return ProcessHandle.of(serverPid)
          .flatMap(p -> p.info().totalCpuDuration())
          .map(Duration::toNanos)
          .orElse(-1L);
    }
  }

  /** Appends result rows to the --tsv file, if one was given. */
  static final class Tsv {
    private final Path file;
    private final String phase;

    Tsv(Path file, String phase) {
      this.file = file;
      this.phase = phase;
    }

    void row(String metric, double value) {
      String text =
          value == Math.rint(value) && Math.abs(value) < 1e15
              ? Long.toString((long) value)
              : String.format(Locale.ROOT, "%.4g", value);
      if (file == null) {
        return;
      }
      try {
        Files.writeString(
            file,
            phase + "\t" + metric + "\t" + text + "\n",
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
