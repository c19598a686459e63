package io.vjvector.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vjvector.marketplace.CatalogException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStateTest {

  @TempDir Path temp;

  @Test
  void savedStateLoadsBack() throws Exception {
    TrustState state = new TrustState(TrustedKey.of(SigningKeys.generate().getPublic()), 2, 7, 42);
    Path file = temp.resolve("state/trust.json");

    state.save(file);
    assertEquals(state, TrustState.load(file));

    TrustState later = new TrustState(state.rootKey(), 2, 8, 43);
    later.save(file);
    assertEquals(later, TrustState.load(file));
  }

  @Test
  void unreadableStateIsAnErrorNotAFreshStart() throws Exception {
    Path file = temp.resolve("trust.json");
    assertEquals(
        Reason.IO_ERROR,
        assertThrows(CatalogException.class, () -> TrustState.load(file)).reason());

    Files.writeString(file, "{\"type\":\"vjvector-trust-state\"}");
    assertEquals(
        Reason.MALFORMED,
        assertThrows(CatalogException.class, () -> TrustState.load(file)).reason());
  }

  @Test
  void keyFilesRoundTrip() throws Exception {
    var pair = SigningKeys.generate();
    var read = SigningKeys.readKeyPair(SigningKeys.toPem(pair));
    assertEquals(pair.getPublic(), read.getPublic());
    assertEquals(
        SigningKeys.keyId(pair.getPublic()),
        SigningKeys.keyId(SigningKeys.readPublicKey(SigningKeys.toPem(pair.getPublic()))));

    String mismatched =
        SigningKeys.toPem(pair)
            .replace(
                SigningKeys.toPem(pair.getPublic()),
                SigningKeys.toPem(SigningKeys.generate().getPublic()));
    assertEquals(
        Reason.MALFORMED,
        assertThrows(CatalogException.class, () -> SigningKeys.readKeyPair(mismatched)).reason());
  }
}
