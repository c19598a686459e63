package io.vjvector.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.Condition;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON filter language into a {@link Filter}, naming the offending place on error:
 *
 * <pre>
 * filter    = {"must": [cond], "should": [cond], "must_not": [cond]}
 * cond      = {"key": k, "match": {"value": v}} | {"key": k, "match": {"any": [v, ...]}}
 *           | {"key": k, "range": {"gt"|"gte"|"lt"|"lte": number or RFC 3339 date-time}}
 *           | {"is_null": {"key": k}} | {"has_id": [id, ...]} | filter
 * </pre>
 */
final class FilterParser {
  /** How deeply filters may nest. */
  static final int MAX_DEPTH = 8;

  /** How many conditions one filter may hold in all. */
  static final int MAX_CONDITIONS = 1024;

  private static final Set<String> CLAUSES = Set.of("must", "should", "must_not");

  private int conditions;

  private FilterParser() {}

  static Filter parse(JsonNode node) {
    if (node == null || node.isNull()) {
      return Filter.none();
    }
    return new FilterParser().filter(node, "filter", 1);
  }

  private Filter filter(JsonNode node, String where, int depth) {
    if (!node.isObject()) {
      throw invalid(where + " must be an object");
    }
    if (depth > MAX_DEPTH) {
      throw invalid("filters nest deeper than " + MAX_DEPTH + " levels at " + where);
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!CLAUSES.contains(field)) {
        throw invalid("unknown field '" + field + "' in " + where);
      }
    }
    return Filter.of(
        clause(node, "must", where, depth),
        clause(node, "should", where, depth),
        clause(node, "must_not", where, depth));
  }

  private List<Condition> clause(JsonNode filter, String name, String where, int depth) {
    JsonNode list = filter.get(name);
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw invalid(where + "." + name + " must be an array");
    }
    List<Condition> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (++conditions > MAX_CONDITIONS) {
        throw invalid("a filter may hold at most " + MAX_CONDITIONS + " conditions");
      }
      out.add(condition(list.get(i), where + "." + name + "[" + i + "]", depth));
    }
    return out;
  }

  private Condition condition(JsonNode c, String where, int depth) {
    if (!c.isObject()) {
      throw invalid(where + " must be an object");
    }
    try {
      if (c.has("has_id")) {
        return hasId(c.get("has_id"), where);
      }
      if (c.has("is_null")) {
        return new Filter.IsNull(text(c.get("is_null").get("key"), where + ".is_null.key"));
      }
      if (c.has("key")) {
        return field(c, where);
      }
      return filter(c, where, depth + 1);
    } catch (IllegalArgumentException e) {
      throw invalid(where + ": " + e.getMessage());
    }
  }

  private static Condition field(JsonNode c, String where) {
    String key = text(c.get("key"), where + ".key");
    JsonNode match = c.get("match");
    JsonNode range = c.get("range");
    if ((match == null) == (range == null)) {
      throw invalid(where + " needs exactly one of 'match' and 'range'");
    }
    if (match != null) {
      if (match.has("value") == match.has("any") || match.size() != 1) {
        throw invalid(where + ".match needs exactly one of 'value' and 'any'");
      }
      if (match.has("value")) {
        return new Filter.Match(key, scalar(match.get("value"), where + ".match.value"));
      }
      JsonNode any = match.get("any");
      if (!any.isArray()) {
        throw invalid(where + ".match.any must be an array");
      }
      List<Object> values = new ArrayList<>(any.size());
      for (int i = 0; i < any.size(); i++) {
        values.add(scalar(any.get(i), where + ".match.any[" + i + "]"));
      }
      return new Filter.MatchAny(key, values);
    }
    for (Iterator<String> it = range.fieldNames(); it.hasNext(); ) {
      String bound = it.next();
      if (!Set.of("gt", "gte", "lt", "lte").contains(bound)) {
        throw invalid("unknown bound '" + bound + "' in " + where + ".range");
      }
    }
    return new Filter.Range(
        key,
        bound(range, "gt", where),
        bound(range, "gte", where),
        bound(range, "lt", where),
        bound(range, "lte", where));
  }

  private static Object bound(JsonNode range, String name, String where) {
    JsonNode b = range.get(name);
    return b == null || b.isNull() ? null : scalar(b, where + ".range." + name);
  }

  private static Condition hasId(JsonNode ids, String where) {
    if (ids == null || !ids.isArray()) {
      throw invalid(where + ".has_id must be an array of ids");
    }
    List<PointId> out = new ArrayList<>(ids.size());
    for (JsonNode id : ids) {
      out.add(Convert.id(id));
    }
    return new Filter.HasId(out);
  }

  private static String text(JsonNode node, String where) {
    if (node == null || !node.isTextual()) {
      throw invalid(where + " must be a string");
    }
    return node.textValue();
  }

  private static Object scalar(JsonNode v, String where) {
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    throw invalid(where + " must be a string, number or boolean");
  }

  private static VjvException invalid(String detail) {
    return new VjvException(ErrorType.INVALID_REQUEST, detail);
  }
}
