package io.vjvector.marketplace.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.TrustState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The client's trust state as a small JSON file, replaced atomically. */
public final class TrustStateFile {

  private static final String TYPE = "vjvector-trust-state";

  private TrustStateFile() {}

  public static TrustState load(Path file) throws CatalogException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CatalogException(Reason.IO_ERROR, "cannot read " + file + ": " + e, e);
    }
    String what = file.getFileName().toString();
    ObjectNode node = Json.parse(bytes, what);
    Json.onlyFields(
        node,
        what,
        Set.of("type", "specVersion", "rootKey", "rootVersion", "keysVersion", "indexVersion"));
    Json.requireType(node, what, TYPE);
    return new TrustState(
        KeyCodec.read(Json.object(node, "rootKey", what), what + ": rootKey"),
        nonNegative(node, "rootVersion", what),
        nonNegative(node, "keysVersion", what),
        nonNegative(node, "indexVersion", what));
  }

  public static void save(TrustState state, Path file) throws CatalogException {
    ObjectNode node = Json.object();
    node.put("type", TYPE);
    node.put("specVersion", 1);
    node.set("rootKey", KeyCodec.write(state.rootKey()));
    node.put("rootVersion", state.rootVersion());
    node.put("keysVersion", state.keysVersion());
    node.put("indexVersion", state.indexVersion());
    try {
      AtomicFiles.write(file, Json.pretty(node));
    } catch (IOException e) {
      throw new CatalogException(Reason.IO_ERROR, "cannot write " + file + ": " + e, e);
    }
  }

  private static long nonNegative(ObjectNode node, String field, String what)
      throws CatalogException {
    long value = Json.longValue(node, field, what);
    if (value < 0) {
      throw new CatalogException(Reason.MALFORMED, what + ": " + field + " is negative");
    }
    return value;
  }
}
