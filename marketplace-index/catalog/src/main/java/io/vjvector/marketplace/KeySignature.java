package io.vjvector.marketplace;

import java.util.Objects;

/**
 * One Ed25519 signature and the id of the key that made it.
 *
 * @param keyId the signer's key id (see {@link TrustedKey})
 * @param signature the 64-byte signature, base64
 */
public record KeySignature(String keyId, String signature) {

  /** Requires both fields. */
  public KeySignature {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(signature, "signature");
  }
}
