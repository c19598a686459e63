package io.vjvector.engine.internal;

import io.vjvector.engine.PayloadIndexType;
import io.vjvector.sdk.vector.Condition;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Inverted indexes over payload fields, by slot: keyword values to slot sets, numbers and
 * date-times in sorted maps for ranges, booleans. They answer the indexed conditions of a filter
 * with a superset of the matching slots; the caller still tests the whole filter on each candidate,
 * so an index never has to agree with the filter language to the last corner case to be correct.
 * Not thread-safe: guarded like the store.
 */
final class PayloadIndexes {
  private final Map<String, FieldIndex> fields = new LinkedHashMap<>();

  /** Builds (or rebuilds) the index of a field over every live slot. */
  void create(String field, PayloadIndexType type, CollectionStore store) {
    FieldIndex index = new FieldIndex(type);
    for (int slot = 0; slot < store.slotCount(); slot++) {
      if (store.idAt(slot) != null) {
        index.add(slot, store.payloadAt(slot), field);
      }
    }
    fields.put(field, index);
  }

  void drop(String field) {
    fields.remove(field);
  }

  boolean isEmpty() {
    return fields.isEmpty();
  }

  /** A slot's payload changes from {@code before} (null: new) to {@code after} (null: deleted). */
  void update(int slot, Map<String, Object> before, Map<String, Object> after) {
    for (Map.Entry<String, FieldIndex> e : fields.entrySet()) {
      if (before != null) {
        e.getValue().remove(slot, before, e.getKey());
      }
      if (after != null) {
        e.getValue().add(slot, after, e.getKey());
      }
    }
  }

  /** Estimated memory held by the indexes. */
  long memoryBytes() {
    long bytes = 0;
    for (FieldIndex f : fields.values()) {
      bytes += f.memoryBytes();
    }
    return bytes;
  }

  /**
   * A superset of the slots matching {@code filter} from the indexes (and the id map for {@code
   * has_id}), or null when they cannot narrow it.
   */
  BitSet candidates(Filter filter, Function<PointId, Integer> slotOf) {
    BitSet result = null;
    for (Condition c : filter.must()) {
      BitSet part = candidates(c, slotOf);
      if (part != null) {
        if (result == null) {
          result = part;
        } else {
          result.and(part);
        }
      }
    }
    if (!filter.should().isEmpty()) {
      BitSet any = new BitSet();
      for (Condition c : filter.should()) {
        BitSet part = candidates(c, slotOf);
        if (part == null) {
          any = null; // one unindexed alternative can match anything
          break;
        }
        any.or(part);
      }
      if (any != null) {
        if (result == null) {
          result = any;
        } else {
          result.and(any);
        }
      }
    }
    return result;
  }

  private BitSet candidates(Condition c, Function<PointId, Integer> slotOf) {
    if (c instanceof Filter nested) {
      return candidates(nested, slotOf);
    }
    if (c instanceof Filter.HasId has) {
      BitSet out = new BitSet();
      for (PointId id : has.ids()) {
        Integer slot = slotOf.apply(id);
        if (slot != null) {
          out.set(slot);
        }
      }
      return out;
    }
    if (c instanceof Filter.Match m) {
      FieldIndex f = fields.get(m.key());
      return f == null ? null : f.match(m.value());
    }
    if (c instanceof Filter.MatchAny m) {
      FieldIndex f = fields.get(m.key());
      if (f == null) {
        return null;
      }
      BitSet out = new BitSet();
      for (Object v : m.values()) {
        BitSet part = f.match(v);
        if (part == null) {
          return null;
        }
        out.or(part);
      }
      return out;
    }
    if (c instanceof Filter.Range r) {
      FieldIndex f = fields.get(r.key());
      return f == null ? null : f.range(r);
    }
    return null;
  }

  /** The index of one field. */
  private static final class FieldIndex {
    private final PayloadIndexType type;
    private final Map<Object, Postings> exact = new HashMap<>(); // keyword and bool
    private final NavigableMap<Double, Postings> sorted = new TreeMap<>(); // numbers and dates

    FieldIndex(PayloadIndexType type) {
      this.type = type;
    }

    void add(int slot, Map<String, Object> payload, String field) {
      for (Object v : Filter.values(payload, field)) {
        Object key = key(v);
        if (key instanceof Double d) {
          sorted.computeIfAbsent(d, k -> new Postings()).add(slot);
        } else if (key != null) {
          exact.computeIfAbsent(key, k -> new Postings()).add(slot);
        }
      }
    }

    void remove(int slot, Map<String, Object> payload, String field) {
      for (Object v : Filter.values(payload, field)) {
        Object key = key(v);
        Map<?, Postings> map = key instanceof Double ? sorted : exact;
        Postings set = key == null ? null : map.get(key);
        if (set != null) {
          set.remove(slot);
          if (set.isEmpty()) {
            map.remove(key);
          }
        }
      }
    }

    /** What a payload value is indexed under, or null if this index does not hold it. */
    private Object key(Object v) {
      switch (type) {
        case KEYWORD:
          return v instanceof String ? v : null;
        case BOOL:
          return v instanceof Boolean ? v : null;
        case INTEGER:
        case FLOAT:
          return v instanceof Number n ? n.doubleValue() : null;
        case DATETIME:
          if (v instanceof String s) {
            try {
              return (double) OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
              return null;
            }
          }
          return null;
        default:
          return null;
      }
    }

    /** Slots holding {@code value}; null if this index cannot answer it. */
    BitSet match(Object value) {
      Object key = key(value);
      if (key == null) {
        // a string matched against a numeric index (or the like) can match nothing indexed, but
        // the filter may compare it with values this index skips: let the filter decide
        return null;
      }
      Postings set = key instanceof Double ? sorted.get(key) : exact.get(key);
      BitSet out = new BitSet();
      if (set != null) {
        set.orInto(out);
      }
      return out;
    }

    /** Slots whose value may lie in the range; null if this index cannot answer it. */
    BitSet range(Filter.Range r) {
      boolean dates = type == PayloadIndexType.DATETIME;
      if (r.isDateRange() != dates || !(dates || isNumeric())) {
        return null;
      }
      double lo = Double.NEGATIVE_INFINITY;
      double hi = Double.POSITIVE_INFINITY;
      // Inclusive on both ends whatever the bound says: a superset, the filter trims it exactly.
      for (Object b : new Object[] {r.gt(), r.gte()}) {
        if (b != null) {
          lo = Math.max(lo, bound(b, true));
        }
      }
      for (Object b : new Object[] {r.lt(), r.lte()}) {
        if (b != null) {
          hi = Math.min(hi, bound(b, false));
        }
      }
      BitSet out = new BitSet();
      if (lo > hi) {
        return out;
      }
      for (Postings set : sorted.subMap(lo, true, hi, true).values()) {
        set.orInto(out);
      }
      return out;
    }

    private boolean isNumeric() {
      return type == PayloadIndexType.INTEGER || type == PayloadIndexType.FLOAT;
    }

    private static double bound(Object b, boolean lower) {
      if (b instanceof Instant i) {
        // millisecond keys: widen to whole milliseconds so nothing inside is lost
        long ms = i.toEpochMilli();
        return lower ? ms : ms + 1;
      }
      double d = ((Number) b).doubleValue();
      // the double nearest a long or decimal bound may lie just inside it: widen by one ulp
      return lower ? Math.nextDown(d) : Math.nextUp(d);
    }

    long memoryBytes() {
      long bytes = 64;
      for (Postings set : exact.values()) {
        bytes += 48 + set.memoryBytes();
      }
      for (Postings set : sorted.values()) {
        bytes += 64 + set.memoryBytes();
      }
      return bytes;
    }
  }
}
