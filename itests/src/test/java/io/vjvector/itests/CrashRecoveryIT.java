package io.vjvector.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/**
 * Kills a real node with SIGKILL in the middle of concurrent batch upserts and deletes, restarts
 * it, and checks that every acknowledged write is there exactly (vector and payload) and no
 * acknowledged delete came back. Then a graceful restart keeps everything too.
 */
public class CrashRecoveryIT {
  private static final int DIM = 16;
  private static final int WRITERS = 3;
  private static final int BATCH = 50;
  private static final int ROUNDS = 5;
  private static final int PRELOAD = 10_500; // above the graph threshold: the graph is live
  private static final int ACKED_BATCHES_BEFORE_KILL = 40;
  private static final Duration MAX_ROUND = Duration.ofSeconds(60);

  /** Acknowledged upserts (id to its round) and deletes, across all rounds. */
  private final Map<Long, Integer> upserted = new ConcurrentHashMap<>();

  private final Set<Long> deleted = ConcurrentHashMap.newKeySet();
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
  private final Queue<Long> deletable = new ConcurrentLinkedQueue<>();

  private static void pause() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  public void acknowledgedWritesSurviveKillNine() throws Exception {
    try (NodeProcess node = NodeProcess.unpack("crash", 18281)) {
      // checkpoints from 1 MiB of log on (and half the last checkpoint), so kills land before,
      // during and after them
      node.env("VJV_CHECKPOINT_LOG_MB", "1").start();
      Http http = node.http();
      assertEquals(
          201,
          http.post("collections", Map.of("name", "crash", "dimension", DIM, "distance", "cosine"))
              .status);
      long preloadBase = 1L << 40;
      for (int from = 0; from < PRELOAD; from += 1000) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (long id = preloadBase + from; id < preloadBase + from + 1000; id++) {
          points.add(Map.of("id", id, "vector", vector(id), "payload", payload(id, 0)));
          upserted.put(id, 0);
          if (id % 5 == 0) {
            deletable.add(id);
          }
        }
        assertEquals(200, http.put("collections/crash/points", Map.of("points", points)).status);
      }
      for (int round = 0; round < ROUNDS; round++) {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger batches = new AtomicInteger();
        List<Thread> load = startLoad(http, round, stop, batches);
        long deadline = System.nanoTime() + MAX_ROUND.toNanos();
        while (batches.get() < ACKED_BATCHES_BEFORE_KILL && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        assertTrue(
            "acknowledged batches before the kill", batches.get() >= ACKED_BATCHES_BEFORE_KILL);
        node.kill9(); // while the writers are still sending
        stop.set(true);
        for (Thread t : load) {
          t.join(60_000);
          assertFalse("load thread ended", t.isAlive());
        }
        node.start();
        verify(node.http());
      }
      node.stop();
      node.start();
      verify(node.http());
      java.nio.file.Path dir =
          node.home().resolve("data/vjvector/tenants/default/collections/crash");
      assertTrue(
          "checkpoints were taken during the rounds",
          java.nio.file.Files.exists(dir.resolve("checkpoint.bin")));
      System.out.println(
          "CRASH-TEST rounds="
              + ROUNDS
              + " acknowledged upserts="
              + upserted.size()
              + " acknowledged deletes="
              + deleted.size()
              + " unacknowledged in flight="
              + inFlight.size());
    }
  }

  private List<Thread> startLoad(Http http, int round, AtomicBoolean stop, AtomicInteger batches) {
    long deadline = System.nanoTime() + MAX_ROUND.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      final int writer = w;
      threads.add(
          new Thread(
              () -> {
                for (long b = 0; b < 10_000 && !stop.get() && System.nanoTime() < deadline; b++) {
                  long first = ((round * 16L + writer) << 32) + b * BATCH;
                  List<Map<String, Object>> points = new ArrayList<>();
                  for (long id = first; id < first + BATCH; id++) {
                    points.add(
                        Map.of("id", id, "vector", vector(id), "payload", payload(id, round)));
                    inFlight.add(id);
                  }
                  try {
                    Http.Reply r = http.put("collections/crash/points", Map.of("points", points));
                    if (r.status != 200) {
                      throw new AssertionError("upsert failed before the kill: " + r);
                    }
                    for (long id = first; id < first + BATCH; id++) {
                      upserted.put(id, round);
                      inFlight.remove(id);
                      if (id % 7 == 0) {
                        deletable.add(id);
                      }
                    }
                    batches.incrementAndGet();
                  } catch (IOException | InterruptedException e) {
                    return; // the node was killed under us: this batch was never acknowledged
                  }
                }
              }));
    }
    threads.add(
        new Thread(
            () -> {
              while (!stop.get() && System.nanoTime() < deadline) {
                List<Long> victims = new ArrayList<>();
                for (Long id = deletable.poll(); id != null; id = deletable.poll()) {
                  victims.add(id);
                  if (victims.size() == 20) {
                    break;
                  }
                }
                if (victims.isEmpty()) {
                  pause();
                  continue;
                }
                inFlight.addAll(victims);
                try {
                  Http.Reply r =
                      http.post("collections/crash/points/delete", Map.of("ids", victims));
                  if (r.status != 200) {
                    throw new AssertionError("delete failed before the kill: " + r);
                  }
                  deleted.addAll(victims);
                  inFlight.removeAll(victims);
                } catch (IOException | InterruptedException e) {
                  return;
                }
              }
            }));
    threads.forEach(Thread::start);
    return threads;
  }

  private void verify(Http http) throws Exception {
    List<Long> ids = new ArrayList<>(upserted.keySet());
    ids.addAll(inFlight);
    Map<Long, JsonNode> found = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 2000) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 2000));
      Http.Reply r = http.post("collections/crash/points/get", Map.of("ids", chunk));
      assertEquals(r.toString(), 200, r.status);
      for (JsonNode p : r.json().get("points")) {
        found.put(p.get("id").asLong(), p);
      }
    }
    int expectedLive = 0;
    for (Map.Entry<Long, Integer> e : upserted.entrySet()) {
      long id = e.getKey();
      if (inFlight.contains(id)) {
        continue; // a delete of it was in flight: either outcome is allowed
      }
      if (deleted.contains(id)) {
        assertFalse("acknowledged delete of " + id + " came back", found.containsKey(id));
        continue;
      }
      expectedLive++;
      JsonNode p = found.get(id);
      assertTrue("acknowledged point " + id + " lost", p != null);
      assertExact(id, e.getValue(), p);
    }
    for (Long id : inFlight) {
      JsonNode p = found.get(id);
      if (p != null && !upserted.containsKey(id)) {
        assertExact(
            id, (int) ((id >>> 32) / 16), p); // an unacknowledged upsert may land, but whole
      }
    }
    long count = http.get("collections/crash").json().get("points_count").asLong();
    assertTrue("count " + count + " >= " + expectedLive, count >= expectedLive);
    assertTrue(count <= expectedLive + inFlight.size());
    // Search (through the graph, which is live) finds live points and never a deleted one.
    int probes = 0;
    for (Long id : deleted) {
      if (probes++ == 20) {
        break;
      }
      JsonNode hits =
          http.post("collections/crash/search", Map.of("vector", vector(id), "limit", 20))
              .json()
              .get("result");
      assertEquals(20, hits.size());
      for (JsonNode h : hits) {
        long hit = h.get("id").asLong();
        assertFalse("deleted " + hit + " found by search", deleted.contains(hit));
      }
      assertTrue(hits.get(0).get("score").floatValue() > 0.999f);
    }
  }

  @Test
  public void tornTailIsCutAndMidLogCorruptionIsRefusedClearly() throws Exception {
    try (NodeProcess node = NodeProcess.unpack("corrupt", 18291)) {
      node.start();
      Http http = node.http();
      for (String c : List.of("torn", "intact")) {
        assertEquals(
            201,
            http.post("collections", Map.of("name", c, "dimension", DIM, "distance", "dot"))
                .status);
        List<Map<String, Object>> points = new ArrayList<>();
        for (long id = 0; id < 100; id++) {
          points.add(Map.of("id", id, "vector", vector(id), "payload", payload(id, 0)));
        }
        assertEquals(
            200, http.put("collections/" + c + "/points", Map.of("points", points)).status);
      }
      node.kill9();
      java.nio.file.Path wal =
          node.home()
              .resolve("data/vjvector/tenants/default/collections/torn/wal-0000000000000000.log");
      long intact = java.nio.file.Files.size(wal);
      // a write torn by the crash: half a record header and some bytes of body
      java.nio.file.Files.write(
          wal,
          new byte[] {0, 0, 1, 0, 7, 7, 7, 7, 1, 42, 42},
          java.nio.file.StandardOpenOption.APPEND);
      node.start();
      http = node.http();
      assertEquals(100, http.get("collections/torn").json().get("points_count").asInt());
      assertEquals("the torn tail was cut off", intact, java.nio.file.Files.size(wal));
      assertExact(42, 0, http.get("collections/torn/points/42").json());
      assertEquals(
          200,
          http.put(
                  "collections/torn/points",
                  Map.of("points", List.of(Map.of("id", 500, "vector", vector(500)))))
              .status);

      node.kill9();
      // damage inside the first record while later records stay intact: never silently dropped
      try (java.nio.channels.FileChannel ch =
          java.nio.channels.FileChannel.open(wal, java.nio.file.StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xFF}), 40);
      }
      node.start();
      http = node.http();
      Http.Reply refused = http.get("collections/torn");
      assertEquals(refused.toString(), 500, refused.status);
      assertTrue(refused.toString(), refused.body.contains("storage-error"));
      assertTrue(refused.toString(), refused.body.contains("wal-0000000000000000.log"));
      assertEquals(100, http.get("collections/intact").json().get("points_count").asInt());
    }
  }

  @Test
  public void indexedCollectionComesBackSearchableAfterKillNine() throws Exception {
    int n = 20_000; // above the exact-search threshold: the HNSW graph is built and used
    try (NodeProcess node = NodeProcess.unpack("graph", 18301)) {
      node.env("VJV_CHECKPOINT_LOG_MB", "1").start();
      Http http = node.http();
      assertEquals(
          201,
          http.post("collections", Map.of("name", "g", "dimension", DIM, "distance", "euclidean"))
              .status);
      for (int from = 0; from < n; from += 1000) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (long id = from; id < from + 1000; id++) {
          points.add(Map.of("id", id, "vector", vector(id * 7919)));
        }
        assertEquals(200, http.put("collections/g/points", Map.of("points", points)).status);
      }
      awaitGreen(http, "g");
      assertEquals(n, http.get("collections/g").json().get("indexed_points_count").asInt());
      java.nio.file.Path checkpoint =
          node.home().resolve("data/vjvector/tenants/default/collections/g/checkpoint.bin");
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!java.nio.file.Files.exists(checkpoint) && System.nanoTime() < deadline) {
        Thread.sleep(100); // written in the background once 1 MiB of log has accumulated
      }
      assertTrue("a checkpoint was written", java.nio.file.Files.exists(checkpoint));
      node.kill9();
      node.start();
      http = node.http();
      JsonNode info = http.get("collections/g").json();
      assertEquals(n, info.get("points_count").asInt());
      awaitGreen(http, "g");
      info = http.get("collections/g").json();
      assertEquals("graph loaded and caught up", n, info.get("indexed_points_count").asInt());
      int agree = 0;
      for (long probe = 5; probe < n; probe += 1000) {
        Map<String, Object> query = Map.of("vector", vector(probe * 7919), "limit", 10);
        JsonNode approx = http.post("collections/g/search", query).json().get("result");
        assertEquals("a stored vector finds itself first", probe, approx.get(0).get("id").asLong());
        JsonNode exact =
            http.post(
                    "collections/g/search",
                    Map.of(
                        "vector",
                        vector(probe * 7919),
                        "limit",
                        10,
                        "params",
                        Map.of("exact", true)))
                .json()
                .get("result");
        Set<Long> truth = new java.util.HashSet<>();
        exact.forEach(h -> truth.add(h.get("id").asLong()));
        for (JsonNode h : approx) {
          agree += truth.contains(h.get("id").asLong()) ? 1 : 0;
        }
      }
      assertTrue("recall@10 of the rebuilt graph: " + agree + "/200", agree >= 190);
    }
  }

  private static void awaitGreen(Http http, String collection) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if ("green".equals(http.get("collections/" + collection).json().get("status").asText())) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(collection + " did not finish indexing within 120 s");
  }

  private static void assertExact(long id, int round, JsonNode p) {
    float[] expected = vector(id);
    float[] actual = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      actual[d] = p.get("vector").get(d).floatValue();
    }
    assertArrayEquals("vector of " + id, expected, actual, 0f);
    assertEquals(payload(id, round).get("tag"), p.get("payload").get("tag").asText());
    assertEquals(id, p.get("payload").get("id").asLong());
    assertEquals(round, p.get("payload").get("round").asInt());
  }

  private static float[] vector(long id) {
    float[] v = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      v[d] = (float) Math.sin(id * 0.001 + d) + d * 0.01f;
    }
    return v;
  }

  private static Map<String, Object> payload(long id, int round) {
    return Map.of("id", id, "round", round, "tag", "p-" + Long.toHexString(id));
  }
}
