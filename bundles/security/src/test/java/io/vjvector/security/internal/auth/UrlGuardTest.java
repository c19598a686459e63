package io.vjvector.security.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlGuardTest {
  private final UrlGuard guard = new UrlGuard(Set.of());

  private static String refusal(UrlGuard g, String url) {
    return assertThrows(IllegalArgumentException.class, () -> g.check(url)).getMessage();
  }

  @Test
  void refusesCloudMetadataAddress() {
    String why = refusal(guard, "http://169.254.169.254/latest/meta-data/");
    assertTrue(why.contains("169.254.169.254"), why);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data/",
        "http://169.254.1.1/",
        "http://[fe80::1]/",
        "http://[fe80::abcd:1]:8080/x",
        "http://0.0.0.0/",
        "http://0.1.2.3/",
        "http://[::]/",
        "http://[fd00:ec2::254]/latest",
        "http://100.100.100.200/latest/meta-data",
        "http://255.255.255.255/",
        "http://224.0.0.1/",
        "http://[ff02::1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[::a9fe:a9fe]/",
        "http://[64:ff9b::a9fe:a9fe]/",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://METADATA.google.internal./computeMetadata/v1/",
        "http://metadata/computeMetadata/v1/"
      })
  void refusesDangerousHosts(String url) {
    assertTrue(refusal(guard, url).startsWith("URL refused"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:/etc/passwd",
        "file:///etc/passwd",
        "ftp://idp.example/keys",
        "jar:http://idp.example/x.jar!/a",
        "gopher://127.0.0.1:11211/",
        "ldap://127.0.0.1/"
      })
  void refusesOtherSchemes(String url) {
    assertTrue(refusal(guard, url).contains("only http and https"));
  }

  @Test
  void refusesUserInfo() {
    assertTrue(refusal(guard, "http://user:pw@127.0.0.1/").contains("user info"));
    assertTrue(refusal(guard, "https://user@127.0.0.1/").contains("user info"));
  }

  @Test
  void refusesMissingOrMalformedUrls() {
    refusal(guard, "");
    refusal(guard, null);
    refusal(guard, "http:///nohost");
    refusal(guard, "http://exa mple.com/");
    refusal(guard, "/relative/jwks");
  }

  @Test
  void errorMessageDoesNotContainUserInfo() {
    String why = refusal(guard, "http://admin:s3cret@127.0.0.1/");
    assertFalse(why.contains("s3cret"), why);
  }

  @Test
  void allowsLoopbackAndPrivateRanges() {
    assertEquals("127.0.0.1", guard.check("http://127.0.0.1:8080/jwks").getHost());
    guard.check("https://10.1.2.3/realms/x/protocol/openid-connect/certs");
    guard.check("https://192.168.1.10/jwks");
    guard.check("https://172.16.0.1/jwks");
    guard.check("http://[::1]:9000/jwks");
    guard.check("HTTPS://127.0.0.1/jwks");
  }

  @Test
  void explicitlyAllowedHostsPass() {
    UrlGuard allowing = new UrlGuard(Set.of("169.254.169.254", "[fe80::1]:8443", "Metadata"));
    allowing.check("http://169.254.169.254/latest/meta-data/");
    allowing.check("http://169.254.169.254:8080/");
    allowing.check("https://[fe80::1]:8443/jwks");
    assertTrue(allowing.isAllowed("metadata", 80));
    // The port matters when an entry names one.
    assertThrows(IllegalArgumentException.class, () -> allowing.check("https://[fe80::1]:9999/"));
    // Other refused hosts stay refused, and schemes and user info are never allowed.
    assertThrows(IllegalArgumentException.class, () -> allowing.check("http://169.254.1.1/"));
    assertThrows(
        IllegalArgumentException.class, () -> allowing.check("file://169.254.169.254/etc"));
    assertThrows(
        IllegalArgumentException.class, () -> allowing.check("http://u:p@169.254.169.254/"));
  }

  @Test
  void connectTimeCheckRefusesRebindingToMetadata() throws Exception {
    // A name that was fine when checked but resolves to the metadata address at connect time.
    InetAddress rebound =
        InetAddress.getByAddress(
            "idp.example", new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254});
    assertThrows(
        IllegalArgumentException.class, () -> guard.checkAddress("idp.example", 443, rebound));
    guard.checkAddress("idp.example", 443, InetAddress.getByName("10.0.0.5"));
    new UrlGuard(Set.of("idp.example")).checkAddress("idp.example", 443, rebound);
  }

  @Test
  void resolveReturnsTheCheckedAddresses() {
    var addresses = guard.resolve(URI.create("http://127.0.0.1:1234/x"));
    assertEquals(1, addresses.size());
    assertTrue(addresses.get(0).isLoopbackAddress());
  }

  @Test
  void unresolvableHostIsRefused() {
    assertTrue(refusal(guard, "https://no-such-host.invalid/jwks").contains("cannot resolve"));
  }

  @Test
  void configurationTimeCheckNeedsNoDns() {
    assertEquals(
        "idp.not-yet-resolvable.invalid",
        guard.checkWithoutResolving("https://idp.not-yet-resolvable.invalid/jwks").getHost());
    for (String url :
        List.of(
            "http://169.254.169.254/",
            "http://[fe80::1]/",
            "http://0.0.0.0:80/",
            "http://metadata.google.internal/",
            "file:/etc/passwd",
            "http://u:p@idp.example/")) {
      assertThrows(IllegalArgumentException.class, () -> guard.checkWithoutResolving(url), url);
    }
  }
}
