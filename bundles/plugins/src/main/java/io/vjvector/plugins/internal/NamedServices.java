package io.vjvector.plugins.internal;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.osgi.framework.Constants;

/**
 * The services of one SPI that are registered right now, by name. Fed by a dynamic, greedy DS
 * reference; read from any thread.
 *
 * @param <S> the SPI
 */
final class NamedServices<S> {
  /** One registered service with the properties that decide which one is chosen. */
  record Entry<S>(S service, String name, long bundleId, long serviceId, int ranking) {}

  /**
   * Best first: highest ranking, then the newest registration. Newest, unlike the framework's own
   * order: an upgrade starts the new version next to the old one, and new calls must go to the new
   * one at once so that the old one can drain and stop without failing a call.
   */
  private static final Comparator<Entry<?>> BEST =
      Comparator.comparingInt((Entry<?> e) -> -e.ranking())
          .thenComparingLong((Entry<?> e) -> -e.serviceId());

  private final Spi spi;
  private final Map<Long, Entry<S>> byServiceId = new ConcurrentHashMap<>();

  NamedServices(Spi spi) {
    this.spi = spi;
  }

  /**
   * Adds or replaces a service.
   *
   * @param service the service object
   * @param properties its service properties ({@code service.id}, {@code service.bundleid}, ...)
   */
  void put(S service, Map<String, ?> properties) {
    Entry<S> e =
        new Entry<>(
            service,
            name(properties),
            number(properties.get(Constants.SERVICE_BUNDLEID), -1L),
            number(properties.get(Constants.SERVICE_ID), -1L),
            (int) number(properties.get(Constants.SERVICE_RANKING), 0L));
    byServiceId.put(e.serviceId(), e);
  }

  /**
   * Removes a service.
   *
   * @param properties its service properties
   */
  void remove(Map<String, ?> properties) {
    byServiceId.remove(number(properties.get(Constants.SERVICE_ID), -1L));
  }

  Optional<S> find(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    return byServiceId.values().stream()
        .filter(e -> e.name().equals(name))
        .min(BEST)
        .map(Entry::service);
  }

  S require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new VjvException(
                    ErrorType.UNAVAILABLE,
                    "no "
                        + spi.id()
                        + " named '"
                        + name
                        + "' is installed"
                        + (names().isEmpty()
                            ? ""
                            : " (installed: " + String.join(", ", names()) + ")")));
  }

  List<S> all() {
    return byServiceId.values().stream()
        .sorted(BEST)
        .map(Entry::service)
        .collect(Collectors.toList());
  }

  Set<String> names() {
    return byServiceId.values().stream()
        .map(Entry::name)
        .filter(n -> !n.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Every registered service with its bundle, for the plugin listing. */
  List<Entry<S>> entries() {
    return byServiceId.values().stream().sorted(BEST).collect(Collectors.toList());
  }

  Spi spi() {
    return spi;
  }

  /** The service's name, or empty if it has none (it can then never be selected). */
  private String name(Map<String, ?> properties) {
    Object v = properties.get(spi.nameProperty);
    if (v instanceof String[] && ((String[]) v).length > 0) {
      v = ((String[]) v)[0];
    }
    return v instanceof String ? ((String) v).strip() : "";
  }

  private static long number(Object v, long fallback) {
    return v instanceof Number ? ((Number) v).longValue() : fallback;
  }
}
