package io.vjvector.marketplace;

import java.security.PublicKey;
import java.util.Objects;

/**
 * An Ed25519 public key and its key id: the lowercase hex SHA-256 of its X.509 encoding.
 *
 * @param keyId the key id
 * @param publicKey the key
 */
public record TrustedKey(String keyId, PublicKey publicKey) {

  /**
   * Checks that the key is Ed25519 and that the key id belongs to it, so that no document can pair
   * the two wrongly.
   */
  public TrustedKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(publicKey, "publicKey");
    try {
      SigningKeys.publicKey(publicKey.getEncoded());
    } catch (CatalogException e) {
      throw new IllegalArgumentException(e.detail(), e);
    }
    if (!keyId.equals(SigningKeys.keyId(publicKey))) {
      throw new IllegalArgumentException("key id " + keyId + " does not belong to the key");
    }
  }

  /**
   * @param publicKey an Ed25519 public key
   * @return the key with its key id
   */
  public static TrustedKey of(PublicKey publicKey) {
    return new TrustedKey(SigningKeys.keyId(publicKey), publicKey);
  }
}
