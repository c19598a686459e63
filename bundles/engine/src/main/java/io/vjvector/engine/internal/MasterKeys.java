package io.vjvector.engine.internal;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master key that wraps every tenant's data keys, and the previous master keys still accepted
 * while a rotation completes. Sources, first match wins:
 *
 * <ol>
 *   <li>the configured {@code masterKeyFile} (base64 of 32 bytes; further lines are previous keys);
 *   <li>the configured PKCS12 {@code masterKeyStore}, password from an environment variable;
 *   <li>the environment variable {@value #ENV} (base64 of 32 bytes);
 *   <li>{@value #DEFAULT_FILE} beside the data directory (in it without Karaf), generated with
 *       permissions 0600 on first start.
 * </ol>
 *
 * <p>{@value #ENV_PREVIOUS} may add previous keys (comma-separated base64) to any source. Each
 * tenant key file records a check value of the master key that wrapped it, so the right key is
 * picked and a wrong one is named as such instead of looking like damage. Key material is never
 * logged.
 */
final class MasterKeys {
  private static final Logger LOG = LoggerFactory.getLogger(MasterKeys.class);
  static final String ENV = "VJV_MASTER_KEY";
  static final String ENV_PREVIOUS = "VJV_MASTER_KEY_PREVIOUS";
  static final String DEFAULT_FILE = "vjvector-master.key";
  static final int CHECK_BYTES = 8;
  private static final byte[] CHECK_LABEL =
      "vjvector master key check v1".getBytes(StandardCharsets.US_ASCII);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final String source;
  private final Path file; // null unless the engine may rewrite the source
  private volatile List<SecretKey> keys; // current first

  private MasterKeys(String source, Path file, List<SecretKey> keys) {
    this.source = source;
    this.file = file;
    this.keys = List.copyOf(keys);
  }

  /** For tests: fixed keys, current first, not backed by a file. */
  static MasterKeys of(SecretKey... keys) {
    return new MasterKeys("test", null, Arrays.asList(keys));
  }

  /** Finds the master key, generating the default file if no source is configured. */
  static MasterKeys resolve(EncryptionOptions options, Path dataDir, Gcm gcm) throws IOException {
    List<SecretKey> previous = previousFromEnvironment(options);
    if (!options.masterKeyFile().isEmpty()) {
      Path f = Path.of(options.masterKeyFile());
      if (!Files.exists(f)) {
        throw new IOException(
            "the configured master key file " + f + " does not exist (masterKeyFile)");
      }
      return fromFile(f, previous);
    }
    if (!options.masterKeyStore().isEmpty()) {
      return fromKeyStore(options, previous);
    }
    String env = options.environment().apply(ENV);
    if (env != null && !env.isBlank()) {
      List<SecretKey> keys = new ArrayList<>();
      keys.add(decode(env, "environment variable " + ENV));
      keys.addAll(previous);
      LOG.info("master key from the environment variable {}", ENV);
      return new MasterKeys("environment variable " + ENV, null, keys);
    }
    Path f = defaultFile(dataDir);
    if (!Files.exists(f)) {
      FileSync.createDirectories(f.getParent());
      writeKeyFile(f, List.of(gcm.newKey()));
      LOG.warn(
          "generated a new master key in {}: back it up and keep it apart from the data;"
              + " without it the data cannot be read",
          f.toAbsolutePath());
    }
    return fromFile(f, previous);
  }

  /**
   * Where a generated master key goes: in a Karaf node, beside the data directory (not in it, and
   * not in the distribution, which a rebuild or upgrade replaces while the data stays); elsewhere
   * (tests, tools), in the data directory.
   */
  static Path defaultFile(Path dataDir) {
    String etc = System.getProperty("karaf.etc");
    Path parent = dataDir.toAbsolutePath().getParent();
    Path dir = etc != null && !etc.isBlank() && parent != null ? parent : dataDir;
    return dir.resolve(DEFAULT_FILE);
  }

  private static MasterKeys fromFile(Path f, List<SecretKey> previous) throws IOException {
    warnIfReadableByOthers(f);
    List<SecretKey> keys = new ArrayList<>();
    for (String line : Files.readAllLines(f, StandardCharsets.US_ASCII)) {
      String t = line.trim();
      if (!t.isEmpty() && !t.startsWith("#")) {
        keys.add(decode(t, "master key file " + f));
      }
    }
    if (keys.isEmpty()) {
      throw new IOException("the master key file " + f + " holds no key");
    }
    keys.addAll(previous);
    LOG.info("master key from {}", f.toAbsolutePath());
    return new MasterKeys("file " + f, f, keys);
  }

  private static MasterKeys fromKeyStore(EncryptionOptions options, List<SecretKey> previous)
      throws IOException {
    Path store = Path.of(options.masterKeyStore());
    String password = options.environment().apply(options.masterKeyStorePasswordEnv());
    if (password == null) {
      throw new IOException(
          "the master key store "
              + store
              + " needs its password in the environment variable "
              + options.masterKeyStorePasswordEnv());
    }
    char[] pw = password.toCharArray();
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, pw);
      Key key = ks.getKey(options.masterKeyAlias(), pw);
      if (!(key instanceof SecretKey) || key.getEncoded() == null) {
        throw new IOException(
            store + " has no secret-key entry '" + options.masterKeyAlias() + "'");
      }
      List<SecretKey> keys = new ArrayList<>();
      keys.add(aes(key.getEncoded(), "entry '" + options.masterKeyAlias() + "' of " + store));
      keys.addAll(previous);
      LOG.info("master key from entry '{}' of {}", options.masterKeyAlias(), store);
      return new MasterKeys("key store " + store, null, keys);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the master key from " + store + ": " + e.getMessage(), e);
    } finally {
      Arrays.fill(pw, '\0');
    }
  }

  private static List<SecretKey> previousFromEnvironment(EncryptionOptions options)
      throws IOException {
    String value = options.environment().apply(ENV_PREVIOUS);
    List<SecretKey> keys = new ArrayList<>();
    if (value != null) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          keys.add(decode(part.trim(), "environment variable " + ENV_PREVIOUS));
        }
      }
    }
    return keys;
  }

  static SecretKey decode(String base64, String where) throws IOException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IOException("the master key in the " + where + " is not valid base64");
    }
    return aes(bytes, where);
  }

  private static SecretKey aes(byte[] bytes, String where) throws IOException {
    try {
      if (bytes.length != Gcm.KEY_BYTES) {
        throw new IOException(
            "the master key in the "
                + where
                + " has "
                + bytes.length
                + " bytes; it must have "
                + Gcm.KEY_BYTES);
      }
      return new SecretKeySpec(bytes, "AES");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The key that wraps data keys from now on. */
  SecretKey current() {
    return keys.get(0);
  }

  /** The known key whose check value is {@code check}, or null. */
  SecretKey forCheck(byte[] check) {
    for (SecretKey k : keys) {
      if (MessageDigest.isEqual(check(k), check)) {
        return k;
      }
    }
    return null;
  }

  /** Whether previous keys are still accepted. */
  boolean hasPrevious() {
    return keys.size() > 1;
  }

  /** A check value that identifies a master key without revealing it: HMAC-SHA256, truncated. */
  static byte[] check(SecretKey key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return Arrays.copyOf(mac.doFinal(CHECK_LABEL), CHECK_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /**
   * Makes {@code next} the current key, keeping the old ones as previous until {@link
   * #dropPrevious}; a file source is rewritten first, so a crash half way through re-wrapping the
   * tenant key files leaves every one of them readable at the next start.
   */
  void begin(SecretKey next) throws IOException {
    List<SecretKey> updated = new ArrayList<>();
    updated.add(next);
    for (SecretKey k : keys) {
      if (!MessageDigest.isEqual(check(k), check(next))) {
        updated.add(k);
      }
    }
    if (file != null) {
      writeKeyFile(file, updated);
    }
    keys = List.copyOf(updated);
  }

  /** Forgets the previous keys once nothing is wrapped with them any more. */
  void dropPrevious() throws IOException {
    if (!hasPrevious()) {
      return;
    }
    List<SecretKey> only = List.of(current());
    if (file != null) {
      writeKeyFile(file, only);
    } else {
      LOG.warn(
          "the master key changed, but its source ({}) cannot be rewritten by the engine: put the"
              + " new key there before the next start",
          source);
    }
    keys = only;
  }

  /** Writes keys (current first) to a 0600 file: temporary file, fsync, rename, fsync. */
  static void writeKeyFile(Path target, List<SecretKey> keys) throws IOException {
    StringBuilder sb =
        new StringBuilder(
            "# VJVector master key (base64 of 32 bytes), then previous keys still accepted.\n"
                + "# Keep it secret and backed up apart from the data: without it the data cannot"
                + " be read.\n");
    for (SecretKey k : keys) {
      sb.append(Base64.getEncoder().encodeToString(k.getEncoded())).append('\n');
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
    Path tmp = target.resolveSibling(target.getFileName() + FileSync.TMP_SUFFIX);
    Files.deleteIfExists(tmp);
    boolean posix = Files.getFileStore(target.getParent()).supportsFileAttributeView("posix");
    FileAttribute<?>[] attrs =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
    try (FileChannel ch = FileChannel.open(tmp, Set.of(CREATE_NEW, WRITE), attrs)) {
      FileSync.writeFully(ch, ByteBuffer.wrap(bytes), 0);
      ch.force(true);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    if (posix) {
      Files.setPosixFilePermissions(tmp, OWNER_ONLY); // in case the umask narrowed nothing
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    FileSync.fsyncDirectory(target.getParent());
  }

  private static void warnIfReadableByOthers(Path f) {
    try {
      if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(f);
        if (!OWNER_ONLY.containsAll(perms)) {
          LOG.warn("the master key file {} is accessible to others ({})", f, perms);
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      // best effort
    }
  }
}
