package io.vjvector.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/** The assembled node: features, bundles, the REST API end to end, its errors, and the console. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends VjvExamSupport {

  @Before
  public void ready() throws InterruptedException {
    awaitReady();
  }

  @Test
  public void everyFeatureInstalledAndEveryBundleActive() throws Exception {
    for (String f :
        List.of(
            "vjvector",
            "vjvector-sdk",
            "vjvector-engine",
            "vjvector-rest",
            "vjvector-console",
            "vjvector-http-gate",
            "vjvector-plugins")) {
      assertTrue(f + " installed", features.isInstalled(features.getFeature(f)));
    }
    for (String bsn :
        List.of(
            "io.vjvector.sdk",
            "io.vjvector.engine",
            "io.vjvector.rest",
            "io.vjvector.console",
            "io.vjvector.gate",
            "io.vjvector.plugins")) {
      assertEquals(bsn + " state", Bundle.ACTIVE, bundle(bsn).getState());
    }
    // The engine runs its SIMD kernels: its optional import of the Vector API is wired.
    boolean simd =
        bundle("io.vjvector.engine")
            .adapt(BundleWiring.class)
            .getRequiredWires("osgi.wiring.package")
            .stream()
            .anyMatch(
                w ->
                    "jdk.incubator.vector"
                        .equals(w.getCapability().getAttributes().get("osgi.wiring.package")));
    assertTrue("engine wired to jdk.incubator.vector", simd);
    for (Bundle b : context.getBundles()) {
      boolean fragment = b.getHeaders().get("Fragment-Host") != null;
      assertTrue(
          b.getSymbolicName() + " is " + b.getState(), fragment || b.getState() == Bundle.ACTIVE);
    }
  }

  @Test
  public void payloadIndexesQuantizationAndDeleteByFilterOverRest() throws Exception {
    Http.Reply created =
        http.post(
            "collections",
            Map.of(
                "name", "shop", "dimension", 4, "distance", "euclidean", "quantization", "int8"));
    assertEquals(created.toString(), 201, created.status);
    assertEquals("int8", created.json().get("quantization").asText());
    List<Map<String, Object>> points = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      points.add(
          Map.of(
              "id",
              i,
              "vector",
              new float[] {i, i % 7, i % 3, 1},
              "payload",
              Map.of("kind", i % 3 == 0 ? "book" : "toy", "price", i * 0.5)));
    }
    assertEquals(200, http.put("collections/shop/points", Map.of("points", points)).status);
    Http.Reply indexed =
        http.put("collections/shop/index", Map.of("field_name", "kind", "field_schema", "keyword"));
    assertEquals(indexed.toString(), 200, indexed.status);
    assertEquals("keyword", indexed.json().get("payload_indexes").get("kind").asText());
    assertEquals(
        200,
        http.put("collections/shop/index", Map.of("field_name", "price", "field_schema", "float"))
            .status);
    assertProblem(
        http.put("collections/shop/index", Map.of("field_name", "x", "field_schema", "vector")),
        400,
        "invalid-request");
    Map<String, Object> books =
        Map.of("must", List.of(Map.of("key", "kind", "match", Map.of("value", "book"))));
    Map<String, Object> cheapBooks =
        Map.of(
            "must",
            List.of(
                Map.of("key", "kind", "match", Map.of("value", "book")),
                Map.of("key", "price", "range", Map.of("lt", 30))));
    assertEquals(
        100,
        http.post("collections/shop/points/count", Map.of("filter", books))
            .json()
            .get("count")
            .asInt());
    JsonNode hits =
        http.post(
                "collections/shop/search",
                Map.of("vector", new float[] {50, 1, 2, 1}, "limit", 5, "filter", cheapBooks))
            .json()
            .get("result");
    assertEquals(5, hits.size());
    for (JsonNode h : hits) {
      assertTrue(h.get("id").asInt() % 3 == 0 && h.get("id").asInt() * 0.5 < 30);
    }
    assertProblem(
        http.post("collections/shop/points/delete", Map.of("ids", List.of(1), "filter", books)),
        400,
        "invalid-request");
    JsonNode deleted = http.post("collections/shop/points/delete", Map.of("filter", books)).json();
    assertEquals(100, deleted.get("deleted").asInt());
    assertEquals(200, http.get("collections/shop").json().get("points_count").asInt());
    assertEquals(204, http.delete("collections/shop/index/price").status);
    assertProblem(http.delete("collections/shop/index/price"), 404, "not-found");
    JsonNode info = http.get("collections/shop").json();
    assertTrue(info.get("memory_bytes").get("payload").asLong() > 0);
    assertTrue(info.get("memory_bytes").has("quantized"));
    assertEquals(204, http.delete("collections/shop").status);
  }

  @Test
  public void restRoundTrip() throws Exception {
    Http.Reply created =
        http.post("collections", Map.of("name", "docs", "dimension", 3, "distance", "cosine"));
    assertEquals(created.toString(), 201, created.status);
    assertEquals("cosine", created.json().get("distance").asText());

    List<Map<String, Object>> points = new ArrayList<>();
    points.add(point(1, new float[] {1, 0, 0}, Map.of("color", "red", "n", 1)));
    points.add(point("b", new float[] {0, 1, 0}, Map.of("color", "blue", "n", 2)));
    points.add(
        point(
            new java.math.BigInteger("18446744073709551615"),
            new float[] {0.9f, 0.1f, 0},
            Map.of("color", "red", "n", 3.5)));
    Http.Reply up = http.put("collections/docs/points", Map.of("points", points));
    assertEquals(up.toString(), 200, up.status);
    assertEquals("acknowledged", up.json().get("status").asText());

    JsonNode info = http.get("collections/docs").json();
    assertEquals(3, info.get("points_count").asInt());

    JsonNode one = http.get("collections/docs/points/b").json();
    assertEquals("b", one.get("id").asText());
    assertEquals(1.0, one.get("vector").get(1).asDouble(), 0);
    assertEquals("blue", one.get("payload").get("color").asText());
    JsonNode big = http.get("collections/docs/points/18446744073709551615").json();
    assertEquals("18446744073709551615", big.get("id").bigIntegerValue().toString());
    assertEquals(3.5, big.get("payload").get("n").asDouble(), 0);

    JsonNode hits =
        http.post("collections/docs/search", Map.of("vector", new float[] {1, 0, 0}, "limit", 2))
            .json()
            .get("result");
    assertEquals(2, hits.size());
    assertEquals(1, hits.get(0).get("id").asInt());
    assertEquals(1.0, hits.get(0).get("score").asDouble(), 1e-6);
    assertEquals("18446744073709551615", hits.get(1).get("id").bigIntegerValue().toString());

    Map<String, Object> blueOnly =
        Map.of("must", List.of(Map.of("key", "color", "match", Map.of("value", "blue"))));
    JsonNode filtered =
        http.post(
                "collections/docs/search",
                Map.of("vector", new float[] {1, 0, 0}, "filter", blueOnly, "with_vector", true))
            .json()
            .get("result");
    assertEquals(1, filtered.size());
    assertEquals("b", filtered.get(0).get("id").asText());
    assertEquals(3, filtered.get(0).get("vector").size());
    assertEquals(
        1,
        http.post("collections/docs/points/count", Map.of("filter", blueOnly))
            .json()
            .get("count")
            .asInt());

    Map<String, Object> rich =
        Map.of(
            "should",
            List.of(Map.of("key", "n", "range", Map.of("gt", 3)), Map.of("has_id", List.of("b"))),
            "must_not",
            List.of(Map.of("key", "color", "match", Map.of("any", List.of("blue")))));
    JsonNode richHits =
        http.post(
                "collections/docs/search", Map.of("vector", new float[] {0, 1, 0}, "filter", rich))
            .json()
            .get("result");
    assertEquals(1, richHits.size());
    assertEquals("18446744073709551615", richHits.get(0).get("id").bigIntegerValue().toString());
    assertProblem(
        http.post(
            "collections/docs/points/count",
            Map.of("filter", Map.of("must", List.of(Map.of("key", "n", "range", Map.of()))))),
        400,
        "invalid-request");

    JsonNode paged =
        http.post(
                "collections/docs/search",
                Map.of(
                    "vector",
                    new float[] {1, 0, 0},
                    "limit",
                    1,
                    "offset",
                    1,
                    "with_payload",
                    List.of("n"),
                    "score_threshold",
                    0.5))
            .json()
            .get("result");
    assertEquals(1, paged.size());
    assertEquals("18446744073709551615", paged.get(0).get("id").bigIntegerValue().toString());
    assertEquals(1, paged.get(0).get("payload").size());
    JsonNode page1 = http.post("collections/docs/points/scroll", Map.of("limit", 2)).json();
    assertEquals(2, page1.get("points").size());
    assertEquals(1, page1.get("points").get(0).get("id").asInt());
    JsonNode page2 =
        http.post(
                "collections/docs/points/scroll",
                Map.of("offset", page1.get("next_page_offset"), "limit", 2))
            .json();
    assertEquals(1, page2.get("points").size());
    assertEquals("b", page2.get("points").get(0).get("id").asText());
    assertTrue(page2.get("next_page_offset").isNull());
    JsonNode recommended =
        http.post("collections/docs/points/recommend", Map.of("positive", List.of(1), "limit", 1))
            .json()
            .get("result");
    assertEquals("18446744073709551615", recommended.get(0).get("id").bigIntegerValue().toString());
    assertProblem(
        http.post("collections/docs/points/recommend", Map.of("positive", List.of("nope"))),
        404,
        "not-found");

    JsonNode batch =
        http.post(
                "collections/docs/search/batch",
                Map.of(
                    "searches",
                    List.of(
                        Map.of("vector", new float[] {0, 1, 0}, "limit", 1),
                        Map.of("vector", new float[] {1, 0, 0}, "limit", 1))))
            .json()
            .get("results");
    assertEquals("b", batch.get(0).get(0).get("id").asText());
    assertEquals(1, batch.get(1).get(0).get("id").asInt());

    JsonNode many =
        http.post("collections/docs/points/get", Map.of("ids", List.of("b", 1, "missing"))).json();
    assertEquals(2, many.get("points").size());

    JsonNode deleted =
        http.post("collections/docs/points/delete", Map.of("ids", List.of(1, "nope"))).json();
    assertEquals(1, deleted.get("deleted").asInt());
    assertEquals(404, http.get("collections/docs/points/1").status);
    assertEquals(2, http.get("collections/docs").json().get("points_count").asInt());

    boolean listed = false;
    for (JsonNode c : http.get("collections").json().get("collections")) {
      listed |= c.get("name").asText().equals("docs");
    }
    assertTrue(listed);
    assertEquals(204, http.delete("collections/docs").status);
    assertProblem(http.get("collections/docs"), 404, "collection-not-found");
  }

  @Test
  public void badInputIsRejectedWholeWithProblemJson() throws Exception {
    assertEquals(
        201,
        http.post("collections", Map.of("name", "strict", "dimension", 2, "distance", "euclidean"))
            .status);
    http.put(
        "collections/strict/points",
        Map.of("points", List.of(point(1, new float[] {1, 1}, Map.of()))));

    // wrong dimension in the second point: the first must not be written either
    assertProblem(
        http.put(
            "collections/strict/points",
            "{\"points\":[{\"id\":2,\"vector\":[1,2]},{\"id\":3,\"vector\":[1,2,3]}]}"),
        400,
        "dimension-mismatch");
    assertProblem(
        http.put("collections/strict/points", "{\"points\":[{\"id\":4,\"vector\":[1e39,2]}]}"),
        400,
        "invalid-vector");
    assertProblem(
        http.put("collections/strict/points", "{\"points\":[{\"id\":4,\"vector\":[NaN,2]}]}"),
        400,
        "malformed-json");
    assertProblem(http.put("collections/strict/points", "{\"points\":[]}"), 400, "invalid-batch");
    assertProblem(
        http.put("collections/strict/points", "{\"points\":[{\"id\":-1,\"vector\":[1,2]}]}"),
        400,
        "invalid-id");
    assertProblem(
        http.put("collections/strict/points", "{\"points\":[{\"id\":1.5,\"vector\":[1,2]}]}"),
        400,
        "invalid-id");
    assertProblem(
        http.put(
            "collections/strict/points",
            "{\"points\":[{\"id\":18446744073709551616,\"vector\":[1,2]}]}"),
        400,
        "invalid-id");
    assertProblem(
        http.put("collections/strict/points", "{\"points\":[{\"id\":\"\",\"vector\":[1,2]}]}"),
        400,
        "invalid-id");
    assertProblem(
        http.put("collections/strict/points", "{\"points\":[{\"id\":5,\"vector\":[\"1\",2]}]}"),
        400,
        "malformed-json");
    assertProblem(
        http.put("collections/strict/points", "{\"points\":[{\"id\":5,"), 400, "malformed-json");
    assertProblem(
        http.put("collections/strict/points", "{\"points\":[],\"tenantId\":\"other\"}"),
        400,
        "malformed-json");
    assertProblem(
        http.put("collections/nope/points", "{\"points\":[{\"id\":5,\"vector\":[1,2]}]}"),
        404,
        "collection-not-found");
    assertProblem(
        http.raw(
            "PUT", "collections/strict/points", "text/plain", "x".getBytes(StandardCharsets.UTF_8)),
        415,
        "unsupported-media-type");
    StringBuilder huge = new StringBuilder("{\"points\":[");
    for (int i = 0; i < 10_001; i++) {
      huge.append(i == 0 ? "" : ",").append("{\"id\":").append(i + 10).append(",\"vector\":[1,2]}");
    }
    assertProblem(
        http.put("collections/strict/points", huge.append("]}").toString()), 400, "invalid-batch");
    byte[] oversized = new byte[33 * 1024 * 1024];
    java.util.Arrays.fill(oversized, (byte) ' ');
    assertProblem(
        http.raw("PUT", "collections/strict/points", "application/json", oversized),
        413,
        "payload-too-large");
    assertProblem(
        http.post("collections/strict/search", Map.of("vector", new float[] {1, 2}, "limit", 0)),
        400,
        "invalid-request");
    assertProblem(
        http.post("collections/strict/search", Map.of("vector", new float[] {1, 2, 3})),
        400,
        "dimension-mismatch");
    assertProblem(
        http.post("collections", Map.of("name", "strict", "dimension", 2, "distance", "dot")),
        409,
        "collection-exists");
    assertProblem(
        http.post(
            "collections",
            Map.of(
                "name", "h", "dimension", 2, "distance", "dot", "hnsw_config", Map.of("m", 1000))),
        400,
        "invalid-request");
    Http.Reply tuned =
        http.post(
            "collections",
            Map.of(
                "name",
                "tuned",
                "dimension",
                2,
                "distance",
                "dot",
                "hnsw_config",
                Map.of("m", 8, "ef_construct", 64)));
    assertEquals(tuned.toString(), 201, tuned.status);
    JsonNode tunedInfo = http.get("collections/tuned").json();
    assertEquals(8, tunedInfo.get("hnsw_config").get("m").asInt());
    assertEquals(64, tunedInfo.get("hnsw_config").get("ef_construct").asInt());
    assertEquals("green", tunedInfo.get("status").asText());
    assertTrue(tunedInfo.get("disk_bytes").asLong() > 0);
    assertProblem(
        http.post("collections", Map.of("name", "bad name!", "dimension", 2, "distance", "dot")),
        400,
        "invalid-request");
    assertProblem(
        http.post("collections", Map.of("name", "x", "dimension", 2, "distance", "manhattan")),
        400,
        "invalid-request");
    assertProblem(http.get("no/such/route"), 404, "not-found");

    JsonNode info = http.get("collections/strict").json();
    assertEquals("only the first, valid upsert was written", 1, info.get("points_count").asInt());

    // A vector may also be the base64 of its little-endian float32 values, in writes and queries.
    assertEquals(
        201,
        http.post("collections", Map.of("name", "b64", "dimension", 2, "distance", "euclidean"))
            .status);
    Http.Reply b64 =
        http.put(
            "collections/b64/points",
            "{\"points\":[{\"id\":1,\"vector\":\""
                + base64(3.25f, -4f)
                + "\"},{\"id\":2,\"vector\":[0,0]}]}");
    assertEquals(b64.toString(), 200, b64.status);
    JsonNode stored = http.get("collections/b64/points/1").json().get("vector");
    assertEquals(3.25, stored.get(0).asDouble(), 0);
    assertEquals(-4, stored.get(1).asDouble(), 0);
    JsonNode nearest =
        http.post(
                "collections/b64/search",
                "{\"vector\":\"" + base64(3f, -4f) + "\",\"limit\":1,\"with_payload\":false}")
            .json()
            .get("result");
    assertEquals(1, nearest.get(0).get("id").asInt());
    assertProblem(
        http.put(
            "collections/b64/points",
            "{\"points\":[{\"id\":3,\"vector\":\"" + base64(1, 2, 3) + "\"}]}"),
        400,
        "dimension-mismatch");
    assertProblem(
        http.put("collections/b64/points", "{\"points\":[{\"id\":3,\"vector\":\"@@@@\"}]}"),
        400,
        "malformed-json");
    assertProblem(
        http.put("collections/b64/points", "{\"points\":[{\"id\":3,\"vector\":\"AAAAAAA=\"}]}"),
        400,
        "malformed-json");
    assertEquals(2, http.get("collections/b64").json().get("points_count").asInt());
  }

  private static String base64(float... v) {
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(v.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return java.util.Base64.getEncoder().encodeToString(b.array());
  }

  @Test
  public void openApiDocumentIsServed() throws Exception {
    Http.Reply r = http.get("openapi.json");
    assertEquals(200, r.status);
    JsonNode paths = r.json().get("paths");
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    assertTrue(names.toString(), names.contains("/collections/{name}/search/batch"));
    assertTrue(names.toString(), names.contains("/collections/{name}/points"));
  }

  @Test
  public void consoleCommands() throws Exception {
    String created =
        console("vjv:collection-create --distance dot --quantization int8 console-demo 3");
    assertTrue(created, created.contains("Created collection console-demo"));
    assertTrue(created, created.contains("quantization int8"));
    assertEquals(
        200,
        http.put(
                "collections/console-demo/points",
                Map.of("points", List.of(point(7, new float[] {1, 2, 3}, Map.of("k", "v")))))
            .status);
    String list = console("vjv:collection-list");
    assertTrue(list, list.contains("console-demo") && list.contains("dot"));
    String indexed = console("vjv:index-create --type keyword console-demo k");
    assertTrue(indexed, indexed.contains("Indexed 'k'"));
    String info = console("vjv:collection-info console-demo");
    assertTrue(info, info.contains("Points    : 1"));
    assertTrue(info, info.contains("indexes: k keyword"));
    String dropped = console("vjv:index-drop console-demo k");
    assertTrue(dropped, dropped.contains("Dropped"));
    String hits = console("vjv:search --limit 1 console-demo 1,2,3");
    assertTrue(hits, hits.contains("7") && hits.contains("14.0"));
    String simulated = console("vjv:collection-delete --simulate console-demo");
    assertTrue(simulated, simulated.contains("Would delete"));
    assertEquals(200, http.get("collections/console-demo").status);
    String deleted = console("vjv:collection-delete console-demo");
    assertTrue(deleted, deleted.contains("Deleted collection console-demo"));
    assertEquals(404, http.get("collections/console-demo").status);
    try {
      console("vjv:collection-info console-demo");
      throw new AssertionError("info of a deleted collection must fail");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("No collection 'console-demo'"));
    }
    try {
      console("vjv:search nowhere 1,x");
      throw new AssertionError("a bad vector must fail");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("element 2"));
    }
  }

  static Map<String, Object> point(Object id, float[] vector, Map<String, Object> payload) {
    return Map.of("id", id, "vector", vector, "payload", payload);
  }

  static void assertProblem(Http.Reply r, int status, String type) {
    assertEquals(r.toString(), status, r.status);
    assertTrue(r.toString(), r.contentType.startsWith("application/problem+json"));
    JsonNode body = r.json();
    assertEquals(r.toString(), "https://vjvector.io/problems/" + type, body.get("type").asText());
    assertEquals(status, body.get("status").asInt());
    assertTrue(r.toString(), body.hasNonNull("title") && body.hasNonNull("detail"));
  }
}
