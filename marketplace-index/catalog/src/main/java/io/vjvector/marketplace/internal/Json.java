package io.vjvector.marketplace.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Strict JSON for signed documents: duplicate keys, trailing data, unknown fields and wrong types
 * are all rejected as MALFORMED, naming the file and the field.
 */
public final class Json {

  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Json() {}

  public static ObjectNode parse(byte[] bytes, String what) throws CatalogException {
    JsonNode node;
    try {
      node = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new CatalogException(
          Reason.MALFORMED, what + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new CatalogException(Reason.MALFORMED, what + " is not valid JSON: " + e, e);
    }
    if (node == null || !node.isObject()) {
      throw new CatalogException(Reason.MALFORMED, what + " is not a JSON object");
    }
    return (ObjectNode) node;
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Pretty, with a final newline: the form written to disk (signatures cover these bytes). */
  public static byte[] pretty(JsonNode node) {
    try {
      String text = MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
      return (text + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compact: the canonical form of an entry, built from parsed values in a fixed field order. */
  public static byte[] compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void onlyFields(ObjectNode node, String what, Set<String> allowed)
      throws CatalogException {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new CatalogException(Reason.MALFORMED, what + ": unknown field '" + name + "'");
      }
    }
  }

  public static void requireType(ObjectNode node, String what, String type)
      throws CatalogException {
    String actual = text(node, "type", what);
    if (!type.equals(actual)) {
      throw new CatalogException(
          Reason.MALFORMED, what + ": type is '" + actual + "', expected '" + type + "'");
    }
    if (longValue(node, "specVersion", what) != 1) {
      throw new CatalogException(
          Reason.MALFORMED,
          what + ": specVersion " + node.get("specVersion") + " is not supported");
    }
  }

  public static String text(ObjectNode node, String field, String what) throws CatalogException {
    JsonNode value = required(node, field, what);
    if (!value.isTextual()) {
      throw wrongType(field, what, "a string");
    }
    return value.textValue();
  }

  public static long longValue(ObjectNode node, String field, String what) throws CatalogException {
    JsonNode value = required(node, field, what);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw wrongType(field, what, "an integer");
    }
    return value.longValue();
  }

  public static long positive(ObjectNode node, String field, String what) throws CatalogException {
    long value = longValue(node, field, what);
    if (value < 1) {
      throw new CatalogException(Reason.MALFORMED, what + ": " + field + " must be at least 1");
    }
    return value;
  }

  public static boolean bool(ObjectNode node, String field, String what) throws CatalogException {
    JsonNode value = required(node, field, what);
    if (!value.isBoolean()) {
      throw wrongType(field, what, "true or false");
    }
    return value.booleanValue();
  }

  public static Instant instant(ObjectNode node, String field, String what)
      throws CatalogException {
    String text = text(node, field, what);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw wrongType(field, what, "an ISO-8601 UTC time such as 2030-01-01T00:00:00Z");
    }
  }

  public static ObjectNode object(ObjectNode node, String field, String what)
      throws CatalogException {
    JsonNode value = required(node, field, what);
    if (!value.isObject()) {
      throw wrongType(field, what, "an object");
    }
    return (ObjectNode) value;
  }

  public static List<ObjectNode> objects(ObjectNode node, String field, String what)
      throws CatalogException {
    List<ObjectNode> result = new ArrayList<>();
    for (JsonNode item : array(node, field, what)) {
      if (!item.isObject()) {
        throw wrongType(field, what, "an array of objects");
      }
      result.add((ObjectNode) item);
    }
    return result;
  }

  public static List<String> strings(ObjectNode node, String field, String what)
      throws CatalogException {
    List<String> result = new ArrayList<>();
    for (JsonNode item : array(node, field, what)) {
      if (!item.isTextual() || item.textValue().isBlank()) {
        throw wrongType(field, what, "an array of non-empty strings");
      }
      result.add(item.textValue());
    }
    return result;
  }

  public static ArrayNode array(ObjectNode node, String field, String what)
      throws CatalogException {
    JsonNode value = required(node, field, what);
    if (!value.isArray()) {
      throw wrongType(field, what, "an array");
    }
    return (ArrayNode) value;
  }

  private static JsonNode required(ObjectNode node, String field, String what)
      throws CatalogException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new CatalogException(Reason.MALFORMED, what + ": field '" + field + "' is missing");
    }
    return value;
  }

  private static CatalogException wrongType(String field, String what, String expected) {
    return new CatalogException(
        Reason.MALFORMED, what + ": field '" + field + "' must be " + expected);
  }
}
