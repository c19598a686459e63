package io.vjvector.sdk.vector;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One clause of a {@link Filter}: {@link Filter.Match}, {@link Filter.MatchAny}, {@link
 * Filter.Range}, {@link Filter.IsNull}, {@link Filter.HasId}, or a nested {@link Filter}.
 *
 * <p>Only the SDK implements this interface (hence {@code @ProviderType}): the host plans filters
 * from these known clauses (payload indexes, selectivity), and a minor release may add methods.
 */
@ProviderType
public interface Condition {
  /**
   * Tests a point.
   *
   * @param id the point's id
   * @param payload its payload, a JSON object as maps, lists, strings, numbers, booleans and nulls
   * @return whether the point satisfies the condition
   */
  boolean test(PointId id, Map<String, Object> payload);

  /**
   * How deeply filters nest inside this condition: 0 for a leaf.
   *
   * @return the nesting depth
   */
  default int depth() {
    return 0;
  }
}
