package io.vjvector.engine.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * Encrypts and decrypts one collection's units (log records, checkpoint blocks) with its tenant's
 * data keys. Every unit's associated data names the collection, the kind of unit, the key version
 * and the unit's place (log position, or checkpoint and block number), so units cannot be moved
 * between places, files, collections or tenants without failing authentication.
 */
final class DataCipher {
  static final byte LOG_RECORD = 'L';
  static final byte CHECKPOINT_BLOCK = 'C';

  /** Writes plaintext and reads only plaintext (for tests of the file formats). */
  static final DataCipher PLAINTEXT = new DataCipher(null, null, "");

  private final KeyService keys;
  private final String tenant;
  private final byte[] context;

  DataCipher(KeyService keys, String tenant, String collection) {
    this.keys = keys;
    this.tenant = tenant;
    this.context = (tenant + "/" + collection).getBytes(StandardCharsets.UTF_8);
  }

  boolean encryptsWrites() {
    return keys != null && keys.encryptsWrites();
  }

  Gcm gcm() {
    return keys.gcm();
  }

  /** The key for new writes (the tenant's first one is created on demand). */
  TenantKeys.DataKey writeKey() throws IOException {
    return keys.forWriting(tenant).current();
  }

  /** The key of a version some file was written with. */
  SecretKey readKey(int version, Object where) throws IOException {
    TenantKeys ring = keys == null ? null : keys.existing(tenant);
    SecretKey key = ring == null ? null : ring.key(version);
    if (key == null) {
      throw new IOException(
          where
              + " is encrypted with data key version "
              + version
              + " of tenant "
              + tenant
              + ", which "
              + (ring == null
                  ? "has no key file (deleted tenant, or a key file lost)"
                  : "has no such version any more")
              + "; it cannot be read");
    }
    return key;
  }

  /** Associated data of a unit. */
  byte[] aad(byte kind, int keyVersion, long place, long index, byte[] extra) {
    return ByteBuffer.allocate(1 + 4 + 8 + 8 + 4 + extra.length + context.length)
        .put(kind)
        .putInt(keyVersion)
        .putLong(place)
        .putLong(index)
        .putInt(extra.length)
        .put(extra)
        .put(context)
        .array();
  }

  /**
   * Opens a unit; an authentication failure is reported as damage, naming where it lies, because
   * with the right key that is what it means.
   */
  ByteBuffer open(SecretKey key, byte[] aad, ByteBuffer sealed, Object where) throws IOException {
    ByteBuffer out = ByteBuffer.allocate(Math.max(0, sealed.remaining() - Gcm.OVERHEAD));
    try {
      Gcm.open(key, aad, sealed, out);
    } catch (AEADBadTagException e) {
      throw new IOException(
          where
              + " fails decryption (authentication tag mismatch): it is damaged or was altered,"
              + " or moved from elsewhere; refusing to load it");
    }
    return out.flip();
  }
}
