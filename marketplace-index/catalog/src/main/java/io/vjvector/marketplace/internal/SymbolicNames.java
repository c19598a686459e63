package io.vjvector.marketplace.internal;

import java.util.regex.Pattern;

/** Bundle symbolic names and publisher ids, kept to a plain alphabet so prefixes mean one thing. */
public final class SymbolicNames {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
  private static final Pattern PUBLISHER = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private SymbolicNames() {}

  public static boolean isValid(String name) {
    return name.length() <= 255 && NAME.matcher(name).matches();
  }

  public static boolean isPublisherId(String id) {
    return PUBLISHER.matcher(id).matches();
  }
}
