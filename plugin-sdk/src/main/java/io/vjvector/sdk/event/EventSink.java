package io.vjvector.sdk.event;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives events from the host. Registered as an OSGi service declared with {@link VjvEventSink}.
 *
 * <p>Delivery is asynchronous and at most once: the host calls {@link #accept} from its own event
 * threads, one event at a time per sink and in the order events happened, and drops events for a
 * sink that falls too far behind rather than slow down writes. A sink that throws gets the next
 * event all the same; the failure is logged and counted.
 */
@ConsumerType
public interface EventSink {
  /** The service property that carries the sink's name; {@link VjvEventSink} sets it. */
  String NAME_PROPERTY = VjvEventSink.PREFIX_ + "name";

  /**
   * Handles one event. Should return quickly; slow work belongs on the sink's own executor.
   *
   * @param event the event
   */
  void accept(Event event);
}
