package io.vjvector.engine.internal;

import static io.vjvector.engine.internal.Fixtures.assertError;
import static io.vjvector.engine.internal.Fixtures.ids;
import static io.vjvector.engine.internal.Fixtures.map;
import static io.vjvector.engine.internal.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.Point;
import io.vjvector.engine.RecommendRequest;
import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.ScrollRequest;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collection retention: expiry as readers see it, the sweep, and write times across restarts. */
class RetentionTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  @TempDir Path dir;
  private final TestClock clock = new TestClock(T0);

  /** A clock the test moves by hand. */
  static final class TestClock extends Clock {
    private volatile long millis;

    TestClock(long millis) {
      this.millis = millis;
    }

    void set(long to) {
      millis = to;
    }

    void advance(Duration d) {
      millis += d.toMillis();
    }

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** Encrypted (the default), the test's clock, no automatic sweep, small sweep batches. */
  private EngineService open(int sweepBatch) {
    EngineOptions options =
        Fixtures.encryption(true, null).with(new EngineOptions.Expiry(clock, 0, sweepBatch));
    assertTrue(options.encryption().enabled());
    return new EngineService(dir, options);
  }

  private EngineService open() {
    return open(10_000);
  }

  private static CollectionSpec spec(Duration retention) {
    return new CollectionSpec("c", 2, Distance.EUCLID, null, null, null, retention);
  }

  private static Set<Long> numbers(List<? extends Object> pointsOrHits) {
    Set<Long> out = new TreeSet<>();
    for (Object o : pointsOrHits) {
      PointId id = o instanceof Point p ? p.id() : ((ScoredPoint) o).id();
      out.add(id.number());
    }
    return out;
  }

  private static SearchRequest query(int limit, Filter filter, boolean exact) {
    return new SearchRequest(
        new float[] {0, 0}, limit, 0, null, filter, false, null, false, exact, null);
  }

  private static Set<Long> all(EngineService engine) {
    return numbers(
        engine.scroll("t", "c", new ScrollRequest(null, 1000, null, false, false)).points());
  }

  @Test
  void expiredPointsAreInvisibleToEveryReadAtTheirDeadline() {
    try (EngineService engine = open()) {
      engine.createCollection("t", spec(TEN_MINUTES));
      engine.upsert(
          "t",
          "c",
          List.of(
              point(1, new float[] {0, 0}, map("k", "a")),
              point(2, new float[] {1, 0}, map("k", "a"))));
      clock.advance(Duration.ofMinutes(5));
      engine.upsert("t", "c", List.of(point(3, new float[] {2, 0}, map("k", "a"))));
      engine.upsert("t", "c", List.of(point(2, new float[] {1, 1}, map("k", "a")))); // refresh
      clock.set(T0 + TEN_MINUTES.toMillis() - 1);
      assertEquals(Set.of(1L, 2L, 3L), all(engine), "one millisecond before the deadline");

      clock.set(T0 + TEN_MINUTES.toMillis());
      Filter byPayload = Filter.must(List.of(new Filter.Match("k", "a")));
      assertEquals(List.of(), engine.get("t", "c", ids(1)));
      assertEquals(Set.of(2L, 3L), numbers(engine.get("t", "c", ids(1, 2, 3))));
      assertEquals(2, engine.count("t", "c", Filter.none()));
      assertEquals(2, engine.count("t", "c", byPayload));
      assertEquals(2, engine.collection("t", "c").orElseThrow().pointCount());
      assertEquals(Set.of(2L, 3L), numbers(engine.search("t", "c", query(10, null, false))));
      assertEquals(Set.of(2L, 3L), numbers(engine.search("t", "c", query(10, null, true))));
      assertEquals(Set.of(2L, 3L), numbers(engine.search("t", "c", query(10, byPayload, false))));
      assertEquals(
          List.of(2L), List.copyOf(numbers(engine.search("t", "c", query(1, null, false)))));
      assertEquals(Set.of(2L, 3L), all(engine));
      assertEquals(
          Set.of(2L, 3L),
          numbers(
              engine
                  .scroll("t", "c", new ScrollRequest(null, 10, byPayload, false, false))
                  .points()));
      assertError(
          ErrorType.NOT_FOUND,
          () ->
              engine.recommend(
                  "t", "c", new RecommendRequest(ids(1), null, 10, null, null, false, false)));
      assertEquals(
          Set.of(3L),
          numbers(
              engine.recommend(
                  "t", "c", new RecommendRequest(ids(2), null, 10, null, null, false, false))));
      assertEquals(0, engine.delete("t", "c", ids(1)), "an expired point is already gone");

      // an upsert brings an expired id back as a new point
      engine.upsert("t", "c", List.of(point(1, new float[] {5, 5}, map("k", "b"))));
      assertEquals(3, engine.count("t", "c", Filter.none()));
      assertEquals(
          1, engine.deleteByFilter("t", "c", Filter.must(List.of(new Filter.Match("k", "b")))));

      clock.set(T0 + Duration.ofMinutes(15).toMillis());
      assertEquals(Set.of(), all(engine));
      assertEquals(0, engine.count("t", "c", Filter.none()));
      assertEquals(List.of(), engine.search("t", "c", query(10, null, false)));
    }
  }

  @Test
  void sweepDeletesExpiredPointsDurablyInBoundedBatches() {
    try (EngineService engine = open(3)) {
      engine.createCollection("t", spec(TEN_MINUTES));
      List<Point> old = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        old.add(point(i, i, i));
      }
      engine.upsert("t", "c", old);
      clock.advance(Duration.ofMinutes(6));
      engine.upsert("t", "c", List.of(point(100, 1, 1), point(101, 2, 2)));
      clock.advance(Duration.ofMinutes(5)); // the first ten expired, the last two not
      int runs = 0;
      boolean more;
      do {
        more = engine.sweepExpired();
        runs++;
      } while (more);
      assertTrue(runs >= 3, "10 points in batches of 3 take several runs, took " + runs);
      assertEquals(Set.of(100L, 101L), all(engine));
    }
    // Back in time: had they only been hidden, the expired points would be visible again.
    clock.set(T0);
    try (EngineService engine = open()) {
      assertEquals(Set.of(100L, 101L), all(engine), "replayed from the log");
      engine.compact("t", "c");
    }
    try (EngineService engine = open()) {
      assertEquals(Set.of(100L, 101L), all(engine), "loaded from the checkpoint");
      assertEquals(2, engine.count("t", "c", Filter.none()));
    }
  }

  @Test
  void sweepKeepsPointsWrittenAgainAfterTheirCutoff() {
    CollectionStore store = new CollectionStore(2);
    store.upsert(List.of(point(1, 1, 1), point(2, 2, 2)), 100);
    store.upsert(List.of(point(2, 3, 3)), 200); // written again after the sweep chose it
    assertEquals(1, store.expire(ids(1, 2), 150));
    assertNull(store.slotOf(PointId.of(1)));
    assertEquals(200, store.writeTimeAt(store.slotOf(PointId.of(2))));
    // and the same in replay: the record carries the cutoff
    CollectionStore replayed = new CollectionStore(2);
    WalRecords.replay(
        WalRecords.UPSERT_AT,
        WalRecords.encodeUpsert(List.of(point(1, 1, 1), point(2, 2, 2)), 2, 100),
        2,
        replayed,
        999);
    WalRecords.replay(
        WalRecords.UPSERT_AT,
        WalRecords.encodeUpsert(List.of(point(2, 3, 3)), 2, 200),
        2,
        replayed,
        999);
    WalRecords.replay(WalRecords.EXPIRE, WalRecords.encodeExpire(ids(1, 2), 150), 2, replayed, 999);
    assertEquals(1, replayed.size());
    assertEquals(200, replayed.writeTimeAt(replayed.slotOf(PointId.of(2))));
  }

  @Test
  void setRetentionShortensLengthensAndRemovesDurably() throws Exception {
    Path meta = new DataLayout(dir).collectionDir("t", "c").resolve(DataLayout.META_FILE);
    try (EngineService engine = open()) {
      engine.createCollection("t", spec(null));
      assertNull(engine.collection("t", "c").orElseThrow().retention());
      engine.upsert("t", "c", List.of(point(1, 1, 1)));
      clock.advance(Duration.ofMinutes(30));
      engine.upsert("t", "c", List.of(point(2, 2, 2)));
      clock.advance(Duration.ofMinutes(30)); // 1 is an hour old, 2 half an hour
      assertEquals(Set.of(1L, 2L), all(engine));

      engine.setRetention("t", "c", Duration.ofMinutes(45));
      assertEquals(Set.of(2L), all(engine));
      assertEquals(Duration.ofMinutes(45), engine.spec("t", "c").orElseThrow().retention());
      assertEquals(Duration.ofMinutes(45), engine.collection("t", "c").orElseThrow().retention());
    }
    try (EngineService engine = open()) {
      assertEquals(Set.of(2L), all(engine), "shortened, after a restart");
      engine.setRetention("t", "c", Duration.ofHours(2));
      assertEquals(Set.of(1L, 2L), all(engine), "lengthened before the sweep deleted 1");
    }
    try (EngineService engine = open()) {
      assertEquals(Duration.ofHours(2), engine.spec("t", "c").orElseThrow().retention());
      assertEquals(Set.of(1L, 2L), all(engine));
      engine.setRetention("t", "c", Duration.ofMinutes(20));
      assertEquals(Set.of(), all(engine));
      engine.setRetention("t", "c", Duration.ZERO);
      assertEquals(Set.of(1L, 2L), all(engine));
      assertNull(engine.spec("t", "c").orElseThrow().retention());
      assertFalse(Files.readString(meta).contains("retention"), Files.readString(meta));
      assertError(
          ErrorType.INVALID_REQUEST, () -> engine.setRetention("t", "c", Duration.ofSeconds(-1)));
      assertError(
          ErrorType.INVALID_REQUEST, () -> engine.setRetention("t", "c", Duration.ofNanos(10)));
      assertError(
          ErrorType.INVALID_REQUEST, () -> engine.setRetention("t", "c", Duration.ofDays(40_000)));
      assertError(
          ErrorType.INVALID_REQUEST,
          () ->
              engine.createCollection(
                  "t",
                  new CollectionSpec(
                      "bad", 2, Distance.DOT, null, null, null, Duration.ofMillis(-5))));
      engine.setRetention("t", "c", Duration.ofMinutes(20));
      assertTrue(Files.readString(meta).contains("\"retentionMillis\": 1200000"));
      clock.advance(Duration.ofMinutes(1));
      engine.sweepExpired();
      engine.setRetention("t", "c", null);
      assertEquals(Set.of(), all(engine), "removing the retention does not undo the sweep");
    }
    try (EngineService engine = open()) {
      assertNull(engine.collection("t", "c").orElseThrow().retention());
      assertEquals(Set.of(), all(engine));
    }
  }

  @Test
  void recoveryKeepsTheRecordedWriteTimes() throws Exception {
    try (EngineService engine = open()) {
      engine.createCollection("t", spec(TEN_MINUTES));
      engine.upsert("t", "c", List.of(point(1, 1, 1), point(2, 2, 2)));
      clock.advance(Duration.ofMinutes(5));
      engine.upsert("t", "c", List.of(point(3, 3, 3), point(2, 4, 4)));
    }
    clock.set(T0 + Duration.ofMinutes(12).toMillis());
    try (EngineService engine = open()) {
      assertEquals(Set.of(2L, 3L), all(engine), "replayed with the times of the records");
      clock.set(T0 + Duration.ofMinutes(16).toMillis());
      assertEquals(Set.of(), all(engine), "not refreshed by the replay");
      clock.set(T0 + Duration.ofMinutes(12).toMillis());
      assertTrue(engine.checkpoint("t", "c") > 0);
    }
    clock.set(T0 + Duration.ofMinutes(14).toMillis());
    try (EngineService engine = open()) {
      assertEquals(Set.of(2L, 3L), all(engine), "loaded from the checkpoint with the same times");
      clock.set(T0 + Duration.ofMinutes(15).toMillis());
      assertEquals(Set.of(), all(engine));
    }
  }

  @Test
  void unfilteredGraphSearchSkipsExpiredPoints() throws Exception {
    int batches = 6;
    int size = 2_000;
    Random random = new Random(5);
    try (EngineService engine = open()) {
      engine.createCollection(
          "t", new CollectionSpec("c", 8, Distance.COSINE, null, null, null, TEN_MINUTES));
      for (int b = 0; b < batches; b++) {
        // the first half written a second apart, the rest five minutes later
        clock.set(T0 + (b < batches / 2 ? b * 1000L : Duration.ofMinutes(5).toMillis()));
        List<Point> batch = new ArrayList<>();
        for (int i = b * size; i < (b + 1) * size; i++) {
          batch.add(new Point(PointId.of(i), Fixtures.randomVector(random, 8), map()));
        }
        engine.upsert("t", "c", batch);
      }
      assertTrue(batches * size >= Collection.EXACT_BELOW, "the collection has a graph");
      assertTrue(engine.awaitIndexed("t", "c", 120_000));
      clock.set(T0 + TEN_MINUTES.toMillis() + 2_500);
      assertEquals(batches * size / 2, engine.count("t", "c", Filter.none()));
      for (int q = 0; q < 20; q++) {
        float[] v = Fixtures.randomVector(random, 8);
        SearchRequest request = new SearchRequest(v, 10, Filter.none(), false, false);
        List<ScoredPoint> hits = engine.search("t", "c", request);
        assertEquals(FilterPlanner.Plan.FILTERED_GRAPH, engine.explain("t", "c", request).plan());
        assertEquals(10, hits.size());
        assertTrue(hits.stream().allMatch(h -> h.id().number() >= batches * size / 2));
        List<PointId> found = new ArrayList<>();
        hits.forEach(h -> found.add(h.id()));
        assertEquals(found.size(), engine.get("t", "c", found).size(), "all hits are visible");
      }
    }
  }

  @Test
  void olderFilesOpenAndTheirPointsCountAsWrittenAtOpen() throws Exception {
    Path collection = new DataLayout(dir).collectionDir("t", "c");
    try (EngineService engine = open()) {
      engine.createCollection("t", spec(null));
      engine.upsert("t", "c", List.of(point(1, 1, 1)));
    }
    // Metadata as the previous version wrote it: no retention key.
    Path meta = collection.resolve(DataLayout.META_FILE);
    String json = Files.readString(meta);
    assertFalse(json.contains("retention"));
    Files.writeString(
        meta,
        "{\"format\": 1, \"name\": \"c\", \"dimension\": 2, \"distance\": \"euclid\","
            + " \"createdAt\": \"2024-01-01T00:00:00Z\"}\n",
        StandardCharsets.UTF_8);
    // A log record as the previous version wrote it (type 1: no write time), sealed.
    EngineOptions options = Fixtures.encryption(true, null);
    KeyService keys = new KeyService(new DataLayout(dir), options.encryption());
    keys.start();
    keys.load("t");
    DataCipher cipher = new DataCipher(keys, "t", "c");
    try (Wal wal = Wal.open(collection, 0, cipher, (type, body) -> {})) {
      ByteBuffer timed = WalRecords.encodeUpsert(List.of(point(2, 2, 2)), 2, 0);
      Wal.Span span = wal.append(WalRecords.UPSERT, timed.position(8).slice());
      wal.sync(span.end());
    }
    long openedAt = T0 + Duration.ofHours(1).toMillis();
    clock.set(openedAt);
    try (EngineService engine = open()) {
      assertNull(engine.spec("t", "c").orElseThrow().retention(), "no key: forever");
      assertEquals(Set.of(1L, 2L), all(engine));
      engine.setRetention("t", "c", TEN_MINUTES);
      assertEquals(Set.of(2L), all(engine), "1 was written at T0, 2 counts as written at open");
      engine.sweepExpired(); // also records the open time of 2 in a checkpoint
      assertTrue(Files.exists(collection.resolve(Checkpoint.FILE)));
    }
    clock.set(openedAt + TEN_MINUTES.toMillis() - 1);
    try (EngineService engine = open()) {
      assertEquals(Set.of(2L), all(engine), "its time is kept, not reset by this open");
      clock.set(openedAt + TEN_MINUTES.toMillis());
      assertEquals(Set.of(), all(engine));
    }
  }
}
