package io.vjvector.security.internal.auth;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Server-side request forgery protection for every URL the server itself fetches (JWKS, IdP
 * metadata, ...). Refuses non-HTTP(S) schemes, user info in the URL and hosts that resolve to
 * link-local, cloud metadata, any-local, multicast or broadcast addresses, unless the host was
 * explicitly allowed. Loopback and private ranges pass: enterprise identity providers are internal.
 *
 * <p>Name resolution is checked for every address, and {@link #resolve(URI)} returns the checked
 * addresses so a client connects to exactly what was checked (no DNS rebinding window).
 */
public final class UrlGuard {
  private static final Set<String> METADATA_NAMES =
      Set.of("metadata.google.internal", "metadata", "metadata.goog", "instance-data");

  private final Set<String> allowed;

  /**
   * Creates the guard.
   *
   * @param allowedHosts hosts ({@code host}: any port) or {@code host:port} entries that pass even
   *     if they resolve to a refused address; IPv6 literals in brackets; may be empty
   */
  public UrlGuard(Set<String> allowedHosts) {
    Set<String> normalized = new HashSet<>();
    for (String entry : allowedHosts == null ? Set.<String>of() : allowedHosts) {
      if (entry != null && !entry.isBlank()) {
        normalized.add(entry.trim().toLowerCase(Locale.ROOT));
      }
    }
    this.allowed = Set.copyOf(normalized);
  }

  /**
   * Checks a URL the server is about to fetch.
   *
   * @param url the URL
   * @return the parsed URL
   * @throws IllegalArgumentException if the URL is malformed or refused, with the reason
   */
  public URI check(String url) {
    URI uri = parse(url);
    resolve(uri);
    return uri;
  }

  /**
   * Checks a URL without name resolution, for configuration time when the host may not resolve yet:
   * the scheme, user info, metadata host names and IP literals are checked; host names are checked
   * when {@link #resolve(URI)} is called before connecting.
   *
   * @param url the URL
   * @return the parsed URL
   * @throws IllegalArgumentException if the URL is malformed or refused, with the reason
   */
  public URI checkWithoutResolving(String url) {
    URI uri = parse(url);
    String host = host(uri);
    int port = port(uri);
    if (isAllowed(host, port)) {
      return uri;
    }
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (METADATA_NAMES.contains(name)) {
      throw new IllegalArgumentException("URL refused: cloud metadata host " + host);
    }
    if (host.indexOf(':') >= 0 || host.matches("[0-9.]+")) {
      try {
        // An IP literal: parsed, never looked up.
        checkAddress(host, port, InetAddress.getByName(host));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("URL refused: malformed address " + host, e);
      }
    }
    return uri;
  }

  /**
   * Checks the URL's form and resolves its host, checking every address.
   *
   * @param uri an absolute URL
   * @return the checked addresses to connect to, never empty
   * @throws IllegalArgumentException if refused
   */
  public List<InetAddress> resolve(URI uri) {
    checkWithoutResolving(uri.toString());
    String host = host(uri);
    int port = port(uri);
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("URL refused: cannot resolve host " + host, e);
    }
    for (InetAddress address : addresses) {
      checkAddress(host, port, address);
    }
    return List.of(addresses);
  }

  /**
   * Checks an address at connect time (after resolution).
   *
   * @param host the host name from the URL (lower case, IPv6 without brackets)
   * @param port the port to connect to
   * @param address the address about to be connected to
   * @throws IllegalArgumentException if the address is refused and the host not allowed
   */
  public void checkAddress(String host, int port, InetAddress address) {
    if (isAllowed(host, port)) {
      return;
    }
    String why = refusal(address);
    if (why != null) {
      throw new IllegalArgumentException(
          "URL refused: host " + host + " resolves to " + why + " " + address.getHostAddress());
    }
  }

  /**
   * Whether a host (and port) was explicitly allowed.
   *
   * @param host host name or IP literal, IPv6 without brackets
   * @param port the port
   * @return true if allowed
   */
  public boolean isAllowed(String host, int port) {
    if (allowed.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    String bracketed = h.indexOf(':') >= 0 ? "[" + h + "]" : h;
    return allowed.contains(h)
        || allowed.contains(bracketed)
        || allowed.contains(bracketed + ":" + port);
  }

  static URI parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("URL refused: empty");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("URL refused: malformed URL", e);
    }
    checkForm(uri);
    return uri;
  }

  private static void checkForm(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("URL refused: only http and https are allowed");
    }
    if (uri.getRawUserInfo() != null
        || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
      throw new IllegalArgumentException("URL refused: user info in the URL is not allowed");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("URL refused: no host");
    }
  }

  /**
   * The host of a checked URL in lower case, IPv6 literals without brackets.
   *
   * @param uri the URL
   * @return the host
   */
  static String host(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host;
  }

  /**
   * The port of a URL, defaulted by scheme.
   *
   * @param uri the URL
   * @return the port
   */
  static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** Why an address is refused, or null if it is acceptable. */
  private static String refusal(InetAddress address) {
    InetAddress a = embeddedIpv4(address);
    byte[] b = a.getAddress();
    if (a.isAnyLocalAddress()) {
      return "an any-local address";
    }
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      if (first == 0) {
        return "an any-local address";
      }
      if (first == 169 && (b[1] & 0xff) == 254) {
        return "a link-local or cloud metadata address";
      }
      if (first == 100 && (b[1] & 0xff) == 100 && (b[2] & 0xff) == 100 && (b[3] & 0xff) == 200) {
        return "a cloud metadata address";
      }
      if (first == 255 && (b[1] & 0xff) == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
        return "a broadcast address";
      }
    } else {
      // fd00:ec2::254, the AWS metadata service over IPv6.
      if ((b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2) {
        boolean zeros = true;
        for (int i = 4; i < 14; i++) {
          zeros &= b[i] == 0;
        }
        if (zeros && b[14] == 0x02 && b[15] == 0x54) {
          return "a cloud metadata address";
        }
      }
      if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
        return "a link-local address";
      }
    }
    if (a.isLinkLocalAddress()) {
      return "a link-local address";
    }
    if (a.isMulticastAddress()) {
      return "a multicast address";
    }
    return null;
  }

  /** IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses as their IPv4 address. */
  private static InetAddress embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    boolean compatible = true;
    for (int i = 0; i < 12; i++) {
      compatible &= b[i] == 0;
    }
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    for (int i = 4; i < 12 && nat64; i++) {
      nat64 = b[i] == 0;
    }
    boolean mapped = true;
    for (int i = 0; i < 10; i++) {
      mapped &= b[i] == 0;
    }
    mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    // "::" and "::1" stay IPv6 (any-local and loopback).
    boolean trivial = compatible && b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xfe) == 0;
    if ((compatible && !trivial) || nat64 || mapped) {
      try {
        return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
      } catch (UnknownHostException e) {
        return address;
      }
    }
    return address;
  }
}
