package io.vjvector.marketplace.internal;

import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import java.util.Base64;

/** PEM blocks (RFC 7468): the key file format OpenSSL and the JDK's encodings agree on. */
public final class Pem {

  private Pem() {}

  public static String encode(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  public static byte[] decode(String label, String text) throws CatalogException {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int start = text.indexOf(begin);
    int stop = start < 0 ? -1 : text.indexOf(end, start);
    if (stop < 0) {
      throw new CatalogException(Reason.MALFORMED, "no " + label + " PEM block");
    }
    try {
      return Base64.getDecoder()
          .decode(text.substring(start + begin.length(), stop).replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new CatalogException(Reason.MALFORMED, "bad base64 in the " + label + " PEM block", e);
    }
  }
}
