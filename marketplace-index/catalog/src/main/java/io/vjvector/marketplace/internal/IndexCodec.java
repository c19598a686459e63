package io.vjvector.marketplace.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vjvector.marketplace.CatalogEntry;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.IndexDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code index.json}: the entries, signed as a whole by the index key. */
public final class IndexCodec {

  private static final String TYPE = "vjvector-index";

  private IndexCodec() {}

  public static IndexDocument read(byte[] bytes, String what) throws CatalogException {
    ObjectNode node = Json.parse(bytes, what);
    Json.onlyFields(node, what, Set.of("type", "specVersion", "version", "expires", "entries"));
    Json.requireType(node, what, TYPE);
    List<CatalogEntry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ObjectNode item : Json.objects(node, "entries", what)) {
      CatalogEntry entry = EntryCodec.read(item, what + ": entries[" + entries.size() + "]");
      if (!seen.add(entry.coordinates())) {
        throw new CatalogException(
            Reason.MALFORMED, what + ": " + entry.coordinates() + " is listed twice");
      }
      entries.add(entry);
    }
    return new IndexDocument(
        Json.positive(node, "version", what), Json.instant(node, "expires", what), entries);
  }

  public static byte[] write(IndexDocument index) {
    ObjectNode node = Json.object();
    node.put("type", TYPE);
    node.put("specVersion", 1);
    node.put("version", index.version());
    node.put("expires", index.expires().toString());
    ArrayNode entries = node.putArray("entries");
    index.entries().forEach(e -> entries.add(EntryCodec.write(e)));
    return Json.pretty(node);
  }
}
