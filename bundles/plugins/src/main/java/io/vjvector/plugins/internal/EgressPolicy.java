package io.vjvector.plugins.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which destinations a plugin may reach. Nothing is allowed unless the operator lists it:
 * {@code host}, {@code host:port}, {@code *.domain} (its subdomains) or {@code *}.
 *
 * <ul>
 *   <li>Link-local addresses ({@code 169.254.0.0/16}, {@code fe80::/10}) and the cloud metadata
 *       endpoints are refused unless the request names the address or metadata host itself and the
 *       allow-list names it too: a name that merely resolves there is refused even when listed, so
 *       DNS cannot steer a plugin to the metadata service.
 *   <li>Loopback, unspecified and multicast addresses are reached only through an entry that names
 *       the host; a wildcard never opens them.
 * </ul>
 *
 * <p>The check resolves the host name. The HTTP client resolves it again when it connects; a DNS
 * answer that changes in between is not caught here.
 */
final class EgressPolicy {
  /** Resolves host names; the real DNS in production. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** Cloud metadata endpoints by name and by address (AWS, GCP, Azure, Alibaba, OpenStack, ...). */
  private static final Set<String> METADATA_NAMES =
      Set.of(
          "metadata",
          "metadata.google.internal",
          "metadata.goog",
          "metadata.azure.com",
          "instance-data",
          "instance-data.ec2.internal");

  private static final Set<String> METADATA_ADDRESSES =
      Set.of("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

  /** One allow-list entry. */
  private record Rule(String host, int port, boolean wildcard) {
    boolean matches(String h, int p) {
      if (port >= 0 && port != p) {
        return false;
      }
      if (!wildcard) {
        return host.equals(h);
      }
      return host.isEmpty() || h.endsWith("." + host);
    }
  }

  private final List<Rule> rules;
  private final Resolver resolver;

  /**
   * @param allowed the allow-list entries
   * @param resolver resolves host names
   * @throws IllegalArgumentException if an entry is malformed
   */
  EgressPolicy(List<String> allowed, Resolver resolver) {
    List<Rule> parsed = new ArrayList<>();
    for (String entry : allowed) {
      parsed.add(parse(entry));
    }
    this.rules = List.copyOf(parsed);
    this.resolver = resolver;
  }

  /**
   * Checks a destination.
   *
   * @param uri the request URI
   * @throws SecurityException if the policy does not allow it, saying why
   * @throws UnknownHostException if the host name cannot be resolved
   */
  void check(URI uri) throws UnknownHostException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new SecurityException("egress refused: only http and https are allowed, not " + uri);
    }
    String host = normalize(uri.getHost());
    if (host.isEmpty()) {
      throw new SecurityException("egress refused: no host in " + uri);
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    boolean exact = false;
    boolean wildcard = false;
    for (Rule r : rules) {
      if (r.matches(host, port)) {
        exact |= !r.wildcard();
        wildcard |= r.wildcard();
      }
    }
    if (!exact && !wildcard) {
      throw new SecurityException(
          "egress refused: " + host + ":" + port + " is not in the allow-list of this plugin");
    }
    boolean metadataName = METADATA_NAMES.contains(host);
    if (exact && (isLiteral(host) || metadataName)) {
      return; // the operator named this very address or endpoint
    }
    if (metadataName) {
      throw new SecurityException(
          "egress refused: " + host + " is a cloud metadata endpoint; only naming it allows it");
    }
    for (InetAddress address : resolver.resolve(host)) {
      if (isLinkLocalOrMetadata(address)) {
        throw new SecurityException(
            "egress refused: "
                + host
                + " resolves to the link-local or metadata address "
                + address.getHostAddress()
                + "; only naming that address allows it");
      }
      if (!exact && isInternal(address)) {
        throw new SecurityException(
            "egress refused: "
                + host
                + " resolves to "
                + address.getHostAddress()
                + " (loopback, unspecified or multicast); a wildcard does not allow it");
      }
    }
  }

  private static boolean isLiteral(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }

  /** Link-local ({@code 169.254.0.0/16}, {@code fe80::/10}) or a cloud metadata address. */
  static boolean isLinkLocalOrMetadata(InetAddress a) {
    InetAddress v4 = unmapped(a);
    return v4.isLinkLocalAddress() || METADATA_ADDRESSES.contains(v4.getHostAddress());
  }

  /** Loopback, unspecified or multicast: the node itself or its network segment. */
  static boolean isInternal(InetAddress a) {
    InetAddress v4 = unmapped(a);
    return v4.isLoopbackAddress() || v4.isAnyLocalAddress() || v4.isMulticastAddress();
  }

  /** The IPv4 address an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) hides, or itself. */
  private static InetAddress unmapped(InetAddress a) {
    if (!(a instanceof Inet6Address)) {
      return a;
    }
    byte[] b = a.getAddress();
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return a;
      }
    }
    if (b[10] != (byte) 0xff || b[11] != (byte) 0xff) {
      return a;
    }
    try {
      return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException impossible) {
      return a;
    }
  }

  private static Rule parse(String entry) {
    String e = entry.strip().toLowerCase(Locale.ROOT);
    if (e.isEmpty()) {
      throw new IllegalArgumentException("empty egress allow-list entry");
    }
    if (e.equals("*")) {
      return new Rule("", -1, true);
    }
    int port = -1;
    String host = e;
    int colon = e.lastIndexOf(':');
    boolean bracketed = e.startsWith("[");
    if (colon > 0 && (bracketed ? e.lastIndexOf(']') < colon : e.indexOf(':') == colon)) {
      try {
        port = Integer.parseInt(e.substring(colon + 1));
      } catch (NumberFormatException x) {
        throw new IllegalArgumentException("bad port in egress allow-list entry '" + entry + "'");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("bad port in egress allow-list entry '" + entry + "'");
      }
      host = e.substring(0, colon);
    }
    if (host.startsWith("*.")) {
      return new Rule(normalize(host.substring(2)), port, true);
    }
    if (host.contains("*")) {
      throw new IllegalArgumentException(
          "egress allow-list entry '" + entry + "': only a leading '*.' or '*' is allowed");
    }
    return new Rule(normalize(host), port, false);
  }

  /** Lower case, no trailing dot, IPv6 without brackets and in full form. */
  private static String normalize(String host) {
    if (host == null) {
      return "";
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.indexOf(':') >= 0) {
      try {
        h = InetAddress.getByName(h).getHostAddress(); // a literal: no lookup
      } catch (UnknownHostException e) {
        return h;
      }
    }
    return h;
  }
}
