package io.vjvector.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Swaps the engine bundle and the REST feature while clients keep searching and writing: no wrong
 * answer, no lost acknowledged write, failures only as 503 or refused connections, and service
 * resumes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT extends VjvExamSupport {
  private static final int DIM = 8;
  private static final int BASE_POINTS = 300;
  private static final int QUERIES = 5;
  private static final long MAX_REQUESTS = 200_000;
  private static final Duration MAX_LOAD = Duration.ofSeconds(180);

  /** What the clients saw. */
  static final class Tally {
    final AtomicInteger ok = new AtomicInteger();
    final AtomicInteger wrong = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final Map<Integer, AtomicInteger> other = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> failuresByPhase = new ConcurrentHashMap<>();
    final List<String> samples = new ArrayList<>();

    int failed() {
      return unavailable.get()
          + refused.get()
          + other.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    synchronized void sample(String s) {
      if (samples.size() < 5) {
        samples.add(s);
      }
    }

    @Override
    public String toString() {
      return "ok="
          + ok
          + " wrong="
          + wrong
          + " 503="
          + unavailable
          + " refused="
          + refused
          + " other="
          + other
          + " by phase="
          + failuresByPhase
          + " samples="
          + samples;
    }
  }

  @Test
  public void swapsUnderLoad() throws Exception {
    awaitReady();
    assertEquals(
        201,
        http.post("collections", Map.of("name", "swap", "dimension", DIM, "distance", "euclidean"))
            .status);
    List<Map<String, Object>> points = new ArrayList<>();
    for (int i = 0; i < BASE_POINTS; i++) {
      points.add(PlatformIT.point(i, vector(i, 1f), Map.of("i", i)));
    }
    assertEquals(200, http.put("collections/swap/points", Map.of("points", points)).status);
    List<String> expected = new ArrayList<>();
    for (int q = 0; q < QUERIES; q++) {
      expected.add(ids(http.post("collections/swap/search", query(q)).json()));
    }

    Tally searches = new Tally();
    Tally writes = new Tally();
    Set<Integer> acknowledged = new ConcurrentSkipListSet<>();
    AtomicBoolean stop = new AtomicBoolean();
    long deadline = System.nanoTime() + MAX_LOAD.toNanos();
    Thread searcher =
        new Thread(
            () -> {
              Http client = new Http(HTTP_PORT);
              for (long n = 0;
                  n < MAX_REQUESTS && !stop.get() && System.nanoTime() < deadline;
                  n++) {
                int q = (int) (n % QUERIES);
                try {
                  Http.Reply r = client.post("collections/swap/search", query(q));
                  if (r.status == 200) {
                    if (ids(r.json()).equals(expected.get(q))) {
                      searches.ok.incrementAndGet();
                    } else {
                      searches.wrong.incrementAndGet();
                      searches.sample("wrong: " + r.body);
                    }
                  } else {
                    classify(searches, r);
                  }
                } catch (IOException e) {
                  failed(searches, "refused");
                  searches.refused.incrementAndGet();
                  pause();
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    Thread writer =
        new Thread(
            () -> {
              Http client = new Http(HTTP_PORT);
              // far from every query, so that the searches' expected answers do not change
              for (int id = 100_000;
                  id < 100_000 + MAX_REQUESTS && !stop.get() && System.nanoTime() < deadline;
                  id++) {
                try {
                  Http.Reply r =
                      client.put(
                          "collections/swap/points",
                          Map.of(
                              "points",
                              List.of(PlatformIT.point(id, vector(id, 1000f), Map.of("w", id)))));
                  if (r.status == 200) {
                    acknowledged.add(id);
                    writes.ok.incrementAndGet();
                  } else {
                    classify(writes, r);
                  }
                } catch (IOException e) {
                  failed(writes, "refused");
                  writes.refused.incrementAndGet();
                  pause();
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    searcher.start();
    writer.start();
    try {
      awaitProgress(searches, 50);

      Bundle engine = bundle("io.vjvector.engine");
      phase = "engine-update";
      engine.update();
      awaitReady();
      awaitProgress(searches, 50);
      phase = "engine-restart";
      engine.stop();
      engine.start();
      awaitReady();
      awaitProgress(searches, 50);

      phase = "rest-feature-reinstall";
      // Make the single features explicit, so that removing vjvector-rest is not vetoed by the
      // umbrella.
      features.installFeatures(
          Set.of("vjvector-engine", "vjvector-rest", "vjvector-console", "vjvector-http-gate"),
          EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
      features.uninstallFeature("vjvector");
      features.uninstallFeature(
          "vjvector-rest", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
      assertTrue(
          "vjvector-rest removed", !features.isInstalled(features.getFeature("vjvector-rest")));
      Http.Reply during = http.get("collections/swap");
      assertEquals(during.toString(), 503, during.status);
      phase = "rest-install";
      features.installFeature(
          "vjvector-rest", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
      awaitReady();
      awaitProgress(searches, 50);
      phase = "after";
    } finally {
      stop.set(true);
      searcher.join(60_000);
      writer.join(60_000);
    }

    System.out.println("HOT-SWAP searches: " + searches + " failed=" + searches.failed());
    System.out.println("HOT-SWAP writes: " + writes + " failed=" + writes.failed());
    assertEquals(searches.toString(), 0, searches.wrong.get());
    assertTrue(searches.toString(), searches.other.isEmpty());
    assertTrue(writes.toString(), writes.other.isEmpty());
    assertTrue("searches resumed: " + searches, searches.ok.get() >= 200);
    assertTrue("failures are bounded: " + searches, searches.failed() < searches.ok.get());

    for (int q = 0; q < QUERIES; q++) {
      assertEquals(expected.get(q), ids(http.post("collections/swap/search", query(q)).json()));
    }
    JsonNode info = http.get("collections/swap").json();
    assertEquals(BASE_POINTS + acknowledged.size(), info.get("points_count").asInt());
    List<Object> ackIds = new ArrayList<>(acknowledged);
    for (int from = 0; from < ackIds.size(); from += 1000) {
      List<Object> chunk = ackIds.subList(from, Math.min(ackIds.size(), from + 1000));
      JsonNode got =
          http.post("collections/swap/points/get", Map.of("ids", chunk)).json().get("points");
      assertEquals("every acknowledged write is there", chunk.size(), got.size());
    }
  }

  private static volatile String phase = "warm-up";

  private static void failed(Tally t, String what) {
    t.failuresByPhase
        .computeIfAbsent(phase + " " + what, k -> new AtomicInteger())
        .incrementAndGet();
  }

  private static void classify(Tally t, Http.Reply r) {
    failed(t, String.valueOf(r.status));
    if (r.status == 503 && r.contentType.startsWith("application/problem+json")) {
      t.unavailable.incrementAndGet();
      pause();
    } else {
      t.other.computeIfAbsent(r.status, s -> new AtomicInteger()).incrementAndGet();
      t.sample(r.toString());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50); // a client backing off on 503, as Retry-After asks (shorter, for the test)
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitProgress(Tally t, int more) throws InterruptedException {
    int target = t.ok.get() + more;
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (t.ok.get() < target && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertTrue("searches made progress: " + t, t.ok.get() >= target);
  }

  private static float[] vector(int i, float scale) {
    float[] v = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      v[d] = scale * (float) Math.sin(i * 0.37 + d * 1.3);
    }
    return v;
  }

  private static Map<String, Object> query(int q) {
    return Map.of("vector", vector(q * 31 + 7, 1f), "limit", 10, "with_payload", false);
  }

  private static String ids(JsonNode response) {
    StringBuilder s = new StringBuilder();
    for (JsonNode hit : response.get("result")) {
      s.append(hit.get("id").asText()).append(',');
    }
    return s.toString();
  }
}
