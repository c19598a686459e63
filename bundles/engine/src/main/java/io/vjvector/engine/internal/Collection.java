package io.vjvector.engine.internal;

import io.vjvector.engine.CollectionInfo;
import io.vjvector.engine.Point;
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
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * One open collection: its metadata, its log and its in-memory points.
 *
 * <p>A write is validated, appended and fsynced to the log, and only then applied to memory and
 * acknowledged. Readers share {@code state}; applying a write takes it exclusively, so a search
 * never sees half a batch. Writers share {@code lifecycle} across their whole commit so that {@link
 * #close} can wait for them before closing the log.
 */
final class Collection implements Closeable {
  /** Below this many points, or with a filter, search scans exactly: it is as fast and exact. */
  static final int EXACT_BELOW = 10_000;

  private final String tenant;
  private final CollectionMeta meta;
  private final Wal wal;
  private final CollectionStore store;
  private final CommitSequencer sequencer;
  private final HnswGraph graph;
  private final Object graphLock = new Object();
  private volatile boolean graphBuilt; // written under graphLock, or before publication
  private final ReadWriteLock state = new ReentrantReadWriteLock();
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private volatile boolean closed;
  private volatile boolean deleted;

  private Collection(String tenant, CollectionMeta meta, Wal wal, CollectionStore store) {
    this.tenant = tenant;
    this.meta = meta;
    this.wal = wal;
    this.store = store;
    this.sequencer = new CommitSequencer(wal.end());
    this.graph = new HnswGraph(store, meta.distance(), meta.hnsw().m(), meta.hnsw().efConstruct());
    // Until checkpoints persist the graph, it is rebuilt from the replayed points.
    if (store.size() >= EXACT_BELOW) {
      buildGraph();
    }
  }

  /**
   * Links every live point. The graph is only kept once a collection is large enough to search
   * through it: smaller ones are scanned exactly, and their writes pay nothing for an index.
   */
  private void buildGraph() {
    graph.buildParallel();
    graphBuilt = true;
  }

  /** Writes the files of a new, empty collection into {@code dir}. */
  static void initialize(Path dir, CollectionMeta meta) throws IOException {
    FileSync.writeAtomically(dir.resolve(DataLayout.META_FILE), meta.toJson());
    Wal.create(dir.resolve(DataLayout.WAL_FILE));
  }

  /** Loads a collection by replaying its log. */
  static Collection open(String tenant, Path dir) throws IOException {
    Path metaFile = dir.resolve(DataLayout.META_FILE);
    Files.deleteIfExists(metaFile.resolveSibling(DataLayout.META_FILE + FileSync.TMP_SUFFIX));
    CollectionMeta meta = CollectionMeta.read(metaFile);
    if (!meta.name().equals(dir.getFileName().toString())) {
      throw new IOException(
          metaFile + " names collection '" + meta.name() + "' but lies in another directory");
    }
    CollectionStore store = new CollectionStore(meta.dimension());
    Wal wal =
        Wal.open(
            dir.resolve(DataLayout.WAL_FILE),
            (type, body) -> WalRecords.replay(type, body, meta.dimension(), store));
    return new Collection(tenant, meta, wal, store);
  }

  String name() {
    return meta.name();
  }

  CollectionInfo info() {
    state.readLock().lock();
    try {
      return new CollectionInfo(
          tenant,
          meta.name(),
          meta.dimension(),
          meta.distance(),
          meta.createdAt(),
          store.size(),
          graphBuilt ? graph.nodeCount() : 0,
          meta.hnsw(),
          (long) store.slotCount() * meta.dimension() * Float.BYTES,
          graph.memoryBytes(),
          diskBytes());
    } finally {
      state.readLock().unlock();
    }
  }

  private long diskBytes() {
    long bytes = 0;
    for (Path f : List.of(wal.file(), wal.file().resolveSibling(DataLayout.META_FILE))) {
      try {
        bytes += Files.size(f);
      } catch (IOException e) {
        // racing a delete: count what is left
      }
    }
    return bytes;
  }

  void upsert(List<Point> points) {
    List<Point> batch = RequestValidator.upsert(points, meta.dimension());
    ByteBuffer body = WalRecords.encodeUpsert(batch, meta.dimension());
    int[] slots = commit(WalRecords.UPSERT, body, () -> store.upsert(batch));
    // Linked before the write is acknowledged, so a search right after it can find the points.
    state.readLock().lock();
    try {
      synchronized (graphLock) {
        if (graphBuilt) {
          for (int slot : slots) {
            if (store.idAt(slot) != null) {
              graph.insert(slot);
            }
          }
        } else if (store.size() >= EXACT_BELOW) {
          buildGraph();
        }
      }
    } finally {
      state.readLock().unlock();
    }
  }

  int delete(List<PointId> ids) {
    List<PointId> distinct = RequestValidator.deleteIds(ids);
    List<PointId> known = new ArrayList<>(distinct.size());
    state.readLock().lock();
    try {
      for (PointId id : distinct) {
        if (store.contains(id)) {
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
    // Counted when applied: a concurrent delete of the same id may win the race.
    return commit(WalRecords.DELETE, WalRecords.encodeDelete(known), () -> store.delete(known));
  }

  List<Point> get(List<PointId> ids) {
    RequestValidator.ids(ids);
    ensureOpen();
    List<Point> found = new ArrayList<>(ids.size());
    state.readLock().lock();
    try {
      for (PointId id : ids) {
        Point p = store.get(id);
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
      return store.count(filter);
    } finally {
      state.readLock().unlock();
    }
  }

  List<ScoredPoint> search(SearchRequest request) {
    float[] query = RequestValidator.search(request, meta.dimension());
    ensureOpen();
    state.readLock().lock();
    try {
      boolean unfiltered = request.filter() == null || request.filter().isEmpty();
      int window = request.limit() + request.offset();
      if (!request.exact()
          && graphBuilt
          && unfiltered
          && store.size() >= EXACT_BELOW
          && window <= store.size() / 2) {
        return GraphSearch.search(store, graph, meta.distance(), query, request);
      }
      return ExactSearch.search(store, meta.distance(), query, request.filter(), request);
    } finally {
      state.readLock().unlock();
    }
  }

  ScrollPage scroll(ScrollRequest request) {
    if (request == null) {
      throw new VjvException(ErrorType.INVALID_REQUEST, "a scroll request is required");
    }
    RequestValidator.window(request.limit(), 0);
    ensureOpen();
    state.readLock().lock();
    try {
      return Scroll.page(store, request);
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
      float[] query = Examples.query(store, meta.dimension(), request.positive(), negative);
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
              true,
              null);
      return ExactSearch.search(store, meta.distance(), query, notExamples, search);
    } finally {
      state.readLock().unlock();
    }
  }

  /** Waits for in-flight writes, then closes the log; later calls fail. */
  @Override
  public void close() throws IOException {
    lifecycle.writeLock().lock();
    try {
      closed = true;
      wal.close();
    } finally {
      lifecycle.writeLock().unlock();
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
