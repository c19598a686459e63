package io.vjvector.marketplace.internal;

import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.KeySignature;
import io.vjvector.marketplace.SigningKeys;
import io.vjvector.marketplace.TrustedKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/** Ed25519 over the role tag followed by the exact bytes signed. */
public final class Signer {

  private Signer() {}

  public static KeySignature sign(Role role, byte[] message, KeyPair key) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key.getPrivate());
      signature.update(role.tag());
      signature.update(message);
      return new KeySignature(
          SigningKeys.keyId(key.getPublic()), Base64.getEncoder().encodeToString(signature.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
    }
  }

  /**
   * Requires a signature by {@code key} among {@code signatures}; every signature by that key must
   * verify. Signatures by other keys are ignored: they let a document carry an old and a new key's
   * signature while clients move from one to the other.
   */
  public static void requireSignedBy(
      Role role,
      String what,
      byte[] message,
      List<KeySignature> signatures,
      TrustedKey key,
      String keyName)
      throws CatalogException {
    List<KeySignature> byKey =
        signatures.stream().filter(s -> s.keyId().equals(key.keyId())).toList();
    if (byKey.isEmpty()) {
      throw new CatalogException(
          Reason.MISSING_SIGNATURE,
          what
              + " is not signed by the "
              + keyName
              + " "
              + key.keyId()
              + " (signed by: "
              + (signatures.isEmpty()
                  ? "nobody"
                  : signatures.stream().map(KeySignature::keyId).collect(Collectors.joining(", ")))
              + ")");
    }
    for (KeySignature signature : byKey) {
      if (!verifies(role, message, signature, key.publicKey())) {
        throw new CatalogException(
            Reason.BAD_SIGNATURE,
            what + ": the signature by the " + keyName + " " + key.keyId() + " does not verify");
      }
    }
  }

  private static boolean verifies(
      Role role, byte[] message, KeySignature signature, PublicKey key) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(signature.signature());
    } catch (IllegalArgumentException e) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(role.tag());
      verifier.update(message);
      return verifier.verify(raw);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
