package io.vjvector.engine.internal;

import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * A tenant's data keys on disk, wrapped whole by the master key (all integers big-endian).
 *
 * <pre>
 * file  = magic "VJVK", format (int = 1), master key check (8 bytes), sealed
 * sealed = AES-256-GCM(master key, nonce, aad = the 16 bytes before it + tenant name)
 *          of: current version (int), count (int), count * (version (int), key (32 bytes))
 * </pre>
 */
final class TenantKeyFile {
  static final String FILE = "tenant.keys";
  private static final int MAGIC = 0x564A564B;
  private static final int FORMAT = 1;
  private static final int HEADER_BYTES = 8 + MasterKeys.CHECK_BYTES;

  /** What a key file holds. */
  record Contents(int current, SortedMap<Integer, SecretKey> keys, boolean wrappedWithCurrent) {}

  private TenantKeyFile() {}

  static byte[] encode(
      String tenant, int current, SortedMap<Integer, SecretKey> keys, SecretKey master, Gcm gcm) {
    ByteBuffer plain = ByteBuffer.allocate(8 + keys.size() * (4 + Gcm.KEY_BYTES));
    plain.putInt(current).putInt(keys.size());
    keys.forEach((v, k) -> plain.putInt(v).put(k.getEncoded()));
    ByteBuffer header =
        ByteBuffer.allocate(HEADER_BYTES)
            .putInt(MAGIC)
            .putInt(FORMAT)
            .put(MasterKeys.check(master));
    byte[] sealed = gcm.seal(master, aad(header.array(), tenant), plain.array());
    Arrays.fill(plain.array(), (byte) 0);
    return ByteBuffer.allocate(HEADER_BYTES + sealed.length)
        .put(header.array())
        .put(sealed)
        .array();
  }

  static Contents read(Path file, String tenant, MasterKeys masters) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String prefix = "cannot unwrap the data key of tenant " + tenant + ": ";
    if (bytes.length < HEADER_BYTES + Gcm.OVERHEAD) {
      throw new IOException(prefix + file + " is truncated (" + bytes.length + " bytes)");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (in.getInt() != MAGIC) {
      throw new IOException(prefix + file + " is not a VJVector key file (bad magic number)");
    }
    int format = in.getInt();
    if (format != FORMAT) {
      throw new IOException(prefix + file + " has unsupported key file format " + format);
    }
    byte[] check = new byte[MasterKeys.CHECK_BYTES];
    in.get(check);
    SecretKey master = masters.forCheck(check);
    if (master == null) {
      throw new IOException(
          prefix + "wrong master key? " + file + " was wrapped with a different master key");
    }
    byte[] plain;
    try {
      plain =
          Gcm.open(
              master,
              aad(Arrays.copyOf(bytes, HEADER_BYTES), tenant),
              Arrays.copyOfRange(bytes, HEADER_BYTES, bytes.length));
    } catch (AEADBadTagException e) {
      throw new IOException(
          prefix + file + " is damaged (or belongs to another tenant): authentication failed");
    }
    try {
      ByteBuffer p = ByteBuffer.wrap(plain);
      int current = p.getInt();
      int count = p.getInt();
      if (count < 1 || p.remaining() != count * (4 + Gcm.KEY_BYTES)) {
        throw new IOException(prefix + file + " holds a malformed key list");
      }
      SortedMap<Integer, SecretKey> keys = new TreeMap<>();
      byte[] raw = new byte[Gcm.KEY_BYTES];
      for (int i = 0; i < count; i++) {
        int version = p.getInt();
        p.get(raw);
        keys.put(version, Gcm.key(raw));
      }
      Arrays.fill(raw, (byte) 0);
      if (!keys.containsKey(current)) {
        throw new IOException(prefix + file + " lacks its current key version " + current);
      }
      return new Contents(current, keys, master == masters.current());
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  static void write(Path file, byte[] encoded) throws IOException {
    FileSync.writeAtomically(file, encoded);
  }

  /**
   * Crypto-shredding: overwrites the file with random bytes and fsyncs before deleting it, so the
   * keys are gone from the file's blocks and not only unlinked, then makes the deletion durable.
   */
  static void destroy(Path file, Gcm gcm) throws IOException {
    if (Files.exists(file)) {
      try (FileChannel ch = FileChannel.open(file, READ, WRITE)) {
        byte[] noise = new byte[(int) Math.min(ch.size(), 1 << 16)];
        gcm.nextBytes(noise);
        FileSync.writeFully(ch, ByteBuffer.wrap(noise), 0);
        ch.force(true);
      }
      Files.delete(file);
    }
    Path tmp = file.resolveSibling(file.getFileName() + FileSync.TMP_SUFFIX);
    Files.deleteIfExists(tmp);
    FileSync.fsyncDirectory(file.getParent());
  }

  private static byte[] aad(byte[] header, String tenant) {
    byte[] name = tenant.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(header.length + name.length).put(header).put(name).array();
  }
}
