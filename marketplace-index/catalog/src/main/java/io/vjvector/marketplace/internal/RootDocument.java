package io.vjvector.marketplace.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.TrustedKey;
import java.util.Set;

/**
 * {@code root/<version>.json}: names the root key from this version on. Signed by the previous root
 * key and by the key it names.
 */
public record RootDocument(long version, TrustedKey rootKey) {

  private static final String TYPE = "vjvector-root";

  public static RootDocument read(byte[] bytes, String what) throws CatalogException {
    ObjectNode node = Json.parse(bytes, what);
    Json.onlyFields(node, what, Set.of("type", "specVersion", "version", "rootKey"));
    Json.requireType(node, what, TYPE);
    return new RootDocument(
        Json.positive(node, "version", what),
        KeyCodec.read(Json.object(node, "rootKey", what), what + ": rootKey"));
  }

  public byte[] write() {
    ObjectNode node = Json.object();
    node.put("type", TYPE);
    node.put("specVersion", 1);
    node.put("version", version);
    node.set("rootKey", KeyCodec.write(rootKey));
    return Json.pretty(node);
  }
}
