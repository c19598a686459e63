package io.vjvector.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a node spent its time during a load phase, from a JFR recording of it ({@code jcmd <pid>
 * JFR.start settings=profile ...}): CPU samples by server component and by thread, the hottest leaf
 * methods, threads in native code (fsync shows as {@code force0}), lock waits in VJVector code, GC
 * and CPU load.
 */
final class RestLoadProfile {
  private RestLoadProfile() {}

  /**
   * Engine work, by what it was done for: a sample whose stack holds one of these frames belongs to
   * the first such entry, whatever it was doing underneath (distance kernels, heaps, allocation).
   */
  static final Map<String, Predicate<String>> ENGINE = new LinkedHashMap<>();

  /**
   * Everything else goes by the innermost non-JDK frame: the library whose code is running, or
   * whose call into the JDK is running.
   */
  static final Map<String, Predicate<String>> LIBRARIES = new LinkedHashMap<>();

  static {
    ENGINE.put("engine: HNSW insert (background indexer)", f -> f.contains(".HnswGraph.insert"));
    ENGINE.put("engine: HNSW bulk build", f -> f.contains(".HnswGraph.build"));
    ENGINE.put("engine: HNSW repair (deletes)", f -> f.contains(".HnswGraph.repair"));
    ENGINE.put(
        "engine: checkpoint",
        f ->
            f.startsWith("io.vjvector.engine.internal.Checkpoint.")
                || f.startsWith("io.vjvector.engine.internal.Collection.checkpoint"));
    ENGINE.put(
        "engine: search (graph, exact, top-k)",
        f ->
            f.startsWith("io.vjvector.engine.internal.GraphSearch.")
                || f.startsWith("io.vjvector.engine.internal.ExactSearch.")
                || f.startsWith("io.vjvector.engine.internal.FilterPlanner.")
                || f.startsWith("io.vjvector.engine.internal.Collection.search"));
    ENGINE.put(
        "engine: WAL (encode, write, fsync)",
        f ->
            f.startsWith("io.vjvector.engine.internal.Wal.")
                || f.startsWith("io.vjvector.engine.internal.WalRecords."));
    ENGINE.put(
        "engine: other (validate, store, registry)", f -> f.startsWith("io.vjvector.engine."));
    LIBRARIES.put("JSON (Jackson parsing, serializing)", f -> f.startsWith("com.fasterxml."));
    LIBRARIES.put("REST resources (io.vjvector.rest)", f -> f.startsWith("io.vjvector.rest."));
    LIBRARIES.put("CXF (interceptors, dispatch)", f -> f.startsWith("org.apache.cxf."));
    LIBRARIES.put("gate servlet (io.vjvector.gate)", f -> f.startsWith("io.vjvector.gate."));
    LIBRARIES.put(
        "Jetty / Pax Web (HTTP, socket IO)",
        f ->
            f.startsWith("org.eclipse.jetty.")
                || f.startsWith("org.ops4j.pax.web.")
                || f.startsWith("javax.servlet."));
    LIBRARIES.put(
        "logging",
        f -> f.startsWith("org.ops4j.pax.logging.") || f.startsWith("org.apache.logging."));
  }

  static int print(Path jfr, int top) throws IOException {
    Map<String, Long> components = new HashMap<>();
    Map<String, Long> threads = new HashMap<>();
    Map<String, Double> threadLoad = new HashMap<>();
    Map<java.time.Instant, Boolean> loadRounds = new HashMap<>();
    Map<String, Long> leaves = new HashMap<>();
    Map<String, Long> natives = new HashMap<>();
    Map<String, long[]> locks = new HashMap<>();
    long samples = 0;
    long nativeSamples = 0;
    long gcCount = 0;
    long gcNanos = 0;
    double jvmCpu = 0;
    double machineCpu = 0;
    int cpuEvents = 0;
    try (RecordingFile file = new RecordingFile(jfr)) {
      while (file.hasMoreEvents()) {
        RecordedEvent e = file.readEvent();
        switch (e.getEventType().getName()) {
          case "jdk.ExecutionSample" -> {
            List<String> frames = frames(e.getStackTrace());
            if (frames.isEmpty()) {
              continue;
            }
            samples++;
            leaves.merge(frames.get(0), 1L, Long::sum);
            components.merge(component(frames, e.getStackTrace().isTruncated()), 1L, Long::sum);
            threads.merge(threadKind(e), 1L, Long::sum);
          }
          case "jdk.NativeMethodSample" -> {
            List<String> frames = frames(e.getStackTrace());
            if (!frames.isEmpty()) {
              nativeSamples++;
              natives.merge(frames.get(0) + "  <- " + firstOwn(frames), 1L, Long::sum);
            }
          }
          case "jdk.JavaMonitorEnter", "jdk.ThreadPark" -> {
            List<String> frames = frames(e.getStackTrace());
            String own = firstOwn(frames);
            if (own.equals("-")) {
              continue; // idle pool threads waiting for work
            }
            String on =
                e.getEventType().getName().equals("jdk.JavaMonitorEnter")
                    ? "monitor " + className(e, "monitorClass")
                    : "park " + className(e, "parkedClass");
            long[] acc = locks.computeIfAbsent(on + " at " + own, k -> new long[2]);
            acc[0]++;
            acc[1] += e.getDuration().toNanos();
          }
          case "jdk.ThreadCPULoad" -> {
            // every Java thread's share of all cores over the last period (compiler threads too,
            // which execution samples never show)
            String name = threadName(e, "eventThread");
            threadLoad.merge(name, (double) e.getFloat("user") + e.getFloat("system"), Double::sum);
            loadRounds.put(
                e.getStartTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), true);
          }
          case "jdk.GarbageCollection" -> {
            gcCount++;
            gcNanos += e.getDuration().toNanos();
          }
          case "jdk.CPULoad" -> {
            jvmCpu += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
            machineCpu += e.getFloat("machineTotal");
            cpuEvents++;
          }
          default -> {}
        }
      }
    }
    System.out.printf(Locale.ROOT, "profile %s: %d CPU samples%n", jfr.getFileName(), samples);
    if (cpuEvents > 0) {
      System.out.printf(
          Locale.ROOT,
          "CPU load (share of all cores): node JVM %.0f%%, whole machine %.0f%%%n",
          100 * jvmCpu / cpuEvents,
          100 * machineCpu / cpuEvents);
    }
    System.out.println("CPU samples by component:");
    printTop(components, samples, top);
    System.out.println("CPU samples by thread (digits in names as #), top 8:");
    printTop(threads, samples, 8);
    if (!threadLoad.isEmpty()) {
      // jdk.ThreadCPULoad comes once per period for each thread; average over the periods seen
      double rounds = Math.max(1, loadRounds.size());
      double all = threadLoad.values().stream().mapToDouble(Double::doubleValue).sum() / rounds;
      System.out.printf(
          Locale.ROOT,
          "node CPU by Java thread (jdk.ThreadCPULoad: JIT compiler threads included, GC workers"
              + " not; a thread's first period may reach back before the recording), node = %.0f%%"
              + " of all cores, top 8:%n",
          100 * all);
      Map<String, Long> scaled = new HashMap<>();
      threadLoad.forEach((k, v) -> scaled.put(k, Math.round(1e6 * v / rounds)));
      printTop(scaled, Math.round(1e6 * all), 8);
    }
    System.out.println("hottest leaf methods (self time):");
    printTop(leaves, samples, top);
    System.out.println("threads in native code (leaf <- first VJVector frame), top 8:");
    printTop(natives, nativeSamples, 8);
    System.out.printf(
        Locale.ROOT,
        "GC: %d collections, %.0f ms in total (pauses and concurrent phases)%n",
        gcCount,
        gcNanos / 1e6);
    System.out.println("lock waits over the recording threshold, in VJVector code (top 8):");
    locks.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
        .limit(8)
        .forEach(
            en ->
                System.out.printf(
                    Locale.ROOT,
                    "  %8.0f ms %6d x  %s%n",
                    en.getValue()[1] / 1e6,
                    en.getValue()[0],
                    en.getKey()));
    return 0;
  }

  static String component(List<String> frames, boolean truncated) {
    for (Map.Entry<String, Predicate<String>> c : ENGINE.entrySet()) {
      for (String f : frames) {
        if (c.getValue().test(f)) {
          return c.getKey();
        }
      }
    }
    for (String f : frames) {
      if (f.startsWith("java.") || f.startsWith("jdk.") || f.startsWith("sun.")) {
        continue;
      }
      for (Map.Entry<String, Predicate<String>> c : LIBRARIES.entrySet()) {
        if (c.getValue().test(f)) {
          return c.getKey();
        }
      }
      int dot = f.indexOf('.', f.indexOf('.') + 1);
      return "other: " + (dot > 0 ? f.substring(0, dot) : f);
    }
    return truncated ? "JDK only (stack truncated)" : "JDK only (threads, GC helpers)";
  }

  /** The sampled thread's name with its numbers folded, so pools count as one. */
  private static String threadKind(RecordedEvent e) {
    return threadName(e, "sampledThread");
  }

  private static String threadName(RecordedEvent e, String field) {
    try {
      jdk.jfr.consumer.RecordedThread t = e.getThread(field);
      String name = t == null ? null : t.getJavaName();
      if (name == null && t != null) {
        name = t.getOSName();
      }
      return name == null ? "?" : name.replaceAll("[0-9]+", "#");
    } catch (IllegalArgumentException notThere) {
      return "?";
    }
  }

  private static List<String> frames(RecordedStackTrace trace) {
    List<String> out = new ArrayList<>();
    if (trace == null) {
      return out;
    }
    for (RecordedFrame f : trace.getFrames()) {
      if (f.getMethod() != null) {
        out.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
      }
    }
    return out;
  }

  private static String firstOwn(List<String> frames) {
    for (String f : frames) {
      if (f.startsWith("io.vjvector.")) {
        return f;
      }
    }
    return "-";
  }

  private static String className(RecordedEvent e, String field) {
    try {
      jdk.jfr.consumer.RecordedClass c = e.getClass(field);
      return c == null ? "?" : c.getName();
    } catch (IllegalArgumentException notThere) {
      return "?";
    }
  }

  private static void printTop(Map<String, Long> counts, long total, int top) {
    counts.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "  %5.1f%% %7d  %s%n",
                    total == 0 ? 0 : 100.0 * e.getValue() / total,
                    e.getValue(),
                    e.getKey()));
  }
}
