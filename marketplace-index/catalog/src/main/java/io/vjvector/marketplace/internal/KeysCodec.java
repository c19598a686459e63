package io.vjvector.marketplace.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.Delegations;
import io.vjvector.marketplace.PublisherKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code keys.json}: the root's delegations. */
public final class KeysCodec {

  private static final String TYPE = "vjvector-keys";

  private KeysCodec() {}

  public static Delegations read(byte[] bytes, String what) throws CatalogException {
    ObjectNode node = Json.parse(bytes, what);
    Json.onlyFields(
        node, what, Set.of("type", "specVersion", "version", "expires", "indexKey", "publishers"));
    Json.requireType(node, what, TYPE);
    List<PublisherKey> publishers = new ArrayList<>();
    for (ObjectNode publisher : Json.objects(node, "publishers", what)) {
      publishers.add(readPublisher(publisher, what + ": publishers[" + publishers.size() + "]"));
    }
    try {
      return new Delegations(
          Json.positive(node, "version", what),
          Json.instant(node, "expires", what),
          KeyCodec.read(Json.object(node, "indexKey", what), what + ": indexKey"),
          publishers);
    } catch (IllegalArgumentException e) {
      throw new CatalogException(Reason.MALFORMED, what + ": " + e.getMessage(), e);
    }
  }

  public static byte[] write(Delegations delegations) {
    ObjectNode node = Json.object();
    node.put("type", TYPE);
    node.put("specVersion", 1);
    node.put("version", delegations.version());
    node.put("expires", delegations.expires().toString());
    node.set("indexKey", KeyCodec.write(delegations.indexKey()));
    ArrayNode publishers = node.putArray("publishers");
    for (PublisherKey publisher : delegations.publishers()) {
      ObjectNode item = publishers.addObject();
      item.put("id", publisher.id());
      KeyCodec.write(item, publisher.key());
      publisher.prefixes().forEach(item.putArray("prefixes")::add);
    }
    return Json.pretty(node);
  }

  private static PublisherKey readPublisher(ObjectNode node, String what) throws CatalogException {
    Json.onlyFields(node, what, Set.of("id", "keyid", "publicKey", "prefixes"));
    String id = Json.text(node, "id", what);
    try {
      return new PublisherKey(
          id,
          KeyCodec.read(node, what + " (" + id + ")", Json.text(node, "keyid", what)),
          Json.strings(node, "prefixes", what));
    } catch (IllegalArgumentException e) {
      throw new CatalogException(Reason.MALFORMED, what + ": " + e.getMessage(), e);
    }
  }
}
