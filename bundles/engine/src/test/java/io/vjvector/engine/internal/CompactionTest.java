package io.vjvector.engine.internal;

import static io.vjvector.engine.internal.Fixtures.encryption;
import static io.vjvector.engine.internal.Fixtures.filesContaining;
import static io.vjvector.engine.internal.Fixtures.floatBytes;
import static io.vjvector.engine.internal.Fixtures.ids;
import static io.vjvector.engine.internal.Fixtures.map;
import static io.vjvector.engine.internal.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.Point;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction makes deletes physical (checked in plaintext, so the bytes can be searched for). */
class CompactionTest {
  private static final String SECRET = "ERASE-ME-MARKER-8842";

  @TempDir Path dir;

  @Test
  void aDeletedPointsPayloadAndVectorAreNowhereOnDiskAfterCompaction() throws Exception {
    Random random = new Random(3);
    float[] doomed = Fixtures.randomVector(random, 6);
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      points.add(point(i, Fixtures.randomVector(random, 6), map("name", "point " + i)));
    }
    points.set(7, point(7, doomed, map("name", SECRET)));
    byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
    try (EngineService engine = new EngineService(dir, encryption(false, null))) {
      engine.createCollection("t", new CollectionSpec("c", 6, Distance.COSINE));
      engine.upsert("t", "c", points.subList(0, 10));
      engine.checkpoint("t", "c"); // in a checkpoint ...
      engine.upsert("t", "c", List.of(point(7, doomed, map("name", SECRET, "again", true))));
      engine.upsert("t", "c", points.subList(10, 20)); // ... and in the log
      assertEquals(1, engine.delete("t", "c", ids(7)));
      // the control: before compaction the deleted point is still on disk
      assertFalse(filesContaining(dir, secret).isEmpty());
      assertFalse(filesContaining(dir, floatBytes(doomed, ByteOrder.LITTLE_ENDIAN)).isEmpty());

      engine.compact("t", "c");

      assertEquals(List.of(), filesContaining(dir, secret));
      assertEquals(List.of(), filesContaining(dir, floatBytes(doomed, ByteOrder.LITTLE_ENDIAN)));
      assertEquals(List.of(), filesContaining(dir, floatBytes(doomed, ByteOrder.BIG_ENDIAN)));
      assertEquals(1, EncryptionTest.segments(Fixtures.walFile(dir, "t", "c").getParent()).size());
      // the survivors are still there
      byte[] survivor = "point 8".getBytes(StandardCharsets.UTF_8);
      assertFalse(filesContaining(dir, survivor).isEmpty());
      engine.upsert("t", "c", List.of(point(30, 1, 2, 3, 4, 5, 6)));
    }
    try (EngineService engine = new EngineService(dir, encryption(false, null))) {
      assertEquals(20, engine.count("t", "c", Filter.none()));
      assertTrue(engine.get("t", "c", ids(7)).isEmpty());
      assertEquals(points.get(8).payload(), engine.get("t", "c", ids(8)).get(0).payload());
    }
  }
}
