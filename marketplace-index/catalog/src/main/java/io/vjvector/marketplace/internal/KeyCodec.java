package io.vjvector.marketplace.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.SigningKeys;
import io.vjvector.marketplace.TrustedKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Set;

/** {@code {"keyid": ..., "publicKey": base64 X.509}}, the key id checked against the key. */
final class KeyCodec {

  private KeyCodec() {}

  static TrustedKey read(ObjectNode node, String what) throws CatalogException {
    Json.onlyFields(node, what, Set.of("keyid", "publicKey"));
    return read(node, what, Json.text(node, "keyid", what));
  }

  /** For objects that hold the two key fields among others. */
  static TrustedKey read(ObjectNode node, String what, String keyId) throws CatalogException {
    byte[] der;
    try {
      der = Base64.getDecoder().decode(Json.text(node, "publicKey", what));
    } catch (IllegalArgumentException e) {
      throw new CatalogException(Reason.MALFORMED, what + ": publicKey is not base64", e);
    }
    TrustedKey key = TrustedKey.of(keyOrMalformed(der, what));
    if (!key.keyId().equals(keyId)) {
      throw new CatalogException(
          Reason.MALFORMED, what + ": keyid " + keyId + " is not the SHA-256 of its publicKey");
    }
    return key;
  }

  static void write(ObjectNode node, TrustedKey key) {
    node.put("keyid", key.keyId());
    node.put("publicKey", Base64.getEncoder().encodeToString(key.publicKey().getEncoded()));
  }

  static ObjectNode write(TrustedKey key) {
    ObjectNode node = Json.object();
    write(node, key);
    return node;
  }

  private static PublicKey keyOrMalformed(byte[] der, String what) throws CatalogException {
    try {
      return SigningKeys.publicKey(der);
    } catch (CatalogException e) {
      throw new CatalogException(Reason.MALFORMED, what + ": " + e.getMessage(), e);
    }
  }
}
