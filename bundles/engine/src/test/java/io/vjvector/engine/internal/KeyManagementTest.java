package io.vjvector.engine.internal;

import static io.vjvector.engine.internal.Fixtures.assertError;
import static io.vjvector.engine.internal.Fixtures.assertSamePoint;
import static io.vjvector.engine.internal.Fixtures.encryption;
import static io.vjvector.engine.internal.Fixtures.filesContaining;
import static io.vjvector.engine.internal.Fixtures.map;
import static io.vjvector.engine.internal.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.Point;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Master key sources, data and master key rotation, and crypto-shredding of tenants. */
class KeyManagementTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path dir;
  @TempDir Path secrets;

  private static SecretKey randomKey() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Gcm.key(b);
  }

  private Path keyFile(String name, SecretKey... keys) throws IOException {
    Path f = secrets.resolve(name);
    MasterKeys.writeKeyFile(f, List.of(keys));
    return f;
  }

  private static List<String> keyLines(Path file) throws IOException {
    return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
  }

  private static String base64(SecretKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  private static Point marked(long id, String text) {
    return point(id, new float[] {id, 1, 2, 3}, map("text", text));
  }

  private static void writeSome(EngineService engine, String tenant, String collection, int from) {
    if (engine.collection(tenant, collection).isEmpty()) {
      engine.createCollection(tenant, new CollectionSpec(collection, 4, Distance.DOT));
    }
    for (int i = from; i < from + 5; i++) {
      engine.upsert(tenant, collection, List.of(marked(i, tenant + "-secret-" + i)));
    }
  }

  private static void assertAllThere(EngineService engine, String t, String c, int count) {
    assertEquals(count, engine.count(t, c, Filter.none()));
    for (int i = 0; i < count; i++) {
      Point p = engine.get(t, c, List.of(PointId.of(i))).get(0);
      assertSamePoint(marked(i, t + "-secret-" + i), p);
    }
  }

  private Map<Path, byte[]> snapshot() throws IOException {
    Map<Path, byte[]> files = new TreeMap<>();
    try (var s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p) && !p.endsWith(DataDirLock.FILE)) {
          files.put(p, Files.readAllBytes(p));
        }
      }
    }
    return files;
  }

  @Test
  void aGeneratedMasterKeyIsOwnerOnlyAndNeverLogged() throws Exception {
    String log =
        Fixtures.captureStderr(
            () -> {
              try (EngineService engine = new EngineService(dir, encryption(true, null))) {
                writeSome(engine, "t", "c", 0);
              }
            });
    Path file = dir.resolve(MasterKeys.DEFAULT_FILE);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    List<String> lines = keyLines(file);
    assertEquals(1, lines.size());
    assertEquals(32, Base64.getDecoder().decode(lines.get(0)).length);
    assertTrue(log.contains(file.toAbsolutePath().toString()), log);
    assertFalse(log.contains(lines.get(0)), "key material in the log");
    assertTrue(Files.exists(dir.resolve("tenants/t/" + TenantKeyFile.FILE)));
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      assertAllThere(engine, "t", "c", 5);
    }
  }

  @Test
  void aWrongMasterKeyRefusesToOpenAndChangesNothing() throws Exception {
    Path right = keyFile("right.key", randomKey());
    Path wrong = keyFile("wrong.key", randomKey());
    try (EngineService engine = new EngineService(dir, encryption(true, right))) {
      writeSome(engine, "t", "c", 0);
    }
    Map<Path, byte[]> before = snapshot();
    VjvException e =
        assertThrows(VjvException.class, () -> new EngineService(dir, encryption(true, wrong)));
    assertEquals(ErrorType.STORAGE_ERROR, e.type());
    assertTrue(
        e.getMessage().contains("cannot unwrap the data key of tenant t: wrong master key?"),
        e.getMessage());
    Map<Path, byte[]> after = snapshot();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((p, bytes) -> assertArrayEquals(bytes, after.get(p), p.toString()));
    // a configured key file that does not exist is refused, not replaced by a new key
    VjvException missing =
        assertThrows(
            VjvException.class,
            () -> new EngineService(dir, encryption(true, secrets.resolve("absent.key"))));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    try (EngineService engine = new EngineService(dir, encryption(true, right))) {
      assertAllThere(engine, "t", "c", 5);
    }
  }

  @Test
  void theMasterKeyCanComeFromTheEnvironmentOrAPkcs12KeyStore() throws Exception {
    SecretKey key = randomKey();
    EngineOptions fromEnv =
        EngineOptions.DEFAULTS.with(
            EncryptionOptions.DEFAULTS.withEnvironment(Map.of(MasterKeys.ENV, base64(key))::get));
    try (EngineService engine = new EngineService(dir, fromEnv)) {
      writeSome(engine, "t", "c", 0);
    }
    assertFalse(Files.exists(dir.resolve(MasterKeys.DEFAULT_FILE)), "nothing generated");
    EngineOptions otherEnv =
        EngineOptions.DEFAULTS.with(
            EncryptionOptions.DEFAULTS.withEnvironment(
                Map.of(MasterKeys.ENV, base64(randomKey()))::get));
    VjvException e = assertThrows(VjvException.class, () -> new EngineService(dir, otherEnv));
    assertTrue(e.getMessage().contains("wrong master key?"), e.getMessage());

    Path store = secrets.resolve("master.p12");
    char[] password = "store-secret".toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, password);
    ks.setEntry("vjv", new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
    try (OutputStream out = Files.newOutputStream(store)) {
      ks.store(out, password);
    }
    EncryptionOptions storeOptions =
        new EncryptionOptions(
            true,
            "",
            store.toString(),
            "vjv",
            "MY_STORE_PASSWORD",
            Map.of("MY_STORE_PASSWORD", "store-secret")::get);
    try (EngineService engine = new EngineService(dir, EngineOptions.DEFAULTS.with(storeOptions))) {
      assertAllThere(engine, "t", "c", 5);
    }
    EncryptionOptions noPassword = storeOptions.withEnvironment(name -> null);
    VjvException np =
        assertThrows(
            VjvException.class,
            () -> new EngineService(dir, EngineOptions.DEFAULTS.with(noPassword)));
    assertTrue(np.getMessage().contains("MY_STORE_PASSWORD"), np.getMessage());
  }

  @Test
  void dataKeyRotationKeepsEverythingReadableAndDropsOldVersionsAfterCheckpoints()
      throws Exception {
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      writeSome(engine, "t", "a", 0);
      writeSome(engine, "t", "b", 0);
      assertEquals(List.of(1), engine.dataKeyVersions("t"));
      assertEquals(2, engine.rotateDataKey("t"));
      writeSome(engine, "t", "a", 5);
      writeSome(engine, "t", "b", 5);
      assertEquals(2, lastRecordKeyVersion("a"), "new writes use the new version");
    }
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      assertEquals(List.of(1, 2), engine.dataKeyVersions("t"));
      assertAllThere(engine, "t", "a", 10);
      assertAllThere(engine, "t", "b", 10);
      engine.compact("t", "a");
      assertEquals(List.of(1, 2), engine.dataKeyVersions("t"), "b still uses version 1");
      engine.checkpoint("t", "b");
      assertEquals(List.of(2), engine.dataKeyVersions("t"));
      writeSome(engine, "t", "b", 10);
    }
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      assertEquals(List.of(2), engine.dataKeyVersions("t"));
      assertAllThere(engine, "t", "a", 10);
      assertAllThere(engine, "t", "b", 15);
    }
  }

  private int lastRecordKeyVersion(String collection) throws IOException {
    Path last = EncryptionTest.segments(Fixtures.walFile(dir, "t", collection).getParent()).get(0);
    byte[] bytes = Files.readAllBytes(last);
    List<Integer> offsets = EncryptionTest.recordOffsets(bytes);
    return ByteBuffer.wrap(bytes)
        .getInt(offsets.get(offsets.size() - 1) + WalFormat.RECORD_HEADER_BYTES);
  }

  @Test
  void masterKeyRotationRewrapsEveryTenantKeyFile() throws Exception {
    SecretKey oldKey = randomKey();
    SecretKey newKey = randomKey();
    Path master = keyFile("master.key", oldKey);
    Path oldCopy = keyFile("old.key", oldKey);
    try (EngineService engine = new EngineService(dir, encryption(true, master))) {
      writeSome(engine, "t", "c", 0);
      writeSome(engine, "u", "c", 0);
      assertError(ErrorType.INVALID_REQUEST, () -> engine.rotateMasterKey(new byte[16]));
      engine.rotateMasterKey(newKey.getEncoded());
      assertEquals(List.of(base64(newKey)), keyLines(master));
      for (String tenant : List.of("t", "u")) {
        byte[] file = Files.readAllBytes(dir.resolve("tenants/" + tenant + "/tenant.keys"));
        byte[] check = java.util.Arrays.copyOfRange(file, 8, 8 + MasterKeys.CHECK_BYTES);
        assertArrayEquals(MasterKeys.check(newKey), check, tenant);
      }
      writeSome(engine, "t", "c", 5);
    }
    try (EngineService engine = new EngineService(dir, encryption(true, master))) {
      assertAllThere(engine, "t", "c", 10);
      assertAllThere(engine, "u", "c", 5);
    }
    VjvException e =
        assertThrows(VjvException.class, () -> new EngineService(dir, encryption(true, oldCopy)));
    assertTrue(e.getMessage().contains("wrong master key?"), e.getMessage());
  }

  @Test
  void anInterruptedMasterKeyRotationIsFinishedAtTheNextStart() throws Exception {
    SecretKey oldKey = randomKey();
    SecretKey newKey = randomKey();
    Path master = keyFile("master.key", oldKey);
    try (EngineService engine = new EngineService(dir, encryption(true, master))) {
      writeSome(engine, "t", "c", 0);
    }
    // The crash: the key source already holds the new key (and the old one as previous), the
    // tenant key file is still wrapped with the old one.
    MasterKeys.writeKeyFile(master, List.of(newKey, oldKey));
    try (EngineService engine = new EngineService(dir, encryption(true, master))) {
      assertAllThere(engine, "t", "c", 5);
    }
    assertEquals(List.of(base64(newKey)), keyLines(master));
    try (EngineService engine =
        new EngineService(dir, encryption(true, keyFile("new.key", newKey)))) {
      assertAllThere(engine, "t", "c", 5);
    }
  }

  @Test
  void deleteTenantShredsItsKeysSoEarlierCopiesOfItsFilesCannotBeRead(@TempDir Path stolen)
      throws Exception {
    Path keyFile = dir.resolve("tenants/t/" + TenantKeyFile.FILE);
    Path link = secrets.resolve("same-inode");
    TenantKeyFile.Contents keysBefore;
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      writeSome(engine, "t", "c", 0);
      writeSome(engine, "u", "c", 0);
      // what an attacker copied before the deletion: the collection's files
      Fixtures.copyTree(Fixtures.walFile(dir, "t", "c").getParent(), stolen);
      MasterKeys master = masterKeys();
      keysBefore = TenantKeyFile.read(keyFile, "t", master);
      Files.createLink(link, keyFile);
      byte[] keyFileBytes = Files.readAllBytes(keyFile);

      assertTrue(engine.deleteTenant("t"));

      assertFalse(Files.exists(dir.resolve("tenants/t")));
      assertEquals(List.of(), engine.listCollections("t"));
      assertEquals(List.of(), engine.dataKeyVersions("t"));
      assertFalse(engine.deleteTenant("t"));
      assertAllThere(engine, "u", "c", 5);
      // the key file's blocks were overwritten before it was unlinked
      byte[] remains = Files.readAllBytes(link);
      assertEquals(keyFileBytes.length, remains.length);
      assertFalse(java.util.Arrays.equals(keyFileBytes, remains));
      assertThrows(IOException.class, () -> TenantKeyFile.read(link, "t", master));
    }

    // Every record of the stolen log opens with the destroyed keys, and with no key left.
    byte[] log = Files.readAllBytes(stolen.resolve(Wal.segmentName(0)));
    List<SecretKey> remaining = new ArrayList<>();
    try (var files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().equals(TenantKeyFile.FILE)) {
          String tenant = f.getParent().getFileName().toString();
          remaining.addAll(TenantKeyFile.read(f, tenant, masterKeys()).keys().values());
        }
      }
    }
    assertEquals(1, remaining.size(), "u's key");
    DataCipher context = new DataCipher(null, "t", "c");
    List<Integer> offsets = EncryptionTest.recordOffsets(log);
    assertEquals(5, offsets.size());
    for (int at : offsets) {
      int length = ByteBuffer.wrap(log).getInt(at);
      ByteBuffer content = ByteBuffer.wrap(log, at + WalFormat.RECORD_HEADER_BYTES, length);
      int version = content.getInt(content.position());
      byte[] aad = context.aad(DataCipher.LOG_RECORD, version, at, 0, new byte[0]);
      ByteBuffer sealed = content.duplicate().position(content.position() + 4);
      ByteBuffer out = ByteBuffer.allocate(length);
      Gcm.open(keysBefore.keys().get(version), aad, sealed, out); // the control
      for (SecretKey k : remaining) {
        assertThrows(
            AEADBadTagException.class, () -> Gcm.open(k, aad, sealed, ByteBuffer.allocate(length)));
      }
    }

    // Put back where it was, the copy does not load either, and no key is made up for it.
    Path restored = dir.resolve("tenants/t/collections/c");
    Fixtures.copyTree(stolen, restored);
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      VjvException e = assertError(ErrorType.STORAGE_ERROR, () -> engine.collection("t", "c"));
      assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
      assertFalse(Files.exists(keyFile));
      assertEquals(List.of(), filesContaining(dir, "t-secret-".getBytes(StandardCharsets.UTF_8)));
    }
  }

  private MasterKeys masterKeys() throws IOException {
    MasterKeys m =
        MasterKeys.resolve(
            EncryptionOptions.DEFAULTS.withEnvironment(name -> null), dir, new Gcm(RANDOM));
    assertNotNull(m.current());
    return m;
  }
}
