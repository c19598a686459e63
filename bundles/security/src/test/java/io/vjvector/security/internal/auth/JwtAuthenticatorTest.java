package io.vjvector.security.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.vjvector.security.AuthenticationException;
import io.vjvector.security.Identity;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwtAuthenticatorTest {
  private static final String ISSUER = "https://idp.test/realms/acme";
  private static final String AUDIENCE = "vjvector";

  private static RSAKey rsa;
  private static RSAKey rsa2;
  private static ECKey ec;
  private static JwksServer server;

  private JwtAuthenticator authenticator;

  @BeforeAll
  static void keys() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    rsa2 = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    server = new JwksServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void serveKeys() {
    server.serve(new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
    server.resetCount();
    authenticator = authenticator(settings(null, null, null, Map.of(), "/jwks"));
  }

  @AfterEach
  void close() {
    authenticator.close();
  }

  private static JwtSettings settings(
      Set<String> algorithms,
      String defaultTenant,
      String rolesClaim,
      Map<String, String> mapping,
      String path) {
    return new JwtSettings(
        ISSUER,
        AUDIENCE,
        server.url(path),
        algorithms,
        null,
        defaultTenant,
        rolesClaim,
        mapping,
        -1,
        0);
  }

  private static JwtAuthenticator authenticator(JwtSettings settings) {
    return new JwtAuthenticator(settings, new UrlGuard(Set.of()));
  }

  private static JWTClaimsSet.Builder claims() {
    long now = System.currentTimeMillis();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(List.of(AUDIENCE, "account"))
        .subject("alice")
        .issueTime(new Date(now - 1000))
        .expirationTime(new Date(now + 300_000))
        .claim("tenant", "acme")
        .claim("roles", List.of("writer"));
  }

  private static String sign(JWK key, JWSAlgorithm alg, JWTClaimsSet claims) throws Exception {
    JWSSigner signer = key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
            claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static String rs256(UnaryOperator<JWTClaimsSet.Builder> edit) throws Exception {
    return sign(rsa, JWSAlgorithm.RS256, edit.apply(claims()).build());
  }

  private String rejected(String token) {
    return assertThrows(AuthenticationException.class, () -> authenticator.authenticate(token))
        .getMessage();
  }

  @Test
  void acceptsRs256Token() throws Exception {
    Identity id = authenticator.authenticate(rs256(b -> b));
    assertEquals("alice", id.subject());
    assertEquals("acme", id.tenant());
    assertEquals(Set.of("writer"), id.roles());
    assertEquals(Set.of(), id.collections());
    assertEquals("jwt", id.method());
  }

  @Test
  void acceptsEs256AndPs256Tokens() throws Exception {
    assertEquals(
        "alice",
        authenticator.authenticate(sign(ec, JWSAlgorithm.ES256, claims().build())).subject());
    assertEquals(
        "alice",
        authenticator.authenticate(sign(rsa, JWSAlgorithm.PS256, claims().build())).subject());
  }

  @Test
  void acceptsAccessTokenType() throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("rsa-1")
                .type(new JOSEObjectType("at+jwt"))
                .build(),
            claims().build());
    jwt.sign(new RSASSASigner(rsa));
    assertEquals("acme", authenticator.authenticate(jwt.serialize()).tenant());
  }

  @Test
  void cachesTheKeySet() throws Exception {
    for (int i = 0; i < 25; i++) {
      authenticator.authenticate(rs256(b -> b.subject("user-" + System.nanoTime())));
      authenticator.authenticate(sign(ec, JWSAlgorithm.ES256, claims().build()));
    }
    assertEquals(1, server.fetches());
  }

  @Test
  void fetchesLazilyAndChunkedResponsesWork() throws Exception {
    try (JwtAuthenticator chunked =
        authenticator(settings(null, null, null, Map.of(), "/chunked"))) {
      assertEquals(0, server.fetches());
      assertEquals("alice", chunked.authenticate(rs256(b -> b)).subject());
      assertEquals(1, server.fetches());
    }
  }

  @Test
  void refreshesKeysOnUnknownKeyIdAfterRotation() throws Exception {
    authenticator.authenticate(rs256(b -> b));
    assertEquals(1, server.fetches());
    // The provider rotates: rsa-1 retired, rsa-2 published.
    server.serve(new JWKSet(List.<JWK>of(rsa2.toPublicJWK())).toString());
    Identity id = authenticator.authenticate(sign(rsa2, JWSAlgorithm.RS256, claims().build()));
    assertEquals("alice", id.subject());
    assertEquals(2, server.fetches());
    // Still cached afterwards.
    authenticator.authenticate(sign(rsa2, JWSAlgorithm.RS256, claims().build()));
    assertEquals(2, server.fetches());
  }

  @Test
  void refusesUnknownKeyIdAfterRefresh() throws Exception {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
    String msg = rejected(sign(stranger, JWSAlgorithm.RS256, claims().build()));
    assertTrue(msg.contains("no matching key"), msg);
    assertEquals(2, server.fetches(), "initial fetch and one refresh");
    // Refresh attempts are rate limited: a flood of unknown kids does not hammer the IdP.
    for (int i = 0; i < 5; i++) {
      msg = rejected(sign(stranger, JWSAlgorithm.RS256, claims().build()));
      assertTrue(msg.contains("unknown key"), msg);
    }
    assertTrue(server.fetches() <= 2, "fetches: " + server.fetches());
  }

  @Test
  void refusesKnownKeyIdSignedByAnotherKey() throws Exception {
    RSAKey impostor = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    assertTrue(rejected(sign(impostor, JWSAlgorithm.RS256, claims().build())).contains("Invalid"));
  }

  @Test
  void refusesUnsignedTokens() throws Exception {
    assertTrue(rejected(new PlainJWT(claims().build()).serialize()).contains("unsigned"));
    // alg none with a (meaningless) signature part.
    String header = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"rsa-1\"}").toString();
    String payload = Base64URL.encode(claims().build().toString()).toString();
    assertTrue(rejected(header + "." + payload + ".").contains("unsigned"));
    rejected(header + "." + payload + "." + Base64URL.encode("sig"));
    rejected(
        Base64URL.encode("{\"alg\":\"None\"}") + "." + payload + "." + Base64URL.encode("sig"));
  }

  @Test
  void refusesHmacSignedWithThePublicKey() throws Exception {
    // The classic RS/HS confusion: HMAC keyed with the RSA public key the server knows.
    for (byte[] secret :
        List.of(
            rsa.toRSAPublicKey().getEncoded(),
            rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8))) {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims().build());
      jwt.sign(new MACSigner(secret));
      String msg = rejected(jwt.serialize());
      assertTrue(msg.contains("algorithm"), msg);
    }
  }

  @Test
  void refusesTamperedPayload() throws Exception {
    String[] parts = rs256(b -> b).split("\\.");
    String forged =
        Base64URL.encode(claims().claim("roles", List.of("platform-admin")).build().toString())
            .toString();
    assertTrue(rejected(parts[0] + "." + forged + "." + parts[2]).contains("Invalid signature"));
  }

  @Test
  void refusesExpiredButToleratesSkew() throws Exception {
    long now = System.currentTimeMillis();
    String msg =
        rejected(
            rs256(
                b -> b.issueTime(new Date(now - 900_000)).expirationTime(new Date(now - 120_000))));
    assertTrue(msg.toLowerCase().contains("expired"), msg);
    // 30 s past exp is within the default 60 s skew.
    authenticator.authenticate(
        rs256(b -> b.issueTime(new Date(now - 900_000)).expirationTime(new Date(now - 30_000))));
  }

  @Test
  void refusesTokenWithoutExpiry() throws Exception {
    rejected(rs256(b -> b.expirationTime(null)));
  }

  @Test
  void refusesNotYetValidAndFutureIssued() throws Exception {
    long now = System.currentTimeMillis();
    rejected(rs256(b -> b.notBeforeTime(new Date(now + 600_000))));
    rejected(
        rs256(b -> b.issueTime(new Date(now + 600_000)).expirationTime(new Date(now + 900_000))));
    rejected(rs256(b -> b.issueTime(new Date(now)).expirationTime(new Date(now - 1000_000))));
  }

  @Test
  void refusesWrongIssuerOrAudience() throws Exception {
    rejected(rs256(b -> b.issuer("https://evil.test/realms/acme")));
    rejected(rs256(b -> b.issuer(null)));
    rejected(rs256(b -> b.audience("another-service")));
    rejected(rs256(b -> b.audience((String) null)));
  }

  @Test
  void refusesMissingSubject() throws Exception {
    rejected(rs256(b -> b.subject(null)));
  }

  @Test
  void tenantClaimIsRequiredUnlessDefaulted() throws Exception {
    String token = rs256(b -> b.claim("tenant", null));
    assertTrue(rejected(token).contains("tenant"));
    rejected(rs256(b -> b.claim("tenant", List.of("a", "b"))));
    try (JwtAuthenticator defaulted =
        authenticator(settings(null, "shared", null, Map.of(), "/jwks"))) {
      assertEquals("shared", defaulted.authenticate(token).tenant());
      assertEquals("acme", defaulted.authenticate(rs256(b -> b)).tenant());
    }
  }

  @Test
  void mapsRolesFromDottedClaim() throws Exception {
    Map<String, String> mapping = Map.of("vj-admin", "tenant-admin", "vj-read", "reader");
    try (JwtAuthenticator keycloak =
        authenticator(settings(null, null, "realm_access.roles", mapping, "/jwks"))) {
      Identity id =
          keycloak.authenticate(
              rs256(
                  b ->
                      b.claim("roles", null)
                          .claim(
                              "realm_access",
                              Map.of("roles", List.of("vj-admin", "offline_access", "vj-read")))));
      assertEquals(Set.of("tenant-admin", "reader"), id.roles());
      // Unmapped values grant nothing.
      rejected(keycloak, rs256(b -> b.claim("realm_access", Map.of("roles", List.of("writer")))));
      rejected(keycloak, rs256(b -> b.claim("realm_access", "vj-admin")));
    }
  }

  @Test
  void readsNamespacedClaimNamesContainingDots() throws Exception {
    try (JwtAuthenticator auth0 =
        authenticator(settings(null, null, "https://vjvector.io/roles", Map.of(), "/jwks"))) {
      Identity id =
          auth0.authenticate(rs256(b -> b.claim("https://vjvector.io/roles", List.of("reader"))));
      assertEquals(Set.of("reader"), id.roles());
    }
  }

  @Test
  void splitsSpaceSeparatedRoles() throws Exception {
    Identity id = authenticator.authenticate(rs256(b -> b.claim("roles", "reader writer,custom")));
    assertEquals(Set.of("reader", "writer", "custom"), id.roles());
  }

  @Test
  void refusesTokenGrantingNoRole() throws Exception {
    rejected(rs256(b -> b.claim("roles", null)));
    rejected(rs256(b -> b.claim("roles", List.of())));
  }

  @Test
  void honoursConfiguredAlgorithms() throws Exception {
    try (JwtAuthenticator ecOnly =
        authenticator(settings(Set.of("ES256"), null, null, Map.of(), "/jwks"))) {
      ecOnly.authenticate(sign(ec, JWSAlgorithm.ES256, claims().build()));
      rejected(ecOnly, rs256(b -> b));
    }
  }

  @Test
  void neverAcceptsSymmetricAlgorithms() {
    for (String alg : List.of("HS256", "HS512", "none")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> settings(Set.of("RS256", alg), null, null, Map.of(), "/jwks"));
    }
  }

  @Test
  void refusesJwksUrlTheGuardRefuses() {
    JwtSettings s =
        new JwtSettings(
            ISSUER, AUDIENCE, "http://169.254.169.254/jwks", null, null, null, null, null, -1, 0);
    assertThrows(IllegalArgumentException.class, () -> authenticator(s));
  }

  @Test
  void reportsUnavailableKeys() throws Exception {
    JwksServer gone = new JwksServer();
    String url = gone.url("/jwks");
    gone.close();
    JwtSettings s = new JwtSettings(ISSUER, AUDIENCE, url, null, null, null, null, null, -1, 0);
    try (JwtAuthenticator down = authenticator(s)) {
      String msg = rejected(down, rs256(b -> b));
      assertTrue(msg.contains("keys unavailable"), msg);
    }
  }

  @Test
  void unresolvableProviderFailsAtUseNotAtConstruction() throws Exception {
    JwtSettings s =
        new JwtSettings(
            ISSUER,
            AUDIENCE,
            "https://idp.not-yet-resolvable.invalid/jwks",
            null,
            null,
            null,
            null,
            null,
            -1,
            0);
    try (JwtAuthenticator later = authenticator(s)) {
      assertTrue(rejected(later, rs256(b -> b)).contains("keys unavailable"));
    }
  }

  @Test
  void refusesGarbage() {
    for (String garbage : List.of("", "abc", "a.b.c", "Bearer x.y.z", "e30.e30.e30")) {
      assertThrows(AuthenticationException.class, () -> authenticator.authenticate(garbage));
    }
    assertThrows(AuthenticationException.class, () -> authenticator.authenticate(null));
  }

  @Test
  void errorMessagesDoNotEchoTheToken() throws Exception {
    String token = rs256(b -> b.issuer("https://evil.test"));
    String msg = rejected(token);
    assertFalse(msg.contains(token.split("\\.")[2]), msg);
  }

  private static String rejected(JwtAuthenticator auth, String token) {
    return assertThrows(AuthenticationException.class, () -> auth.authenticate(token)).getMessage();
  }
}
