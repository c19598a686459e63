package io.vjvector.marketplace.internal;

import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;
import org.osgi.framework.VersionRange;

/** The summary {@code sdkRange} of an entry: the intersection of its SDK import ranges. */
public final class SdkRanges {

  private SdkRanges() {}

  public static Optional<VersionRange> intersection(Collection<VersionRange> ranges) {
    Iterator<VersionRange> it = ranges.iterator();
    if (!it.hasNext()) {
      return Optional.empty();
    }
    VersionRange result = it.next();
    while (it.hasNext()) {
      result = result.intersection(it.next());
    }
    return result.isEmpty() ? Optional.empty() : Optional.of(result);
  }
}
