package io.vjvector.marketplace;

import static io.vjvector.marketplace.CatalogClientTest.assertReason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.internal.Role;
import io.vjvector.marketplace.internal.SignatureCodec;
import io.vjvector.marketplace.internal.Signer;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotationTest {

  @TempDir Path temp;
  TestCatalog catalog;
  KeyPair shippedRoot;

  @BeforeEach
  void setUp() throws Exception {
    catalog = new TestCatalog(temp);
    shippedRoot = catalog.root;
    catalog.publish("com.acme.embed", "1.0.0");
  }

  @Test
  void rootRotationSignedByTheOldAndTheNewKeyIsFollowed() throws Exception {
    KeyPair second = SigningKeys.generate();
    KeyPair third = SigningKeys.generate();
    rotate(1, second, List.of(shippedRoot, second));
    rotate(2, third, List.of(second, third));
    catalog.root = third;
    catalog.write();

    TrustState state = client().refresh(TrustState.initial(shippedRoot.getPublic())).trustState();

    assertEquals(TrustedKey.of(third.getPublic()), state.rootKey());
    assertEquals(2, state.rootVersion());
    // A client that already follows the second root walks only the last step.
    TrustState midway = new TrustState(TrustedKey.of(second.getPublic()), 1, 0, 0);
    assertEquals(state, client().refresh(midway).trustState());
    // An assembly that ships the third key ships its root version with it.
    assertEquals(state, client().refresh(TrustState.initial(third.getPublic(), 2)).trustState());
    assertReason(
        Reason.MISSING_SIGNATURE, () -> client().refresh(TrustState.initial(third.getPublic())));
  }

  @Test
  void rootRotationSignedOnlyByTheNewKeyIsRejected() throws Exception {
    KeyPair attacker = SigningKeys.generate();
    rotate(1, attacker, List.of(attacker));
    catalog.root = attacker;
    catalog.write();

    CatalogException e = assertReason(Reason.MISSING_SIGNATURE, this::refreshFromShippedRoot);
    assertTrue(e.getMessage().contains("root/1.json"), e.getMessage());
  }

  @Test
  void rootRotationSignedOnlyByTheOldKeyIsRejected() throws Exception {
    // The new key must prove it is held: a typo'd or unowned key would lock every client out.
    KeyPair next = SigningKeys.generate();
    rotate(1, next, List.of(shippedRoot));
    catalog.root = next;
    catalog.write();

    assertReason(Reason.MISSING_SIGNATURE, this::refreshFromShippedRoot);
  }

  @Test
  void rootRotationWithAForgedCrossSignatureIsRejected() throws Exception {
    KeyPair next = SigningKeys.generate();
    byte[] document = CatalogWriter.root(1, next.getPublic());
    byte[] otherDocument = CatalogWriter.root(1, SigningKeys.generate().getPublic());
    catalog.write("root/1.json", document);
    // The old root's signature belongs to another document.
    catalog.write(
        "root/1.json.sig",
        SignatureCodec.write(
            List.of(
                Signer.sign(Role.ROOT, document, next),
                Signer.sign(Role.ROOT, otherDocument, shippedRoot))));
    catalog.root = next;
    catalog.write();

    assertReason(Reason.BAD_SIGNATURE, this::refreshFromShippedRoot);
  }

  @Test
  void afterARootRotationTheOldRootCanNoLongerSignKeys() throws Exception {
    KeyPair next = SigningKeys.generate();
    rotate(1, next, List.of(shippedRoot, next));
    catalog.root = shippedRoot; // keys.json still signed by the retired root
    catalog.write();

    CatalogException e = assertReason(Reason.MISSING_SIGNATURE, this::refreshFromShippedRoot);
    assertTrue(e.getMessage().contains("root version 1"), e.getMessage());
  }

  @Test
  void rootDocumentMustCarryItsOwnVersion() throws Exception {
    KeyPair next = SigningKeys.generate();
    byte[] document = CatalogWriter.root(2, next.getPublic());
    catalog.write("root/1.json", document);
    catalog.write("root/1.json.sig", CatalogWriter.signRoot(document, shippedRoot, next));
    catalog.root = next;
    catalog.write();

    assertReason(Reason.MALFORMED, this::refreshFromShippedRoot);
  }

  @Test
  void publisherKeyRotationRetiresTheOldKey() throws Exception {
    catalog.write();
    TrustState seen = catalog.refresh().trustState();
    KeyPair oldAcme = catalog.acme;
    KeyPair newAcme = SigningKeys.generate();
    catalog.publishers.set(
        0, new PublisherKey("acme", TrustedKey.of(newAcme.getPublic()), List.of("com.acme")));
    catalog.keysVersion = 2;
    catalog.indexVersion = 2;
    catalog.write();

    // Entries still signed by the retired key are refused...
    assertReason(Reason.UNKNOWN_KEY, () -> catalog.client().refresh(seen));

    // ...until the publisher signs them again with its new key.
    catalog.entries.set(0, CatalogWriter.signEntry(catalog.entries.get(0), newAcme));
    catalog.writeIndex();
    TrustState rotated = catalog.client().refresh(seen).trustState();
    assertEquals(2, rotated.keysVersion());

    // A mirror that serves the old delegation (old key, version 1) again is refused.
    catalog.publishers.set(
        0, new PublisherKey("acme", TrustedKey.of(oldAcme.getPublic()), List.of("com.acme")));
    catalog.keysVersion = 1;
    catalog.writeKeys();
    assertReason(Reason.ROLLBACK, () -> catalog.client().refresh(rotated));
  }

  @Test
  void indexKeyRotationTakesEffectWithTheNewDelegation() throws Exception {
    KeyPair oldIndex = catalog.indexKey;
    catalog.indexKey = SigningKeys.generate();
    catalog.keysVersion = 2;
    catalog.writeKeys().writeIndex(oldIndex);
    assertReason(Reason.MISSING_SIGNATURE, catalog::refresh);

    catalog.writeIndex();
    assertEquals(2, catalog.refresh().keys().version());
  }

  private void rotate(long version, KeyPair next, List<KeyPair> signers) throws Exception {
    byte[] document = CatalogWriter.root(version, next.getPublic());
    catalog.write(CatalogWriter.rootPath(version), document);
    List<KeySignature> signatures =
        signers.stream().map(k -> Signer.sign(Role.ROOT, document, k)).toList();
    catalog.write(CatalogWriter.rootPath(version) + ".sig", SignatureCodec.write(signatures));
  }

  private CatalogClient client() {
    return catalog.client();
  }

  private VerifiedCatalog refreshFromShippedRoot() throws CatalogException {
    return client().refresh(TrustState.initial(shippedRoot.getPublic()));
  }
}
