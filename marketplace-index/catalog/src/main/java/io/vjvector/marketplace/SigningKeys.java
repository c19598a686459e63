package io.vjvector.marketplace;

import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.internal.Hex;
import io.vjvector.marketplace.internal.Pem;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Ed25519 keys for the catalog: generation, key ids, and PEM files (PKCS#8 {@code PRIVATE KEY} and
 * X.509 {@code PUBLIC KEY} blocks, readable by OpenSSL). A key-pair file holds both blocks because
 * the JDK cannot derive an Ed25519 public key from the private one.
 */
public final class SigningKeys {

  private static final String ALGORITHM = "Ed25519";

  private SigningKeys() {}

  /**
   * @return a new Ed25519 key pair
   */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no Ed25519", e);
    }
  }

  /**
   * @param key a public key
   * @return the lowercase hex SHA-256 of its X.509 encoding
   */
  public static String keyId(PublicKey key) {
    try {
      return Hex.of(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /**
   * @param x509 an X.509 SubjectPublicKeyInfo encoding
   * @return the Ed25519 public key
   * @throws CatalogException MALFORMED if it is not an Ed25519 public key
   */
  public static PublicKey publicKey(byte[] x509) throws CatalogException {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CatalogException(
          Reason.MALFORMED, "not an Ed25519 public key: " + e.getMessage(), e);
    }
  }

  /**
   * @param key an Ed25519 public key
   * @return a {@code PUBLIC KEY} PEM block
   */
  public static String toPem(PublicKey key) {
    return Pem.encode("PUBLIC KEY", key.getEncoded());
  }

  /**
   * @param pair an Ed25519 key pair
   * @return a {@code PRIVATE KEY} block followed by a {@code PUBLIC KEY} block
   */
  public static String toPem(KeyPair pair) {
    return Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()) + toPem(pair.getPublic());
  }

  /**
   * @param pem text holding a {@code PUBLIC KEY} block
   * @return the Ed25519 public key
   * @throws CatalogException MALFORMED if there is no such block or it is not Ed25519
   */
  public static PublicKey readPublicKey(String pem) throws CatalogException {
    return publicKey(Pem.decode("PUBLIC KEY", pem));
  }

  /**
   * @param pem text holding a {@code PRIVATE KEY} and a {@code PUBLIC KEY} block
   * @return the key pair, checked to belong together
   * @throws CatalogException MALFORMED if a block is missing, not Ed25519, or the keys differ
   */
  public static KeyPair readKeyPair(String pem) throws CatalogException {
    PublicKey publicKey = readPublicKey(pem);
    PrivateKey privateKey;
    try {
      privateKey =
          KeyFactory.getInstance(ALGORITHM)
              .generatePrivate(new PKCS8EncodedKeySpec(Pem.decode("PRIVATE KEY", pem)));
      byte[] probe = "vjvector key pair check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(privateKey);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new CatalogException(
            Reason.MALFORMED, "the private and the public key in the file do not belong together");
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CatalogException(
          Reason.MALFORMED, "not an Ed25519 private key: " + e.getMessage(), e);
    }
    return new KeyPair(publicKey, privateKey);
  }
}
