package io.vjvector.engine.internal;

import static io.vjvector.engine.internal.Fixtures.assertError;
import static io.vjvector.engine.internal.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.CollectionInfo;
import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.VectorEngine;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionsTest {
  @TempDir Path dir;

  @Test
  void createDescribeListDelete() {
    try (EngineService engine = new EngineService(dir)) {
      CollectionInfo created =
          engine.createCollection("acme", new CollectionSpec("docs", 3, Distance.COSINE));
      assertEquals("acme", created.tenant());
      assertEquals("docs", created.name());
      assertEquals(3, created.dimension());
      assertEquals(Distance.COSINE, created.distance());
      assertEquals(0, created.pointCount());
      engine.createCollection("acme", new CollectionSpec("a-first_1", 2, Distance.EUCLID));

      assertEquals(
          List.of("a-first_1", "docs"),
          engine.listCollections("acme").stream().map(CollectionInfo::name).toList());
      assertEquals(Optional.of(created), engine.collection("acme", "docs"));
      assertEquals(Optional.empty(), engine.collection("acme", "nope"));

      assertTrue(engine.deleteCollection("acme", "docs"));
      assertFalse(engine.deleteCollection("acme", "docs"));
      assertEquals(Optional.empty(), engine.collection("acme", "docs"));
      assertError(
          ErrorType.COLLECTION_NOT_FOUND,
          () -> engine.upsert("acme", "docs", List.of(point(1, 1, 2, 3))));
      // The name is free again, and the new collection starts empty.
      engine.createCollection("acme", new CollectionSpec("docs", 2, Distance.DOT));
      assertEquals(0, engine.count("acme", "docs", Filter.none()));
    }
  }

  @Test
  void metadataAndDeletionSurviveRestart() throws Exception {
    CollectionInfo kept;
    try (EngineService engine = new EngineService(dir)) {
      kept = engine.createCollection("t", new CollectionSpec("kept", 5, Distance.DOT));
      engine.createCollection("t", new CollectionSpec("gone", 2, Distance.COSINE));
      engine.upsert("t", "gone", List.of(point(1, 1, 1)));
      engine.deleteCollection("t", "gone");
    }
    Path collections = new DataLayout(dir).collectionsDir("t");
    try (var files = Files.list(collections)) {
      assertEquals(List.of("kept"), files.map(p -> p.getFileName().toString()).toList());
    }
    try (EngineService engine = new EngineService(dir)) {
      assertEquals(List.of(kept), engine.listCollections("t"));
      assertEquals(Optional.empty(), engine.collection("t", "gone"));
    }
  }

  @Test
  void theEmbedderNameIsKeptAndValidated() throws Exception {
    try (EngineService engine = new EngineService(dir)) {
      CollectionInfo c =
          engine.createCollection(
              "t", new CollectionSpec("texts", 8, Distance.COSINE, null, null, "openai"));
      assertEquals("openai", c.embedder());
      assertEquals(
          null,
          engine.createCollection("t", new CollectionSpec("plain", 2, Distance.DOT)).embedder());
      assertError(
          ErrorType.INVALID_REQUEST,
          () ->
              engine.createCollection(
                  "t", new CollectionSpec("bad", 8, Distance.COSINE, null, null, "../x y")));
    }
    try (EngineService engine = new EngineService(dir)) {
      assertEquals("openai", engine.collection("t", "texts").orElseThrow().embedder());
      assertEquals("openai", engine.spec("t", "texts").orElseThrow().embedder());
      assertEquals(8, engine.spec("t", "texts").orElseThrow().dimension());
      assertEquals(Optional.empty(), engine.spec("t", "nope"));
      assertEquals(null, engine.collection("t", "plain").orElseThrow().embedder());
    }
  }

  @Test
  void leftoversOfInterruptedCreateAndDeleteAreRemovedAtStart() throws Exception {
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("t", new CollectionSpec("real", 2, Distance.COSINE));
    }
    Path collections = new DataLayout(dir).collectionsDir("t");
    Path graveyard = collections.resolve(DataLayout.DELETED_PREFIX + "old-123");
    Path staging = collections.resolve(DataLayout.CREATING_PREFIX + "new-456");
    Files.createDirectories(graveyard);
    Files.writeString(graveyard.resolve(Wal.segmentName(0)), "x");
    Files.createDirectories(staging);
    Files.writeString(
        collections.resolve("real").resolve(DataLayout.META_FILE + FileSync.TMP_SUFFIX), "{");

    try (EngineService engine = new EngineService(dir)) {
      assertEquals(1, engine.listCollections("t").size());
    }
    assertFalse(Files.exists(graveyard));
    assertFalse(Files.exists(staging));
    assertFalse(
        Files.exists(
            collections.resolve("real").resolve(DataLayout.META_FILE + FileSync.TMP_SUFFIX)));
  }

  @Test
  void tenantsAreIsolated() {
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("alpha", new CollectionSpec("shared", 2, Distance.EUCLID));
      engine.createCollection("beta", new CollectionSpec("shared", 2, Distance.EUCLID));
      engine.createCollection("beta", new CollectionSpec("only-beta", 2, Distance.EUCLID));
      engine.upsert("alpha", "shared", List.of(point(1, 1, 1), point(2, 2, 2)));
      engine.upsert("beta", "shared", List.of(point(1, 9, 9)));

      assertEquals(2, engine.count("alpha", "shared", Filter.none()));
      assertEquals(1, engine.count("beta", "shared", Filter.none()));
      assertEquals(9f, engine.get("beta", "shared", Fixtures.ids(1)).get(0).vector()[0]);
      assertEquals(
          List.of("shared"),
          engine.listCollections("alpha").stream().map(CollectionInfo::name).toList());
      assertEquals(List.of(), engine.listCollections("gamma"));
      assertError(
          ErrorType.COLLECTION_NOT_FOUND, () -> engine.count("alpha", "only-beta", Filter.none()));

      engine.deleteCollection("alpha", "shared");
      assertEquals(1, engine.count("beta", "shared", Filter.none()));
    }
  }

  @Test
  void invalidNamesAndSpecsAreRejected() {
    try (EngineService engine = new EngineService(dir)) {
      for (String bad : new String[] {"", "a/b", "..", ".hidden", "sp ace", "x".repeat(65), "é"}) {
        assertError(
            ErrorType.INVALID_REQUEST,
            () -> engine.createCollection("t", new CollectionSpec(bad, 2, Distance.DOT)));
        assertError(
            ErrorType.INVALID_REQUEST,
            () -> engine.createCollection(bad, new CollectionSpec("ok", 2, Distance.DOT)));
        assertError(ErrorType.INVALID_REQUEST, () -> engine.listCollections(bad));
        assertError(ErrorType.INVALID_REQUEST, () -> engine.collection("t", bad));
        assertError(ErrorType.INVALID_REQUEST, () -> engine.deleteCollection(bad, "ok"));
      }
      assertError(ErrorType.INVALID_REQUEST, () -> engine.createCollection(null, null));
      assertError(ErrorType.INVALID_REQUEST, () -> engine.createCollection("t", null));
      assertError(
          ErrorType.INVALID_REQUEST,
          () -> engine.createCollection("t", new CollectionSpec("c", 0, Distance.DOT)));
      assertError(
          ErrorType.INVALID_REQUEST,
          () ->
              engine.createCollection(
                  "t", new CollectionSpec("c", VectorEngine.MAX_DIMENSION + 1, Distance.DOT)));
      assertError(
          ErrorType.INVALID_REQUEST,
          () -> engine.createCollection("t", new CollectionSpec("c", 2, null)));
      engine.createCollection("t", new CollectionSpec("x".repeat(64), 1, Distance.DOT));
      engine.createCollection(
          "t", new CollectionSpec("max", VectorEngine.MAX_DIMENSION, Distance.DOT));
      assertEquals(2, engine.listCollections("t").size());
    }
  }

  @Test
  void duplicateCreateIsRejected() {
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("t", new CollectionSpec("c", 2, Distance.DOT));
      engine.upsert("t", "c", List.of(point(1, 1, 1)));
      assertError(
          ErrorType.COLLECTION_EXISTS,
          () -> engine.createCollection("t", new CollectionSpec("c", 3, Distance.COSINE)));
      CollectionInfo info = engine.collection("t", "c").orElseThrow();
      assertEquals(2, info.dimension());
      assertEquals(1, info.pointCount());
    }
  }

  @Test
  void callsRacingADeleteSeeTheCollectionAsGone() throws Exception {
    try (CollectionRegistry registry = CollectionRegistry.open(dir, EngineOptions.DEFAULTS)) {
      Collection c = registry.create("t", new CollectionSpec("c", 2, Distance.DOT));
      assertTrue(registry.delete("t", "c"));
      assertError(ErrorType.COLLECTION_NOT_FOUND, () -> c.count(Filter.none()));
      assertError(ErrorType.COLLECTION_NOT_FOUND, () -> c.upsert(List.of(point(1, 1, 1))));
    }
  }

  @Test
  void closedEngineAnswersUnavailable() {
    EngineService engine = new EngineService(dir);
    engine.close();
    engine.close();
    assertError(ErrorType.UNAVAILABLE, () -> engine.listCollections("t"));
  }

  @Test
  void dataDirResolution() {
    String oldData = System.getProperty("vjvector.data.dir");
    String oldKaraf = System.getProperty("karaf.data");
    try {
      System.clearProperty("vjvector.data.dir");
      System.clearProperty("karaf.data");
      assertEquals(Path.of("/srv/x"), EngineService.resolveDataDir(" /srv/x "));
      assertEquals(Path.of("data", "vjvector"), EngineService.resolveDataDir(""));
      System.setProperty("karaf.data", "/opt/karaf/data");
      assertEquals(Path.of("/opt/karaf/data/vjvector"), EngineService.resolveDataDir(null));
      System.setProperty("vjvector.data.dir", "/var/lib/vjv");
      assertEquals(Path.of("/var/lib/vjv"), EngineService.resolveDataDir(""));
    } finally {
      restore("vjvector.data.dir", oldData);
      restore("karaf.data", oldKaraf);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
