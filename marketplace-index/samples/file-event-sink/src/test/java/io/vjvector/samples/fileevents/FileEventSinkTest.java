package io.vjvector.samples.fileevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.event.Event;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEventSinkTest {
  private static final Instant T = Instant.parse("2030-01-02T03:04:05.123Z");

  @TempDir Path data;
  private final Map<String, Object> config = new HashMap<>();
  private TestHost host;

  private FileEventSink sink() {
    host = new TestHost(config, data);
    return new FileEventSink(host);
  }

  private static Event event(String type, Map<String, Object> attributes) {
    return new Event(type, "default", T, attributes);
  }

  private List<String> lines(String file) throws IOException {
    return Files.readAllLines(data.resolve(file), StandardCharsets.UTF_8);
  }

  @Test
  void writesOneJsonLinePerEventInOrder() throws Exception {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("collection", "docs");
    attributes.put("count", 3);
    attributes.put("big", new BigDecimal("12.50"));
    attributes.put("ratio", 0.25);
    attributes.put("ok", true);
    FileEventSink sink = sink();
    sink.accept(event("collection.created", attributes));
    sink.accept(new Event("node.joined", Event.SYSTEM_TENANT, T.plusSeconds(1), Map.of()));
    sink.close();

    assertEquals(
        List.of(
            "{\"time\":\"2030-01-02T03:04:05.123Z\",\"type\":\"collection.created\","
                + "\"tenant\":\"default\",\"attributes\":{\"collection\":\"docs\",\"count\":3,"
                + "\"big\":12.50,\"ratio\":0.25,\"ok\":true}}",
            "{\"time\":\"2030-01-02T03:04:06.123Z\",\"type\":\"node.joined\","
                + "\"tenant\":\"_system\",\"attributes\":{}}"),
        lines("events.jsonl"));
    assertEquals(2, host.counter("events.written"));
  }

  @Test
  void noValueCanBreakTheLineStructure() throws Exception {
    FileEventSink sink = sink();
    sink.accept(event("point.upserted", Map.of("id", "a\"b\\c\nd\re\tf\u0001g\u2028h\ud800i😀")));
    sink.close();

    List<String> lines = lines("events.jsonl");
    assertEquals(1, lines.size());
    assertTrue(
        lines.get(0).endsWith("{\"id\":\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u2028h\\ud800i😀\"}}"),
        lines.get(0));
  }

  @Test
  void aRestartAppendsToWhatIsThere() throws Exception {
    FileEventSink first = sink();
    first.accept(event("a.one", Map.of()));
    first.close();
    FileEventSink second = sink();
    second.accept(event("a.two", Map.of()));
    second.close();

    List<String> lines = lines("events.jsonl");
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).contains("a.one") && lines.get(1).contains("a.two"), "" + lines);
  }

  @Test
  void aLineTornByACrashStaysAloneOnItsLine() throws Exception {
    Files.writeString(data.resolve("events.jsonl"), "{\"whole\":1}\n{\"torn\":");
    FileEventSink sink = sink();
    sink.accept(event("a.next", Map.of()));
    sink.close();

    List<String> lines = lines("events.jsonl");
    assertEquals(3, lines.size(), "" + lines);
    assertEquals("{\"whole\":1}", lines.get(0));
    assertEquals("{\"torn\":", lines.get(1));
    assertTrue(lines.get(2).startsWith("{\"time\""), lines.get(2));
  }

  @Test
  void fsyncAlwaysForcesEveryEventBeforeReturning() {
    config.put("fsync", "always");
    FileEventSink sink = sink();
    for (int i = 0; i < 5; i++) {
      sink.accept(event("a.b", Map.of("i", i)));
    }
    assertEquals(5, host.counter("events.fsyncs"));
    sink.close();
    assertEquals(5, host.counter("events.fsyncs"), "nothing left to force");
  }

  @Test
  void fsyncNeverForcesOnlyOnClose() {
    config.put("fsync", "NEVER");
    FileEventSink sink = sink();
    for (int i = 0; i < 5; i++) {
      sink.accept(event("a.b", Map.of("i", i)));
    }
    assertEquals(0, host.counter("events.fsyncs"));
    sink.close();
    assertEquals(1, host.counter("events.fsyncs"));
  }

  @Test
  void fsyncIntervalForcesOnlyWhatWasWrittenSinceTheLastTime() throws Exception {
    config.put("fsync-interval", "1h"); // the background flush stays out of the way
    FileEventSink sink = sink();
    sink.flush();
    assertEquals(0, host.counter("events.fsyncs"), "nothing written, nothing forced");
    sink.accept(event("a.b", Map.of()));
    sink.accept(event("a.b", Map.of()));
    assertEquals(0, host.counter("events.fsyncs"), "accept does not wait for the disk");
    sink.flush();
    sink.flush();
    assertEquals(1, host.counter("events.fsyncs"));
    sink.close();
    assertEquals(1, host.counter("events.fsyncs"));
  }

  @Test
  void fsyncIntervalFlushesInTheBackground() throws Exception {
    config.put("fsync-interval", "20ms");
    FileEventSink sink = sink();
    try {
      sink.accept(event("a.b", Map.of()));
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (host.counter("events.fsyncs") == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(1, host.counter("events.fsyncs"));
    } finally {
      sink.close();
    }
  }

  @Test
  void writesOnlyInsideTheDataDirectory() throws Exception {
    config.put("file", "audit/2030/events.log");
    FileEventSink sink = sink();
    sink.accept(event("a.b", Map.of()));
    sink.close();
    assertEquals(1, lines("audit/2030/events.log").size());

    for (String bad : List.of("../outside.jsonl", "/tmp/events.jsonl", "", ".", "a/../..")) {
      config.put("file", bad);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::sink, bad);
      assertTrue(e.getMessage().contains("inside the plugin's data directory"), e.getMessage());
    }
  }

  @Test
  void rejectsABadPolicyOrInterval() {
    config.put("fsync", "sometimes");
    assertThrows(IllegalArgumentException.class, this::sink);
    config.put("fsync", "always");
    config.put("fsync-interval", "0s");
    assertThrows(IllegalArgumentException.class, this::sink);
  }

  @Test
  void aFileThatCannotBeOpenedFailsActivationAndAClosedSinkRefusesEvents() throws Exception {
    Files.createDirectories(data.resolve("events.jsonl"));
    VjvException e = assertThrows(VjvException.class, this::sink);
    assertEquals(ErrorType.STORAGE_ERROR, e.type());

    config.put("file", "other.jsonl");
    FileEventSink sink = sink();
    sink.close();
    sink.close();
    VjvException closed =
        assertThrows(VjvException.class, () -> sink.accept(event("a.b", Map.of())));
    assertEquals(ErrorType.UNAVAILABLE, closed.type());
  }
}
