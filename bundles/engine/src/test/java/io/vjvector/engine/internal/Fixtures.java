package io.vjvector.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vjvector.engine.Point;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.PointId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.function.Executable;

/** Small helpers shared by the engine tests. */
final class Fixtures {
  private Fixtures() {}

  static Point point(long id, float... vector) {
    return new Point(PointId.of(id), vector, Map.of());
  }

  static Point point(long id, float[] vector, Map<String, Object> payload) {
    return new Point(PointId.of(id), vector, payload);
  }

  static List<PointId> ids(long... ids) {
    List<PointId> result = new ArrayList<>();
    for (long id : ids) {
      result.add(PointId.of(id));
    }
    return result;
  }

  /** An insertion-ordered map from alternating keys and values. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static float[] randomVector(Random random, int dim) {
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }

  static VjvException assertError(ErrorType type, Executable call) {
    VjvException e = assertThrows(VjvException.class, call);
    assertEquals(type, e.type(), () -> "unexpected error: " + e.getMessage());
    return e;
  }

  /** Same id, bit-identical vector, and a payload equal in values, Java types and key order. */
  static void assertSamePoint(Point expected, Point actual) {
    assertEquals(expected.id(), actual.id());
    assertArrayEquals(expected.vector(), actual.vector(), "vector of " + expected.id());
    assertEquals(expected.payload(), actual.payload(), "payload of " + expected.id());
    assertEquals(
        List.copyOf(expected.payload().keySet()),
        List.copyOf(actual.payload().keySet()),
        "payload key order of " + expected.id());
  }

  /** Every file under {@code root} whose bytes contain {@code needle} anywhere. */
  static List<Path> filesContaining(Path root, byte[] needle) throws java.io.IOException {
    List<Path> hits = new ArrayList<>();
    try (var files = java.nio.file.Files.walk(root)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (java.nio.file.Files.isRegularFile(f)
            && indexOf(java.nio.file.Files.readAllBytes(f), needle) >= 0) {
          hits.add(f);
        }
      }
    }
    return hits;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The raw bytes of a vector's floats in the given byte order. */
  static byte[] floatBytes(float[] vector, java.nio.ByteOrder order) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * vector.length).order(order);
    for (float f : vector) {
      b.putFloat(f);
    }
    return b.array();
  }

  /** Engine options with encryption on or off and a master key from {@code keyFile}. */
  static EngineOptions encryption(boolean on, Path keyFile) {
    EncryptionOptions e = EncryptionOptions.DEFAULTS.withEnabled(on);
    if (keyFile != null) {
      e = e.withMasterKeyFile(keyFile.toString());
    }
    return EngineOptions.DEFAULTS.with(e.withEnvironment(name -> null));
  }

  static Path walFile(Path dataDir, String tenant, String collection) {
    return new DataLayout(dataDir).collectionDir(tenant, collection).resolve(Wal.segmentName(0));
  }

  /** Copies a data directory as a crash would leave it, without its lock file. */
  static void copyTree(Path from, Path to) throws java.io.IOException {
    try (var files = java.nio.file.Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (p.getFileName().toString().equals(DataDirLock.FILE)) {
          continue;
        }
        Path target = to.resolve(from.relativize(p).toString());
        if (java.nio.file.Files.isDirectory(p)) {
          java.nio.file.Files.createDirectories(target);
        } else {
          java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Runs an action and returns what it printed on stderr (and still prints it). */
  static String captureStderr(Runnable action) {
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    String text = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    original.print(text);
    return text;
  }

  /** Seeded random points with small payloads, in batches: the cost mains' workload. */
  static List<List<Point>> batches(Random random, int points, int dim, int batch) {
    List<List<Point>> batches = new ArrayList<>();
    for (int i = 0; i < points; i += batch) {
      List<Point> b = new ArrayList<>();
      for (int j = i; j < Math.min(points, i + batch); j++) {
        b.add(
            new Point(
                PointId.of(j),
                randomVector(random, dim),
                Map.of("title", "document number " + j, "n", (long) j)));
      }
      batches.add(b);
    }
    return batches;
  }
}
