package io.vjvector.engine.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh random 96-bit nonce per sealed unit. A sealed unit is {@code nonce (12)
 * ciphertext tag (16)}; the caller's associated data binds it to where it belongs (file, position,
 * key version), so a unit moved elsewhere fails authentication like a damaged one.
 *
 * <p>Random nonces are safe for about 2^32 units per key; data keys are per tenant and rotatable,
 * and one unit is a whole write batch or a 1 MiB checkpoint block, far below that bound.
 */
final class Gcm {
  static final int KEY_BYTES = 32;
  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;
  static final int OVERHEAD = NONCE_BYTES + TAG_BYTES;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  /**
   * Data is fed to the cipher in pieces of this size. On Java 17 the AES and GHASH intrinsics only
   * apply once their callers are compiled, which takes thousands of calls: fed whole, megabyte
   * units stay on the slow path for a long time (measured here: about 40 MB/s instead of several
   * hundred).
   */
  private static final int PIECE = 4096;

  private final SecureRandom random;

  Gcm(SecureRandom random) {
    this.random = random;
  }

  /** A new random AES-256 key. */
  SecretKey newKey() {
    byte[] bytes = new byte[KEY_BYTES];
    random.nextBytes(bytes);
    return key(bytes);
  }

  static SecretKey key(byte[] bytes) {
    if (bytes.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "an AES-256 key has " + KEY_BYTES + " bytes, got " + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  void nextBytes(byte[] bytes) {
    random.nextBytes(bytes);
  }

  /**
   * Seals {@code plain} (its remaining bytes, optionally after one leading byte) into {@code out}
   * at its position: nonce, ciphertext, tag. {@code out} needs {@link #OVERHEAD} more bytes than
   * the plaintext.
   *
   * @param prefix a byte sealed before {@code plain}, or -1 for none
   */
  void seal(SecretKey key, byte[] aad, int prefix, ByteBuffer plain, ByteBuffer out) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance(TRANSFORMATION);
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
      c.updateAAD(aad);
      out.put(nonce);
      crypt(c, prefix, plain, out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
    }
  }

  /** Seals a byte array; returns nonce, ciphertext and tag. */
  byte[] seal(SecretKey key, byte[] aad, byte[] plain) {
    ByteBuffer out = ByteBuffer.allocate(plain.length + OVERHEAD);
    seal(key, aad, -1, ByteBuffer.wrap(plain), out);
    return out.array();
  }

  /**
   * Opens a sealed unit (its remaining bytes) into {@code out} at its position.
   *
   * @throws AEADBadTagException if the unit, its associated data or the key do not match
   */
  static void open(SecretKey key, byte[] aad, ByteBuffer sealed, ByteBuffer out)
      throws AEADBadTagException {
    if (sealed.remaining() < OVERHEAD) {
      throw new AEADBadTagException("sealed unit of " + sealed.remaining() + " bytes is too short");
    }
    ByteBuffer in = sealed.duplicate();
    byte[] nonce = new byte[NONCE_BYTES];
    in.get(nonce);
    try {
      Cipher c = Cipher.getInstance(TRANSFORMATION);
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
      c.updateAAD(aad);
      crypt(c, -1, in, out);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
    }
  }

  /**
   * Feeds {@code prefix} (unless -1) and {@code in} to the cipher in pieces of heap arrays:
   * read-only and direct buffers, and input that is not block-aligned, take slower paths in the
   * JDK.
   */
  private static void crypt(Cipher c, int prefix, ByteBuffer in, ByteBuffer out)
      throws GeneralSecurityException {
    ByteBuffer src = in.duplicate();
    byte[] scratch = new byte[PIECE];
    boolean first = true;
    while (true) {
      ByteBuffer piece;
      if (first && prefix >= 0) {
        int n = Math.min(PIECE - 1, src.remaining());
        scratch[0] = (byte) prefix;
        src.get(scratch, 1, n);
        piece = ByteBuffer.wrap(scratch, 0, n + 1);
      } else if (src.hasArray()) {
        int n = Math.min(PIECE, src.remaining());
        piece = ByteBuffer.wrap(src.array(), src.arrayOffset() + src.position(), n);
        src.position(src.position() + n);
      } else {
        int n = Math.min(PIECE, src.remaining());
        src.get(scratch, 0, n);
        piece = ByteBuffer.wrap(scratch, 0, n);
      }
      first = false;
      if (!src.hasRemaining()) {
        c.doFinal(piece, out);
        return;
      }
      c.update(piece, out);
    }
  }

  /** Opens a sealed byte array. */
  static byte[] open(SecretKey key, byte[] aad, byte[] sealed) throws AEADBadTagException {
    ByteBuffer out = ByteBuffer.allocate(Math.max(0, sealed.length - OVERHEAD));
    open(key, aad, ByteBuffer.wrap(sealed), out);
    return out.array();
  }
}
