package io.vjvector.samples.openai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedder against a real HTTP server on 127.0.0.1 that speaks the OpenAI embeddings API. */
class OpenAiEmbedderTest {
  private static final int DIM = 8;

  private FakeOpenAi server;
  private final Map<String, Object> config = new HashMap<>();
  private final Map<String, String> secrets = new HashMap<>();
  private TestHost host;

  @BeforeEach
  void start() throws Exception {
    server = new FakeOpenAi(DIM);
    config.put("base-url", server.baseUrl() + "/");
    config.put("model", "test-model");
    config.put("dimension", "8");
    secrets.put(OpenAiEmbedder.API_KEY, "sk-test-123");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiEmbedder embedder() {
    host = new TestHost(config, secrets, Set.of("127.0.0.1"));
    return new OpenAiEmbedder(host, "9.8.7");
  }

  @Test
  void embedsInBatchesAndKeepsTheOrderOfTheTexts() {
    config.put("batch-size", 2);
    List<String> texts = List.of("alpha", "beta", "gamma", "delta", "epsilon");

    List<float[]> vectors = embedder().embed(texts);

    assertEquals(5, vectors.size());
    for (int i = 0; i < texts.size(); i++) {
      // the server lists embeddings in reverse: only the index puts them back in place
      assertArrayEquals(FakeOpenAi.vectorOf(texts.get(i), DIM), vectors.get(i), texts.get(i));
    }
    assertEquals(3, server.received.size());
    assertEquals(List.of("alpha", "beta"), server.received.get(0).inputs());
    assertEquals(List.of("gamma", "delta"), server.received.get(1).inputs());
    assertEquals(List.of("epsilon"), server.received.get(2).inputs());
    assertEquals(5, host.counter("openai.texts"));
    assertEquals(3, host.timings.get("openai.request").get());
  }

  @Test
  void sendsModelKeyAndItsReleaseTheWayTheApiExpects() {
    embedder().embed(List.of("a \"quoted\"\nline ü"));

    FakeOpenAi.Received request = server.received.get(0);
    assertEquals("/v1/embeddings", request.path());
    assertEquals("Bearer sk-test-123", request.header("Authorization"));
    assertEquals("application/json", request.header("Content-Type"));
    assertEquals("vjvector-openai-embedder/9.8.7", request.header("User-Agent"));
    Map<?, ?> body = (Map<?, ?>) Json.parse(request.body());
    assertEquals("test-model", body.get("model"));
    assertEquals("float", body.get("encoding_format"));
    assertEquals(List.of("a \"quoted\"\nline ü"), body.get("input"));
    assertFalse(body.containsKey("dimensions"), "only with send-dimensions");
  }

  @Test
  void asksForTheDimensionOnlyWhenConfigured() {
    config.put("send-dimensions", "true");
    embedder().embed(List.of("x"));
    assertEquals(8.0, ((Map<?, ?>) Json.parse(server.received.get(0).body())).get("dimensions"));
  }

  @Test
  void worksWithoutAnApiKeyForServersThatNeedNone() {
    secrets.clear();
    assertEquals(1, embedder().embed(List.of("x")).size());
    assertNull(server.received.get(0).header("Authorization"));
  }

  @Test
  void sendsNothingForNoTextsAndRejectsEmptyOnes() {
    OpenAiEmbedder embedder = embedder();
    assertEquals(List.of(), embedder.embed(List.of()));
    VjvException e =
        assertThrows(VjvException.class, () -> embedder.embed(List.of("fine", "", "fine")));
    assertEquals(ErrorType.INVALID_REQUEST, e.type());
    assertEquals("text 1 is empty", e.getMessage());
    assertEquals(0, server.received.size());
  }

  @Test
  void aVectorOfTheWrongDimensionFailsAndSaysWhatToConfigure() {
    server.dimension(1536);
    VjvException e = assertThrows(VjvException.class, () -> embedder().embed(List.of("x")));
    assertEquals(ErrorType.UNAVAILABLE, e.type());
    assertTrue(e.getMessage().contains("returned 1536-dimensional vectors"), e.getMessage());
    assertTrue(e.getMessage().contains("configured with dimension=8"), e.getMessage());
  }

  @Test
  void rejectedCredentialsFailWithoutRepeatingTheServersMessage() {
    server.answer(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-tes*****123\"}}");
    VjvException e = assertThrows(VjvException.class, () -> embedder().embed(List.of("x")));
    assertEquals(ErrorType.UNAVAILABLE, e.type());
    assertTrue(e.getMessage().contains("answered HTTP 401"), e.getMessage());
    assertTrue(e.getMessage().contains("api-key secret"), e.getMessage());
    assertFalse(e.getMessage().contains("sk-"), e.getMessage());
  }

  @Test
  void aBadRequestIsTheCallersProblemAndCarriesTheServersReason() {
    server.answer(
        400, "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens\"}}");
    VjvException e = assertThrows(VjvException.class, () -> embedder().embed(List.of("x")));
    assertEquals(ErrorType.INVALID_REQUEST, e.type());
    assertTrue(e.getMessage().endsWith("maximum context length is 8192 tokens"), e.getMessage());
  }

  @Test
  void serverErrorsAndRateLimitsMakeTheEmbedderUnavailable() {
    server.answer(503, "upstream overloaded");
    VjvException down = assertThrows(VjvException.class, () -> embedder().embed(List.of("x")));
    assertEquals(ErrorType.UNAVAILABLE, down.type());
    assertTrue(down.getMessage().endsWith("answered HTTP 503"), down.getMessage());

    server.answer(429, "{\"error\":{\"message\":\"Rate limit reached\"}}");
    VjvException limited = assertThrows(VjvException.class, () -> embedder().embed(List.of("x")));
    assertTrue(
        limited.getMessage().endsWith("rate limited: Rate limit reached"), limited.getMessage());
  }

  @Test
  void unusableAnswersAreRejectedWhole() {
    config.put("batch-size", 3);
    Map<String, String> answers =
        Map.of(
            "not json",
            "the response is not JSON",
            "{\"data\":{}}",
            "no \"data\" array",
            "{\"data\":[{\"index\":0,\"embedding\":[1,2,3,4,5,6,7,8]}]}",
            "returned 1 embeddings for 2 texts",
            "{\"data\":[{\"index\":0,\"embedding\":[1,2,3,4,5,6,7,8]},"
                + "{\"index\":0,\"embedding\":[1,2,3,4,5,6,7,8]}]}",
            "index 0 appears twice",
            "{\"data\":[{\"index\":0,\"embedding\":[1,2,3,4,5,6,7,8]},"
                + "{\"index\":1,\"embedding\":[1,2,3,4,5,6,7,1e39]}]}",
            "not a finite float: 1.0E39",
            "{\"data\":[{\"index\":0,\"embedding\":[1,2,3,4,5,6,7,8]},"
                + "{\"index\":1,\"embedding\":\"AAAA\"}]}",
            "embedding 1 is not an array");
    OpenAiEmbedder embedder = embedder();
    answers.forEach(
        (body, problem) -> {
          server.answer(200, body);
          VjvException e =
              assertThrows(VjvException.class, () -> embedder.embed(List.of("a", "b")), body);
          assertEquals(ErrorType.UNAVAILABLE, e.type(), body);
          assertTrue(e.getMessage().contains(problem), body + " -> " + e.getMessage());
        });
  }

  @Test
  void anUnreachableEndpointIsUnavailable() {
    OpenAiEmbedder embedder = embedder();
    server.close();
    VjvException e = assertThrows(VjvException.class, () -> embedder.embed(List.of("x")));
    assertEquals(ErrorType.UNAVAILABLE, e.type());
    assertTrue(e.getMessage().startsWith("cannot reach embedding endpoint http://127.0.0.1:"));
  }

  @Test
  void goesOnlyWhereTheHostsEgressPolicyAllows() {
    host = new TestHost(config, secrets, Set.of("api.openai.com"));
    OpenAiEmbedder embedder = new OpenAiEmbedder(host, "1");
    VjvException e = assertThrows(VjvException.class, () -> embedder.embed(List.of("x")));
    assertEquals(ErrorType.UNAVAILABLE, e.type());
    assertTrue(e.getMessage().contains("does not let this plugin reach 127.0.0.1"));
    assertEquals(0, server.received.size());
  }

  @Test
  void describesItsModelAndReportsItsReleaseUnlessPinned() {
    OpenAiEmbedder embedder = embedder();
    assertEquals("openai", embedder.name());
    assertEquals("test-model", embedder.modelId());
    assertEquals(8, embedder.dimension());
    assertEquals("9.8.7", embedder.modelVersion());
    config.put("model-version", "2024-01");
    assertEquals("2024-01", embedder().modelVersion());
  }

  @Test
  void theBuildWritesTheReleaseIntoThePlugin() {
    assertTrue(OpenAiEmbedder.release().matches("\\d+\\.\\d+\\.\\d+"), OpenAiEmbedder.release());
  }

  @Test
  void badConfigurationFailsActivation() {
    Map<String, String> bad =
        Map.of(
            "base-url", "ftp://example.com",
            "batch-size", "0",
            "dimension", "-1",
            "timeout", "soon",
            "send-dimensions", "yes");
    bad.forEach(
        (key, value) -> {
          Map<String, Object> c = new HashMap<>(config);
          c.put(key, value);
          IllegalArgumentException e =
              assertThrows(
                  IllegalArgumentException.class,
                  () -> new OpenAiEmbedder(new TestHost(c, secrets, Set.of()), "1"),
                  key);
          assertTrue(e.getMessage().contains(key), e.getMessage());
        });
  }
}
