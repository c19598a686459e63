package io.vjvector.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Argument parsing and the pure helpers of the REST load driver; no node, no network. */
class RestLoadTest {
  @Test
  void parsesOptionsWithDefaults() {
    RestLoad.Options o =
        RestLoad.Options.parse(
            "search", "--url", "http://127.0.0.1:18481/api/v1/", "--clients", "8", "--ef", "100");
    assertEquals("search", o.mode);
    assertEquals("http://127.0.0.1:18481/api/v1", o.url.toString());
    assertEquals(8, o.clients);
    assertEquals(100, o.ef);
    assertEquals(30, o.duration);
    assertEquals(1_000_000, o.maxRequests);
    assertEquals(256, RestLoad.Options.parse("ingest").batch);
    assertTrue(RestLoad.Options.parse("ingest", "--recreate").recreate);
    assertEquals("int8", RestLoad.Options.parse("ingest", "--quantization", "int8").quantization);
    RestLoad.Options a = RestLoad.Options.parse("await", "--since-ms", "1700000000000");
    assertEquals(1_700_000_000_000L, a.sinceMs);
    assertEquals(200, a.pollMs);
    assertEquals(1800, a.maxSeconds);
    assertEquals(
        "search_indexing", RestLoad.Options.parse("search", "--phase", "search_indexing").phase);
  }

  @Test
  void rejectsBadArguments() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"bench"},
            new String[] {"ingest", "--batch", "0"},
            new String[] {"ingest", "--batch", "10001"},
            new String[] {"ingest", "--clients", "x"},
            new String[] {"ingest", "--count"},
            new String[] {"ingest", "--nope", "1"},
            new String[] {"ingest", "--clients", "2", "--clients", "3"},
            new String[] {"ingest", "--distance", "manhattan"},
            new String[] {"ingest", "--collection", "a/b"},
            new String[] {"search", "--gt", "gt.ivecs"},
            new String[] {"search", "--phase", "a b"},
            new String[] {"ingest", "--quantization", "pq"},
            new String[] {"await", "--poll-ms", "5"},
            new String[] {"profile"})) {
      assertThrows(
          IllegalArgumentException.class,
          () -> RestLoad.Options.parse(args),
          String.join(" ", args));
    }
  }

  @Test
  void talksOnlyToLoopbackLiterals() {
    assertEquals("[::1]", RestLoad.loopback("http://[::1]:8181/api/v1").getHost());
    for (String url :
        List.of(
            "http://localhost:8181/api/v1",
            "http://10.0.0.1:8181/api/v1",
            "http://example.com/api/v1",
            "https://127.0.0.1:8181/api/v1",
            "http://user@127.0.0.1:8181/api/v1",
            "http://127.0.0.1.example.com/api/v1")) {
      assertThrows(IllegalArgumentException.class, () -> RestLoad.loopback(url), url);
    }
  }

  @Test
  void randomRowsAreExactShortDecimalsAndDeterministic() {
    StringBuilder sb = new StringBuilder();
    RestLoad.appendFixed4(sb, -1234);
    sb.append(' ');
    RestLoad.appendFixed4(sb, 10_000);
    sb.append(' ');
    RestLoad.appendFixed4(sb, 5);
    assertEquals("-0.1234 1.0000 0.0005", sb.toString());

    for (int latent : new int[] {0, 16}) {
      RestLoad.Vectors a = RestLoad.randomVectors(42, 42, 10, 8, latent);
      RestLoad.Vectors b = RestLoad.randomVectors(42, 42, 10, 8, latent);
      byte[] body = RestLoad.upsertBody(a, 3, 5, new StringBuilder(), false);
      assertArrayEquals(body, RestLoad.upsertBody(b, 3, 5, new StringBuilder(), false));
      String json = new String(body, StandardCharsets.US_ASCII);
      assertTrue(json.startsWith("{\"points\":[{\"id\":3,\"vector\":["), json);
      assertTrue(json.contains("},{\"id\":4,\"vector\":["), json);
      assertEquals(2 * 8, json.split("[\\[,]-?[01]\\.\\d{4}").length - 1, json);
      // base64 of little-endian float32 carries exactly the numbers the JSON text spells
      String b64 =
          new String(
              RestLoad.upsertBody(a, 3, 4, new StringBuilder(), true), StandardCharsets.US_ASCII);
      String encoded = b64.replaceAll(".*\"vector\":\"([^\"]+)\".*", "$1");
      java.nio.FloatBuffer decoded =
          java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(encoded))
              .order(java.nio.ByteOrder.LITTLE_ENDIAN)
              .asFloatBuffer();
      String[] text = json.substring(json.indexOf('[', 12) + 1, json.indexOf(']')).split(",");
      assertEquals(8, decoded.remaining());
      for (int d = 0; d < 8; d++) {
        assertEquals(Float.parseFloat(text[d]), decoded.get(d), 0f, "dimension " + d);
      }
      assertNotEquals(
          new String(RestLoad.searchBody(a, 0, 10, null, false, false), StandardCharsets.US_ASCII),
          new String(RestLoad.searchBody(a, 1, 10, null, false, false), StandardCharsets.US_ASCII));
    }
    String search =
        new String(
            RestLoad.searchBody(RestLoad.randomVectors(1, 1, 1, 2, 0), 0, 10, 64, false, false),
            StandardCharsets.US_ASCII);
    assertTrue(
        search.matches(
            "\\{\"vector\":\\[[-0-9.]+,[-0-9.]+],\"limit\":10,\"with_payload\":false,"
                + "\"params\":\\{\"hnsw_ef\":64}}"),
        search);
  }

  @Test
  void readsHitIdsAndRecall() {
    long[] ids =
        RestLoad.hitIds(
            "{\"result\":[{\"id\":7,\"score\":0.9},{\"id\":3,\"score\":0.8},{\"id\":9}]}");
    assertArrayEquals(new long[] {7, 3, 9}, ids);
    assertEquals(2.0 / 3, RestLoad.recall(ids, new int[] {3, 7, 5, 1}, 3), 1e-9);
  }

  @Test
  void percentilesAreNearestRank() {
    RestLoad.Recorder a = new RestLoad.Recorder();
    RestLoad.Recorder b = new RestLoad.Recorder();
    for (int i = 1; i <= 100; i++) {
      (i % 2 == 0 ? a : b).ok(i * 1_000_000L, 1);
    }
    b.error("503", "unavailable");
    RestLoad.Recorder all = RestLoad.Recorder.merge(List.of(a, b));
    assertEquals(50.0, all.percentileMs(50), 1e-9);
    assertEquals(99.0, all.percentileMs(99), 1e-9);
    assertEquals(100.0, all.percentileMs(100), 1e-9);
    assertEquals(1, all.errorCount());
    assertEquals(100, all.items);
  }

  @Test
  void profileSortsSamplesIntoComponents() {
    assertEquals(
        "engine: HNSW insert (background indexer)",
        RestLoadProfile.component(
            List.of(
                "io.vjvector.engine.internal.PanamaKernels.dot",
                "io.vjvector.engine.internal.HnswGraph.insert",
                "io.vjvector.engine.internal.Collection.indexStep"),
            false));
    assertEquals(
        "engine: search (graph, exact, top-k)",
        RestLoadProfile.component(
            List.of(
                "io.vjvector.engine.internal.PanamaKernels.dot",
                "io.vjvector.engine.internal.GraphSearch.search",
                "org.apache.cxf.phase.PhaseInterceptorChain.doIntercept"),
            false));
    assertEquals(
        "JSON (Jackson parsing, serializing)",
        RestLoadProfile.component(
            List.of(
                "jdk.internal.math.FloatingDecimal.readJavaFormatString",
                "com.fasterxml.jackson.core.json.UTF8StreamJsonParser._parseFloat",
                "org.apache.cxf.jaxrs.utils.JAXRSUtils.readFromMessageBodyReader"),
            false));
    assertEquals(
        "CXF (interceptors, dispatch)",
        RestLoadProfile.component(
            List.of(
                "java.util.HashMap.getNode",
                "org.apache.cxf.phase.PhaseInterceptorChain.doIntercept",
                "io.vjvector.rest.internal.RestHandler.service"),
            false));
  }
}
