package io.vjvector.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key credentials: {@code vjv_<id>_<secret>} with a 16-hex-digit public id and a 256-bit secret
 * (base64url). Only a salted SHA-256 of the secret is kept; a secret of 256 random bits needs no
 * slow hash.
 */
final class ApiKeyCodec {
  static final String PREFIX = "vjv_";
  private static final int ID_HEX = 16;

  private final SecureRandom random;

  ApiKeyCodec(SecureRandom random) {
    this.random = random;
  }

  String newId() {
    byte[] b = new byte[ID_HEX / 2];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  String newSecret() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  byte[] newSalt() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return b;
  }

  static String token(String id, String secret) {
    return PREFIX + id + "_" + secret;
  }

  /**
   * Splits a token into id and secret.
   *
   * @return {id, secret}, or null if it is not shaped like one of ours
   */
  static String[] parse(String token) {
    if (token == null
        || !token.startsWith(PREFIX)
        || token.length() != PREFIX.length() + ID_HEX + 1 + 43
        || token.charAt(PREFIX.length() + ID_HEX) != '_') {
      return null;
    }
    String id = token.substring(PREFIX.length(), PREFIX.length() + ID_HEX);
    for (int i = 0; i < id.length(); i++) {
      if (Character.digit(id.charAt(i), 16) < 0 || Character.isUpperCase(id.charAt(i))) {
        return null;
      }
    }
    return new String[] {id, token.substring(PREFIX.length() + ID_HEX + 1)};
  }

  static byte[] hash(byte[] salt, String secret) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(salt);
      d.update(secret.getBytes(StandardCharsets.UTF_8));
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares in constant time. */
  static boolean matches(byte[] salt, byte[] expectedHash, String secret) {
    return MessageDigest.isEqual(expectedHash, hash(salt, secret));
  }
}
