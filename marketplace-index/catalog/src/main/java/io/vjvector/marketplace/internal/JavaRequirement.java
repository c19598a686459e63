package io.vjvector.marketplace.internal;

import io.vjvector.marketplace.internal.HeaderParser.Clause;
import java.util.List;
import java.util.OptionalInt;
import java.util.jar.Attributes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Version;

/**
 * The lowest Java feature version a bundle requires, from its {@code osgi.ee} requirement (what bnd
 * writes, e.g. {@code (&(osgi.ee=JavaSE)(version=17))}) or, failing that, the deprecated {@code
 * Bundle-RequiredExecutionEnvironment}. A requirement this cannot read is an error, never "any".
 */
public final class JavaRequirement {

  private static final Pattern NEGATION = Pattern.compile("\\(!\\([^()]*\\)\\)");
  private static final Pattern VERSION = Pattern.compile("\\(version>?=([0-9][0-9.]*)\\)");
  private static final Pattern BREE = Pattern.compile("(?:JavaSE|J2SE)-([0-9][0-9.]*)");

  private JavaRequirement() {}

  public static int of(Attributes manifest) {
    OptionalInt fromEe = fromRequirements(manifest.getValue("Require-Capability"));
    if (fromEe.isPresent()) {
      return fromEe.getAsInt();
    }
    String bree = manifest.getValue("Bundle-RequiredExecutionEnvironment");
    if (bree != null) {
      OptionalInt lowest =
          HeaderParser.parse(bree).stream()
              .map(c -> BREE.matcher(c.name()))
              .filter(Matcher::matches)
              .mapToInt(m -> feature(m.group(1)))
              .min();
      if (lowest.isPresent()) {
        return lowest.getAsInt();
      }
      throw new IllegalArgumentException(
          "Bundle-RequiredExecutionEnvironment names no JavaSE environment: " + bree);
    }
    throw new IllegalArgumentException(
        "the bundle declares no Java requirement (Require-Capability: osgi.ee)");
  }

  private static OptionalInt fromRequirements(String header) {
    List<Clause> ees =
        HeaderParser.parse(header).stream().filter(c -> c.name().equals("osgi.ee")).toList();
    OptionalInt lowest = OptionalInt.empty();
    for (Clause ee : ees) {
      int version = fromFilter(ee.directives().get("filter"));
      if (lowest.isEmpty() || version < lowest.getAsInt()) {
        lowest = OptionalInt.of(version);
      }
    }
    return lowest;
  }

  private static int fromFilter(String filter) {
    if (filter == null) {
      throw new IllegalArgumentException("osgi.ee requirement without a filter");
    }
    String positive = filter.replace(" ", "");
    for (String before = ""; !before.equals(positive); ) {
      before = positive;
      positive = NEGATION.matcher(positive).replaceAll("");
    }
    if (!positive.contains("(osgi.ee=JavaSE)") || positive.contains("|")) {
      throw new IllegalArgumentException("cannot read the osgi.ee filter " + filter);
    }
    Matcher matcher = VERSION.matcher(positive);
    int highest = -1;
    while (matcher.find()) {
      highest = Math.max(highest, feature(matcher.group(1)));
    }
    if (highest < 0) {
      throw new IllegalArgumentException("the osgi.ee filter names no version: " + filter);
    }
    return highest;
  }

  /** {@code 1.8} is Java 8, {@code 17} and {@code 17.0} are Java 17. */
  private static int feature(String text) {
    Version version = Version.parseVersion(text);
    return version.getMajor() == 1 ? version.getMinor() : version.getMajor();
  }
}
