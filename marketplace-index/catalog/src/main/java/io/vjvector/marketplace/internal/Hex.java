package io.vjvector.marketplace.internal;

import java.util.HexFormat;
import java.util.regex.Pattern;

/** Lowercase hex, the only spelling the catalog accepts for digests and key ids. */
public final class Hex {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private Hex() {}

  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  public static boolean isSha256(String text) {
    return SHA256.matcher(text).matches();
  }
}
