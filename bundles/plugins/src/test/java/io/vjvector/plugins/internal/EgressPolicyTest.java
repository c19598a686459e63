package io.vjvector.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EgressPolicyTest {
  /** DNS as the tests need it: fixed answers for names, literals parsed without any lookup. */
  private static final Map<String, String> DNS =
      Map.of(
          "api.example.com", "93.184.216.34",
          "models.example.com", "93.184.216.35",
          "rebind.example.com", "169.254.169.254",
          "local.example.com", "127.0.0.1",
          "intranet.example.com", "10.1.2.3");

  private static EgressPolicy policy(String... allowed) {
    return new EgressPolicy(
        List.of(allowed),
        host -> {
          String ip = DNS.get(host);
          boolean literal =
              host.indexOf(':') >= 0
                  || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
          if (ip == null && !literal) {
            throw new UnknownHostException(host);
          }
          return new InetAddress[] {InetAddress.getByName(ip == null ? host : ip)};
        });
  }

  private static void refused(EgressPolicy p, String uri) {
    assertThrows(SecurityException.class, () -> p.check(URI.create(uri)), uri);
  }

  private static void allowed(EgressPolicy p, String uri) {
    assertDoesNotThrow(() -> p.check(URI.create(uri)), uri);
  }

  @Test
  void nothingIsAllowedByDefault() {
    EgressPolicy p = policy();
    refused(p, "https://api.example.com/v1");
    refused(p, "http://93.184.216.34/");
  }

  @Test
  void listedHostsOnly() {
    EgressPolicy p = policy("api.example.com");
    allowed(p, "https://api.example.com/v1/embed");
    allowed(p, "https://API.Example.COM./v1");
    refused(p, "https://models.example.com/");
    refused(p, "https://api.example.com.evil.org/");
    refused(p, "https://evil.org/?https://api.example.com");
  }

  @Test
  void portRestriction() {
    EgressPolicy p = policy("api.example.com:8443");
    allowed(p, "https://api.example.com:8443/");
    refused(p, "https://api.example.com/");
    refused(p, "http://api.example.com:8080/");
  }

  @Test
  void wildcardMeansSubdomains() {
    EgressPolicy p = policy("*.example.com");
    allowed(p, "https://models.example.com/");
    allowed(p, "https://api.example.com/");
    refused(p, "https://example.com.evil.org/");
    refused(p, "https://notexample.com/");
  }

  @Test
  void onlyHttpAndHttps() {
    EgressPolicy p = policy("*");
    refused(p, "ftp://api.example.com/");
    refused(p, "file:///etc/passwd");
    refused(p, "jar:file:/x.jar!/a");
  }

  @Test
  void linkLocalAndMetadataAreNeverOpenedByAWildcard() {
    EgressPolicy p = policy("*");
    allowed(p, "https://api.example.com/");
    refused(p, "http://169.254.169.254/latest/meta-data/");
    refused(p, "http://169.254.1.1/");
    refused(p, "http://[fe80::1]/");
    refused(p, "http://[::ffff:169.254.169.254]/");
    refused(p, "http://[fd00:ec2::254]/");
    refused(p, "http://100.100.100.200/");
    refused(p, "http://metadata.google.internal/computeMetadata/v1/");
    // the decimal form of 169.254.169.254
    refused(p, "http://2852039166/");
    // a permitted-looking name that DNS points at the metadata service
    refused(p, "http://rebind.example.com/");
  }

  @Test
  void loopbackNeedsAnExplicitEntry() {
    EgressPolicy wildcard = policy("*", "*.example.com");
    refused(wildcard, "http://127.0.0.1:8181/api/v1/collections");
    refused(wildcard, "http://[::1]/");
    refused(wildcard, "http://0.0.0.0/");
    refused(wildcard, "http://local.example.com/");
    allowed(wildcard, "http://intranet.example.com/");
    EgressPolicy named = policy("127.0.0.1:8181", "local.example.com");
    allowed(named, "http://127.0.0.1:8181/api/v1/collections");
    allowed(named, "http://local.example.com/");
  }

  @Test
  void metadataOnlyWhenNamedExactly() {
    allowed(policy("169.254.169.254"), "http://169.254.169.254/latest/meta-data/");
    allowed(policy("metadata.google.internal"), "http://metadata.google.internal/");
    // listing a name does not open the metadata address DNS gives for it
    refused(policy("rebind.example.com"), "http://rebind.example.com/");
    refused(policy("169.254.169.254"), "http://2852039166/");
  }

  @Test
  void malformedEntriesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> policy("api.*.com"));
    assertThrows(IllegalArgumentException.class, () -> policy("api.example.com:99999"));
    assertThrows(IllegalArgumentException.class, () -> policy(" "));
  }

  @Test
  void sensitiveAddressClassification() throws Exception {
    assertTrue(EgressPolicy.isLinkLocalOrMetadata(InetAddress.getByName("169.254.0.1")));
    assertTrue(EgressPolicy.isInternal(InetAddress.getByName("::ffff:127.0.0.1")));
  }

  @Test
  void listSettingsFromCfgFiles() {
    assertEquals(List.of(), EgressService.nonBlank(new String[] {""}));
    assertEquals(
        List.of("a.example.com", "*.b.example.com", "c:8443"),
        EgressService.nonBlank(new String[] {"a.example.com, *.b.example.com", " c:8443 "}));
  }
}
