package io.vjvector.sdk.event;

import io.vjvector.sdk.internal.Values;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Something that happened in the host. Immutable.
 *
 * @param type what happened, lower-case words separated by dots, area first: for example {@code
 *     collection.created}
 * @param tenant the tenant it happened in, or {@link #SYSTEM_TENANT} for node-wide events
 * @param time when it happened
 * @param attributes details (for example {@code collection}, {@code count}): strings, booleans and
 *     finite numbers only
 */
public record Event(String type, String tenant, Instant time, Map<String, Object> attributes) {
  /** The tenant of events that belong to no tenant (a node joined, a plugin was installed). */
  public static final String SYSTEM_TENANT = "_system";

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

  /**
   * Validates the event and copies its attributes.
   *
   * @param type what happened, lower-case words separated by dots, area first: for example {@code
   *     collection.created}
   * @param tenant the tenant it happened in, or {@link #SYSTEM_TENANT} for node-wide events
   * @param time when it happened
   * @param attributes details (for example {@code collection}, {@code count}): strings, booleans
   *     and finite numbers only
   * @throws IllegalArgumentException if the type is not dotted lower-case words, the tenant is
   *     blank, the time is {@code null}, or an attribute is not a string, boolean or number
   */
  public Event {
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          "event type must be dotted lower-case words such as collection.created, not '"
              + type
              + "'");
    }
    Values.requiredText(tenant, "tenant");
    Values.required(time, "time");
    attributes = Values.copyScalars("attribute", attributes);
  }

  /**
   * An event that happens now.
   *
   * @param type what happened
   * @param tenant the tenant
   * @param attributes details
   * @return the event
   */
  public static Event now(String type, String tenant, Map<String, ?> attributes) {
    return new Event(type, tenant, Instant.now(), Values.copyScalars("attribute", attributes));
  }
}
