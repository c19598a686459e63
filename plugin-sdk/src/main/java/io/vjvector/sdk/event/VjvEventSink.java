package io.vjvector.sdk.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares a Declarative Services component as an {@link EventSink} with a name: the service
 * carries the {@code vjvector.eventsink.name} property ({@link EventSink#NAME_PROPERTY}).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface VjvEventSink {
  /** Prepended to the element names to form the service property names. */
  String PREFIX_ = "vjvector.eventsink.";

  /**
   * The name the sink is known by in logs, metrics and configuration.
   *
   * @return the name
   */
  String name();
}
