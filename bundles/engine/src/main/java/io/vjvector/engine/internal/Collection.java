package io.vjvector.engine.internal;

import io.vjvector.engine.CollectionInfo;
import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.PayloadIndexType;
import io.vjvector.engine.Point;
import io.vjvector.engine.Quantization;
import io.vjvector.engine.RecommendRequest;
import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.ScrollPage;
import io.vjvector.engine.ScrollRequest;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open collection: its metadata, its log, its in-memory points and its graph.
 *
 * <p>A write is validated, appended and fsynced to the log, and only then applied to memory and
 * acknowledged. Readers share {@code state}; applying a write takes it exclusively, so a search
 * never sees half a batch. Writers share {@code lifecycle} across their whole commit so that {@link
 * #close} can wait for them before closing the log.
 *
 * <p>Once a collection holds {@link #EXACT_BELOW} points it gets a graph, maintained in the
 * background: a write only marks its slots pending, the indexer links them in batches, and searches
 * merge the graph's answer with an exact scan of whatever is still pending. Deleted points are
 * repaired out of the graph before their slots are reused. Checkpoints (points and graph) are taken
 * when enough log has accumulated; they let the log be truncated and a restart skip the rebuild.
 *
 * <p>With a retention, every read computes a cutoff from the engine's clock and skips points last
 * written at or before it, so expiry is exact for readers; {@link #sweepExpired} then deletes them
 * durably in bounded batches, through a log record like any delete.
 */
final class Collection implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Collection.class);

  /** Below this many points, or with a filter, search scans exactly: it is as fast and exact. */
  static final int EXACT_BELOW = 10_000;

  private final String tenant;
  private final Path dir;
  private volatile CollectionMeta meta; // replaced whole when a payload index changes
  private final Wal wal;
  private final CollectionStore store;
  private final CommitSequencer sequencer;
  private final HnswGraph graph;
  private final Background background;
  private final EngineOptions options;
  private final DataCipher cipher;
  private final Runnable afterCheckpoint;
  private final java.time.Clock clock;
  // Held by the sweep from choosing expired points until they are deleted, and by a retention
  // change, so that a sweep never deletes points a longer retention has just brought back.
  private final ReentrantLock sweepLock = new ReentrantLock();
  // Some points' write times were set when the collection was opened (from a log or checkpoint
  // written before write times were kept); the next checkpoint records them.
  private volatile boolean legacyTimes;
  private final Object graphLock = new Object();
  private final ReentrantLock checkpointLock = new ReentrantLock();
  private final AtomicBoolean indexerScheduled = new AtomicBoolean();
  private final AtomicBoolean checkpointScheduled = new AtomicBoolean();
  private volatile boolean graphEnabled; // changed under the state write lock
  private final boolean graphLoaded;
  private long quantizerTrainedAt; // guarded by the state lock
  private volatile long checkpointPosition;
  private volatile long checkpointBytes; // size of the last checkpoint file
  private volatile int checkpointKeyVersion; // data key version of the checkpoint, or NO_KEY
  private final ReadWriteLock state = new ReentrantReadWriteLock();
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private volatile boolean closed;
  private volatile long lastWriteNanos = System.nanoTime() - FOREGROUND_NANOS;
  private volatile Runnable linkingProbe; // tests: runs while a batch is being linked
  private volatile boolean deleted;

  private Collection(
      String tenant,
      Path dir,
      CollectionMeta meta,
      Wal wal,
      CollectionStore store,
      HnswGraph graph,
      Checkpoint.Loaded loaded,
      Background background,
      EngineOptions options,
      DataCipher cipher,
      Runnable afterCheckpoint,
      boolean legacyTimes) {
    this.tenant = tenant;
    this.dir = dir;
    this.meta = meta;
    this.wal = wal;
    this.store = store;
    this.graph = graph;
    this.background = background;
    this.options = options;
    this.cipher = cipher;
    this.afterCheckpoint = afterCheckpoint;
    this.clock = options.clock();
    this.legacyTimes = legacyTimes;
    this.checkpointPosition = loaded == null ? 0 : loaded.position();
    this.checkpointKeyVersion = loaded == null ? Wal.NO_KEY : loaded.keyVersion();
    this.checkpointBytes = Checkpoint.size(dir);
    this.sequencer = new CommitSequencer(wal.end());
    this.graphLoaded = loaded != null && loaded.hasGraph();
    meta.indexes().forEach((field, type) -> store.indexes().create(field, type, store));
    if (graphLoaded) {
      graphEnabled = true;
      store.trackPending(true);
      trainQuantizer();
    } else if (store.size() >= EXACT_BELOW) {
      enableGraph();
    } else {
      store.trackPending(false);
      store.clearPending();
      store.releaseTombstones(store.tombstones().size());
    }
    scheduleIndexing(0);
  }

  /** From now on the collection keeps a graph; every live point waits to be linked. */
  private void enableGraph() {
    graphEnabled = true;
    store.trackPending(true);
    store.markAllPending();
    trainQuantizer();
  }

  private void trainQuantizer() {
    if (meta.quantization() != Quantization.NONE) {
      store.quantizer(Quantizer.train(meta.quantization(), store, meta.distance()));
      quantizerTrainedAt = store.size();
    }
  }

  /**
   * Retrains the codes once the collection has doubled since they were trained, so their ranges
   * follow the data (amortized: each point is re-encoded a constant number of times on average).
   */
  private void retrainQuantizerIfGrown() {
    if (meta.quantization() == Quantization.NONE || store.size() < 2L * quantizerTrainedAt) {
      return;
    }
    state.writeLock().lock();
    try {
      trainQuantizer();
    } finally {
      state.writeLock().unlock();
    }
  }

  /** Writes the files of a new, empty collection into {@code dir}. */
  static void initialize(Path dir, CollectionMeta meta, DataCipher cipher) throws IOException {
    FileSync.writeAtomically(dir.resolve(DataLayout.META_FILE), meta.toJson());
    Wal.create(dir, cipher);
  }

  /**
   * Loads a collection: its checkpoint, if any, then the log after it.
   *
   * @param keys the tenants' data keys (null: plaintext only, for tests)
   * @param afterCheckpoint runs after each checkpoint, without locks (retires unused keys)
   */
  static Collection open(
      String tenant,
      Path dir,
      Background background,
      EngineOptions options,
      KeyService keys,
      Runnable afterCheckpoint)
      throws IOException {
    Path metaFile = dir.resolve(DataLayout.META_FILE);
    Files.deleteIfExists(metaFile.resolveSibling(DataLayout.META_FILE + FileSync.TMP_SUFFIX));
    CollectionMeta meta = CollectionMeta.read(metaFile);
    if (!meta.name().equals(dir.getFileName().toString())) {
      throw new IOException(
          metaFile + " names collection '" + meta.name() + "' but lies in another directory");
    }
    CollectionStore store = new CollectionStore(meta.dimension());
    HnswGraph graph =
        new HnswGraph(store, meta.distance(), meta.hnsw().m(), meta.hnsw().efConstruct());
    DataCipher cipher =
        keys == null ? DataCipher.PLAINTEXT : new DataCipher(keys, tenant, meta.name());
    // Points from files written before write times were kept count as written now: nothing
    // expires at once after an upgrade. Everything else has its time in its record.
    long openTime = options.clock().millis();
    Checkpoint.Loaded loaded = Checkpoint.load(dir, store, graph, cipher, openTime);
    long from = loaded == null ? 0 : loaded.position();
    boolean[] legacy = {loaded != null && loaded.legacyTimes()};
    Wal wal =
        Wal.open(
            dir,
            from,
            cipher,
            (type, body) -> {
              if (WalRecords.replay(type, body, meta.dimension(), store, openTime)) {
                legacy[0] = true;
              }
            });
    return new Collection(
        tenant,
        dir,
        meta,
        wal,
        store,
        graph,
        loaded,
        background,
        options,
        cipher,
        afterCheckpoint,
        legacy[0]);
  }

  String name() {
    return meta.name();
  }

  CollectionSpec spec() {
    CollectionMeta m = meta;
    return new CollectionSpec(
        m.name(),
        m.dimension(),
        m.distance(),
        m.hnsw(),
        m.quantization(),
        m.embedder(),
        m.retention());
  }

  /**
   * The cutoff of a read starting now: points last written at or before it have expired ({@link
   * CollectionStore#NEVER} when none can have). Caller holds the state lock.
   */
  private long cutoff() {
    long retention = meta.retentionMillis();
    return retention == 0
        ? CollectionStore.NEVER
        : store.effectiveCutoff(clock.millis() - retention);
  }

  CollectionInfo info() {
    state.readLock().lock();
    try {
      CollectionMeta meta = this.meta;
      long points = store.count(cutoff());
      return new CollectionInfo(
          tenant,
          meta.name(),
          meta.dimension(),
          meta.distance(),
          meta.createdAt(),
          points,
          Math.min(points, indexedCount()),
          meta.hnsw(),
          (long) store.slotCount() * meta.dimension() * Float.BYTES,
          graph.memoryBytes(),
          diskBytes(),
          meta.quantization(),
          store.quantizer() == null ? 0 : store.quantizer().memoryBytes(store.slotCount()),
          store.payloadBytes(),
          meta.indexes(),
          store.indexes().memoryBytes(),
          status(),
          meta.embedder(),
          meta.retention());
    } finally {
      state.readLock().unlock();
    }
  }

  /** Live points the graph has linked with their current vector (all of them without a graph). */
  private long indexedCount() {
    if (!graphEnabled) {
      return store.size();
    }
    return store.size() - store.pendingCount();
  }

  private String status() {
    return graphEnabled && (store.pendingCount() > 0 || !store.tombstones().isEmpty())
        ? "indexing"
        : "green";
  }

  private long diskBytes() {
    long bytes = 0;
    List<Path> files = new ArrayList<>(wal.files());
    files.add(dir.resolve(DataLayout.META_FILE));
    files.add(dir.resolve(Checkpoint.FILE));
    for (Path f : files) {
      try {
        bytes += Files.size(f);
      } catch (IOException e) {
        // racing a delete: count what is left
      }
    }
    return bytes;
  }

  /** For this long after a write the indexer leaves half the cores to requests. */
  private static final long FOREGROUND_NANOS = 1_000_000_000L;

  void upsert(List<Point> points) {
    lastWriteNanos = System.nanoTime();
    List<Point> batch = RequestValidator.upsert(points, meta.dimension());
    long writeTime = clock.millis();
    ByteBuffer body = WalRecords.encodeUpsert(batch, meta.dimension(), writeTime);
    commit(
        WalRecords.UPSERT_AT,
        body,
        () -> {
          int[] slots = store.upsert(batch, writeTime);
          if (!graphEnabled && store.size() >= EXACT_BELOW) {
            enableGraph();
          }
          return slots;
        });
    scheduleIndexing(0);
    maybeCheckpointSoon();
  }

  int delete(List<PointId> ids) {
    List<PointId> distinct = RequestValidator.deleteIds(ids);
    List<PointId> known = new ArrayList<>(distinct.size());
    state.readLock().lock();
    try {
      long cutoff = cutoff(); // expired points are gone for callers; the sweep deletes them
      for (PointId id : distinct) {
        if (store.visibleSlotOf(id, cutoff) != null) {
          known.add(id);
        }
      }
    } finally {
      state.readLock().unlock();
    }
    ensureOpen();
    if (known.isEmpty()) {
      return 0;
    }
    return deleteKnown(known);
  }

  private int deleteKnown(List<PointId> known) {
    return deleteKnown(
        WalRecords.DELETE, WalRecords.encodeDelete(known), () -> store.delete(known));
  }

  /** Logs and applies a delete or expire record; returns how many points it removed. */
  private int deleteKnown(byte type, ByteBuffer body, Supplier<Integer> delete) {
    // Counted when applied: a concurrent delete of the same id may win the race.
    int n =
        commit(
            type,
            body,
            () -> {
              int removed = delete.get();
              if (!graphEnabled) {
                store.releaseTombstones(store.tombstones().size());
              }
              return removed;
            });
    // Repairs wait a moment so that a burst of deletes is repaired in one pass.
    scheduleIndexing(200);
    maybeCheckpointSoon();
    return n;
  }

  List<Point> get(List<PointId> ids) {
    RequestValidator.ids(ids);
    ensureOpen();
    List<Point> found = new ArrayList<>(ids.size());
    state.readLock().lock();
    try {
      long cutoff = cutoff();
      for (PointId id : ids) {
        Point p = store.get(id, cutoff);
        if (p != null) {
          found.add(p);
        }
      }
    } finally {
      state.readLock().unlock();
    }
    return found;
  }

  long count(Filter filter) {
    ensureOpen();
    state.readLock().lock();
    try {
      long cutoff = cutoff();
      if (filter != null && !filter.isEmpty()) {
        long[] n = new long[1];
        store.forEachMatch(
            filter, store.indexes().candidates(filter, store::slotOf), cutoff, s -> n[0]++);
        return n[0];
      }
      return store.count(cutoff);
    } finally {
      state.readLock().unlock();
    }
  }

  List<ScoredPoint> search(SearchRequest request) {
    float[] query = RequestValidator.search(request, meta.dimension());
    ensureOpen();
    state.readLock().lock();
    try {
      return plannedSearch(query, request, cutoff()).hits();
    } finally {
      state.readLock().unlock();
    }
  }

  /** How a search is run, for tests: caller need not hold the lock. */
  FilterPlanner.Result explain(SearchRequest request) {
    float[] query = RequestValidator.search(request, meta.dimension());
    ensureOpen();
    state.readLock().lock();
    try {
      return plannedSearch(query, request, cutoff());
    } finally {
      state.readLock().unlock();
    }
  }

  /** Caller holds the read lock; points written at or before {@code cutoff} have expired. */
  private FilterPlanner.Result plannedSearch(float[] query, SearchRequest request, long cutoff) {
    boolean unfiltered = request.filter() == null || request.filter().isEmpty();
    int window = request.limit() + request.offset();
    int ef = request.ef() == null ? GraphSearch.DEFAULT_EF : request.ef();
    // With expired points present, even an unfiltered search is planned like a filtered one.
    if (unfiltered && cutoff == CollectionStore.NEVER) {
      if (!request.exact() && graphEnabled && window <= store.size() / 2) {
        return new FilterPlanner.Result(
            GraphSearch.search(
                store, graph, meta.distance(), query, request, store.pendingSnapshot(), null, ef),
            null,
            1);
      }
      return new FilterPlanner.Result(
          ExactSearch.search(store, meta.distance(), query, null, request), null, 1);
    }
    return FilterPlanner.search(
        store,
        graphEnabled && window <= store.size() / 2 ? graph : null,
        meta.distance(),
        query,
        request,
        store.pendingSnapshot(),
        ef,
        cutoff);
  }

  /**
   * Creates (or re-creates with another type) the index of a payload field: recorded durably in the
   * collection's metadata first, then built from every point while writes wait.
   */
  void createIndex(String field, PayloadIndexType type) {
    RequestValidator.indexField(field);
    if (type == null) {
      throw new VjvException(ErrorType.INVALID_REQUEST, "an index type is required");
    }
    changeMeta(meta.withIndex(field, type), () -> store.indexes().create(field, type, store));
  }

  /** Drops a payload index; returns whether there was one. */
  boolean dropIndex(String field) {
    RequestValidator.indexField(field);
    if (!meta.indexes().containsKey(field)) {
      ensureOpen();
      return false;
    }
    changeMeta(meta.withoutIndex(field), () -> store.indexes().drop(field));
    return true;
  }

  /**
   * Changes the retention, durably (the metadata file is replaced atomically); it applies at once
   * to every point by its recorded write time.
   */
  void setRetention(java.time.Duration retention) {
    long millis = RequestValidator.retentionMillis(retention);
    sweepLock.lock();
    try {
      changeMeta(meta.withRetention(millis), () -> {});
    } finally {
      sweepLock.unlock();
    }
  }

  /**
   * Deletes up to {@code max} expired points, durably, with one log record that deletes only those
   * not written again meanwhile (so replay deletes exactly the same). Before the first sweep after
   * opening files without write times, a checkpoint records the times they were given.
   *
   * @return how many points were deleted ({@code max}: there may be more)
   */
  int sweepExpired(int max) {
    if (closed || deleted || meta.retentionMillis() == 0) {
      return 0;
    }
    sweepLock.lock();
    try {
      long retention = meta.retentionMillis();
      if (retention == 0) {
        return 0;
      }
      if (legacyTimes) {
        try {
          checkpoint(true);
        } catch (IOException e) {
          LOG.warn("{}: recording write times in a checkpoint failed; will retry", label(), e);
        }
      }
      long cutoff = clock.millis() - retention;
      List<PointId> expired;
      state.readLock().lock();
      try {
        expired = store.expiredIds(cutoff, max);
      } finally {
        state.readLock().unlock();
      }
      if (expired.isEmpty()) {
        return 0;
      }
      int n =
          deleteKnown(
              WalRecords.EXPIRE,
              WalRecords.encodeExpire(expired, cutoff),
              () -> store.expire(expired, cutoff));
      LOG.debug("{}: deleted {} expired points", label(), n);
      return n;
    } finally {
      sweepLock.unlock();
    }
  }

  private void changeMeta(CollectionMeta next, Runnable apply) {
    lifecycle.readLock().lock();
    try {
      ensureOpen();
      state.writeLock().lock();
      try {
        try {
          FileSync.writeAtomically(dir.resolve(DataLayout.META_FILE), next.toJson());
        } catch (IOException e) {
          throw new VjvException(
              ErrorType.STORAGE_ERROR,
              label() + ": writing " + DataLayout.META_FILE + " failed: " + e.getMessage(),
              e);
        }
        apply.run();
        meta = next;
      } finally {
        state.writeLock().unlock();
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Deletes every point matching a filter; returns how many. */
  int deleteByFilter(Filter filter) {
    if (filter == null || filter.isEmpty()) {
      throw new VjvException(
          ErrorType.INVALID_REQUEST,
          "deleting by filter needs a non-empty filter (delete the collection to remove all)");
    }
    ensureOpen();
    List<PointId> matching = new ArrayList<>();
    state.readLock().lock();
    try {
      store.forEachMatch(
          filter,
          store.indexes().candidates(filter, store::slotOf),
          cutoff(),
          slot -> matching.add(store.idAt(slot)));
    } finally {
      state.readLock().unlock();
    }
    ensureOpen();
    // One log record: all matching points go, or (on a crash before the fsync) none.
    return matching.isEmpty() ? 0 : deleteKnown(matching);
  }

  ScrollPage scroll(ScrollRequest request) {
    if (request == null) {
      throw new VjvException(ErrorType.INVALID_REQUEST, "a scroll request is required");
    }
    RequestValidator.window(request.limit(), 0);
    ensureOpen();
    state.readLock().lock();
    try {
      return Scroll.page(store, request, cutoff());
    } finally {
      state.readLock().unlock();
    }
  }

  List<ScoredPoint> recommend(RecommendRequest request) {
    if (request == null || request.positive() == null || request.positive().isEmpty()) {
      throw new VjvException(ErrorType.INVALID_REQUEST, "at least one positive example is needed");
    }
    List<PointId> negative = request.negative() == null ? List.of() : request.negative();
    RequestValidator.ids(request.positive());
    if (!negative.isEmpty()) {
      RequestValidator.ids(negative);
    }
    RequestValidator.window(request.limit(), 0);
    RequestValidator.threshold(request.scoreThreshold());
    ensureOpen();
    state.readLock().lock();
    try {
      long cutoff = cutoff();
      float[] query = Examples.query(store, meta.dimension(), request.positive(), negative, cutoff);
      List<PointId> examples = new ArrayList<>(request.positive());
      examples.addAll(negative);
      Filter user = request.filter() == null ? Filter.none() : request.filter();
      Filter notExamples = Filter.of(List.of(user), List.of(), List.of(new Filter.HasId(examples)));
      SearchRequest search =
          new SearchRequest(
              query,
              request.limit(),
              0,
              request.scoreThreshold(),
              notExamples,
              request.withPayload(),
              null,
              request.withVector(),
              false,
              null);
      // planned like any filtered search: through the graph when the collection has one
      return plannedSearch(query, search, cutoff).hits();
    } finally {
      state.readLock().unlock();
    }
  }

  /**
   * Waits for in-flight writes and background steps, checkpoints if enough log has accumulated,
   * then closes the log; later calls fail.
   */
  @Override
  public void close() throws IOException {
    if (!deleted) {
      try {
        checkpointIfDue();
      } catch (IOException | RuntimeException e) {
        LOG.warn("{}: checkpoint at close failed; the log still has everything", label(), e);
      }
    }
    lifecycle.writeLock().lock();
    try {
      closed = true;
      wal.close();
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  // ---- background indexing ----

  private void scheduleIndexing(long delayMillis) {
    if (!graphEnabled || closed) {
      return;
    }
    if (indexerScheduled.compareAndSet(false, true)) {
      background.schedule(label() + ": indexing", this::runIndexer, delayMillis);
    }
  }

  private void runIndexer() {
    try {
      while (indexStep()) {
        // each step takes and releases the locks, so writers and close get their turn
      }
    } finally {
      indexerScheduled.set(false);
    }
    if (!closed && (store.pendingCount() > 0 || hasTombstones())) {
      scheduleIndexing(0);
    }
  }

  private boolean hasTombstones() {
    state.readLock().lock();
    try {
      return !store.tombstones().isEmpty();
    } finally {
      state.readLock().unlock();
    }
  }

  /**
   * Links one batch of pending points, or repairs the graph around the deleted ones.
   *
   * <p>Neither holds the collection's lock while it works, only the graph's: writers keep applying
   * (they would otherwise queue behind every batch), and searches keep running. The batch and the
   * tombstones are taken under the read lock, so every slot read afterwards already existed then;
   * slots stay pending until linked and are not reused before they are released here.
   *
   * @return whether there may be more to do
   */
  boolean indexStep() {
    if (!lifecycle.readLock().tryLock()) {
      return false; // closing
    }
    try {
      if (closed || deleted || !graphEnabled) {
        return false;
      }
      retrainQuantizerIfGrown();
      synchronized (graphLock) {
        int[] batch;
        int[] dead;
        state.readLock().lock();
        try {
          batch = store.takeBatch(options.indexBatch());
          dead = batch.length > 0 ? null : store.tombstones().toArray();
        } finally {
          state.readLock().unlock();
        }
        if (batch.length > 0) {
          try {
            Runnable probe = linkingProbe;
            if (probe != null) {
              probe.run();
            }
            graph.ensureCapacity(batch[batch.length - 1]);
            boolean writesArriving = System.nanoTime() - lastWriteNanos < FOREGROUND_NANOS;
            background.parallel(
                writesArriving,
                () ->
                    IntStream.of(batch)
                        .parallel()
                        .filter(s -> store.idAt(s) != null)
                        .forEach(graph::insert));
          } finally {
            store.linked(batch);
          }
          return true;
        }
        if (dead.length == 0) {
          return false;
        }
        graph.repair(dead);
        state.writeLock().lock();
        try {
          store.releaseTombstones(dead.length);
        } finally {
          state.writeLock().unlock();
        }
        return true;
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Runs {@code probe} in the indexer each time it starts linking a batch (tests). */
  void linkingProbe(Runnable probe) {
    linkingProbe = probe;
  }

  /** How many points the quantizer was last trained on (tests). */
  long quantizerTrainedAt() {
    state.readLock().lock();
    try {
      return quantizerTrainedAt;
    } finally {
      state.readLock().unlock();
    }
  }

  boolean graphLoadedFromCheckpoint() {
    return graphLoaded;
  }

  /** Waits until the graph has caught up with every write (for tests and benchmarks). */
  boolean awaitIndexed(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (!graphEnabled || (store.pendingCount() == 0 && !hasTombstones())) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  // ---- checkpoints ----

  private void maybeCheckpointSoon() {
    if (checkpointDue() && checkpointScheduled.compareAndSet(false, true)) {
      background.schedule(
          label() + ": checkpoint",
          () -> {
            try {
              checkpointQuietly();
            } finally {
              checkpointScheduled.set(false);
            }
          },
          0);
    }
  }

  /** Called periodically by the engine. */
  void checkpointQuietly() {
    if (closed || deleted) {
      return;
    }
    try {
      checkpointIfDue();
    } catch (IOException | RuntimeException e) {
      LOG.error("{}: checkpoint failed; the log keeps everything until one succeeds", label(), e);
    }
  }

  /**
   * Whether the log since the last checkpoint has reached the configured size and half the size of
   * that checkpoint: a checkpoint rewrites the whole collection, so a large collection checkpoints
   * less often (each logged byte is written at most about three times in all) while replay after a
   * crash stays bounded by half a checkpoint.
   */
  private boolean checkpointDue() {
    long logged = wal.end() - checkpointPosition;
    return logged >= options.checkpointWalBytes() && logged >= checkpointBytes / 2;
  }

  private void checkpointIfDue() throws IOException {
    if (checkpointDue()) {
      checkpoint();
    }
  }

  /**
   * Writes a checkpoint of everything applied so far and deletes the log segments it covers. Writes
   * are not applied while the checkpoint file is being written (they are still logged and fsynced),
   * searches go on; the fsync and rename happen after the locks are released.
   *
   * @return the log position the new checkpoint covers, or -1 if nothing changed
   */
  long checkpoint() throws IOException {
    return checkpoint(false);
  }

  /**
   * Like {@link #checkpoint()}; with {@code force} it writes one even if nothing changed, so the
   * checkpoint is rewritten in the current format with the current data key.
   */
  long checkpoint(boolean force) throws IOException {
    long position;
    checkpointLock.lock();
    try {
      lifecycle.readLock().lock();
      try {
        ensureOpen();
        // A new segment first: once applied, everything before it is in the checkpoint.
        wal.rotate();
        Checkpoint.Written tmp;
        state.readLock().lock();
        try {
          synchronized (graphLock) {
            position = sequencer.appliedUpTo();
            if (position == checkpointPosition && !force) {
              return -1;
            }
            tmp = Checkpoint.writeTemp(dir, position, store, graph, graphEnabled, cipher);
          }
        } finally {
          state.readLock().unlock();
        }
        Checkpoint.publish(tmp.file());
        legacyTimes = false; // the checkpoint holds every point's write time
        checkpointPosition = position;
        checkpointKeyVersion = tmp.keyVersion();
        checkpointBytes = Checkpoint.size(dir);
        wal.dropBefore(position);
        LOG.info(
            "{}: checkpoint at log position {} ({} bytes)", label(), position, checkpointBytes);
      } finally {
        lifecycle.readLock().unlock();
      }
    } finally {
      checkpointLock.unlock();
    }
    try {
      afterCheckpoint.run();
    } catch (RuntimeException e) {
      LOG.warn("{}: retiring unused data keys failed; they stay until the next try", label(), e);
    }
    return position;
  }

  /**
   * Makes deletes physical: a checkpoint (which holds nothing of deleted points) and the removal of
   * every log segment before it. A segment still receiving concurrent writes survives; a second
   * pass covers it when the first could not.
   */
  void compact() throws IOException {
    checkpoint(true);
    if (wal.files().size() > 1) {
      checkpoint(true);
    }
  }

  /**
   * The oldest data key version this collection's files use ({@link Wal#NO_KEY} if none). Waits for
   * a running checkpoint, whose key is not recorded until it is published.
   */
  int oldestKeyVersion() {
    checkpointLock.lock();
    try {
      return Math.min(checkpointKeyVersion, wal.oldestKeyVersion());
    } finally {
      checkpointLock.unlock();
    }
  }

  /** Closes for good because the collection is being deleted; racing calls see it as gone. */
  void closeForDelete() throws IOException {
    deleted = true;
    close();
  }

  /** The log's fsync count, for tests of group commit. */
  long forceCount() {
    return wal.forceCount();
  }

  /** Logs, fsyncs and then applies a write in log order; returns what applying it returned. */
  private <T> T commit(byte type, ByteBuffer body, Supplier<T> apply) {
    lifecycle.readLock().lock();
    try {
      ensureOpen();
      String failure = sequencer.failure();
      if (failure != null) {
        throw new VjvException(ErrorType.STORAGE_ERROR, refusal(failure));
      }
      Wal.Span span;
      try {
        span = wal.append(type, body);
        wal.sync(span.end());
      } catch (IOException | RuntimeException | Error e) {
        String message = "writing to the log " + wal.file() + " failed: " + e.getMessage();
        sequencer.fail(message);
        throw new VjvException(ErrorType.STORAGE_ERROR, label() + ": " + message, e);
      }
      List<T> result = new ArrayList<>(1);
      sequencer.applyInOrder(
          span.start(),
          span.end(),
          () -> {
            state.writeLock().lock();
            try {
              result.add(apply.get());
            } finally {
              state.writeLock().unlock();
            }
          });
      return result.get(0);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private String refusal(String failure) {
    return label()
        + " accepts no writes after a storage failure ("
        + failure
        + "); restart the engine to recover from the log";
  }

  private void ensureOpen() {
    if (deleted) {
      throw new VjvException(ErrorType.COLLECTION_NOT_FOUND, label() + " was deleted");
    }
    if (closed) {
      throw new VjvException(ErrorType.UNAVAILABLE, label() + " is closed");
    }
  }

  private String label() {
    return "collection " + tenant + "/" + meta.name();
  }
}
