package io.vjvector.marketplace.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a signature is for. The role's tag is signed in front of the document, so a signature made
 * for one role can never be replayed as a signature for another.
 */
public enum Role {
  ROOT,
  KEYS,
  INDEX,
  ENTRY;

  byte[] tag() {
    return ("vjvector-catalog/v1/" + name().toLowerCase(Locale.ROOT) + "\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
