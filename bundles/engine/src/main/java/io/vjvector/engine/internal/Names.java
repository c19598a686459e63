package io.vjvector.engine.internal;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;

/**
 * Tenant and collection names, which double as directory names and so must stay filesystem-safe.
 */
final class Names {
  static final int MAX_LENGTH = 64;

  private Names() {}

  static boolean isValid(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static String requireValid(String kind, String value) {
    if (!isValid(value)) {
      throw new VjvException(
          ErrorType.INVALID_REQUEST,
          kind
              + " name must be 1 to "
              + MAX_LENGTH
              + " characters of [A-Za-z0-9_-], got "
              + describe(value));
    }
    return value;
  }

  // Echoes the rejected value for the client, but never verbatim control characters or megabytes.
  private static String describe(String value) {
    if (value == null) {
      return "none";
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < value.length() && i < 80; i++) {
      char c = value.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return sb.append(value.length() > 80 ? "...\"" : "\"").toString();
  }
}
