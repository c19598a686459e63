package io.vjvector.marketplace.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.KeySignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Detached signature files, {@code <document>.sig}: {@code {"signatures": [{keyid, sig}]}}. */
public final class SignatureCodec {

  private SignatureCodec() {}

  public static List<KeySignature> read(byte[] bytes, String what) throws CatalogException {
    ObjectNode root = Json.parse(bytes, what);
    Json.onlyFields(root, what, Set.of("signatures"));
    List<KeySignature> signatures = new ArrayList<>();
    for (ObjectNode node : Json.objects(root, "signatures", what)) {
      signatures.add(readOne(node, what));
    }
    return signatures;
  }

  public static byte[] write(List<KeySignature> signatures) {
    ObjectNode root = Json.object();
    ArrayNode array = root.putArray("signatures");
    signatures.forEach(s -> array.add(writeOne(s)));
    return Json.pretty(root);
  }

  static KeySignature readOne(ObjectNode node, String what) throws CatalogException {
    Json.onlyFields(node, what, Set.of("keyid", "sig"));
    return new KeySignature(Json.text(node, "keyid", what), Json.text(node, "sig", what));
  }

  static ObjectNode writeOne(KeySignature signature) {
    ObjectNode node = Json.object();
    node.put("keyid", signature.keyId());
    node.put("sig", signature.signature());
    return node;
  }
}
