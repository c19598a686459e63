package io.vjvector.itests;

import static io.vjvector.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Sign-in through identity providers the test runs on 127.0.0.1: OIDC bearer JWTs checked against a
 * JWKS endpoint, HTTP Basic against a real LDAP directory, SAML responses signed by a test IdP key;
 * and a JWKS URL on a cloud metadata address makes the node refuse service rather than trust it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SignInIT extends VjvExamSupport {
  private static final String SAML_ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
  private static final String SAML_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";

  @Inject private ConfigurationAdmin configAdmin;

  @Override
  @Configuration
  public Option[] config() {
    Path dir = driverDir("idp");
    try {
      return OptionUtils.combine(super.config(), IdentityProviders.start(dir, HTTP_PORT));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the test identity providers", e);
    }
  }

  @Before
  public void ready() throws InterruptedException {
    awaitReady();
  }

  private static Path idpDir() {
    return Path.of(System.getProperty("vjv.itest.idp.dir"));
  }

  // ------------------------------------------------------------------------------ OIDC / JWT

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String b64(String s) {
    return b64(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String jwt(PrivateKey key, String header, String claims) throws Exception {
    String signingInput = b64(header) + "." + b64(claims);
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key);
    s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64(s.sign());
  }

  private static PrivateKey idpJwtKey() throws Exception {
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(idpDir().resolve("jwt.key"))));
  }

  private static String claims(String audience, String tenant, long expiresIn) {
    long now = Instant.now().getEpochSecond();
    return "{\"iss\":\""
        + IdentityProviders.ISSUER
        + "\",\"aud\":\""
        + audience
        + "\",\"sub\":\"jane\",\"tenant\":\""
        + tenant
        + "\",\"roles\":[\"reader\"],\"iat\":"
        + now
        + ",\"nbf\":"
        + (now - 5)
        + ",\"exp\":"
        + (now + expiresIn)
        + "}";
  }

  private static final String RS256 = "{\"alg\":\"RS256\",\"kid\":\"itest-1\",\"typ\":\"JWT\"}";

  @Test
  public void oidcBearerTokensAreCheckedAgainstTheIssuersKeys() throws Exception {
    PrivateKey key = idpJwtKey();
    String good = jwt(key, RS256, claims(IdentityProviders.AUDIENCE, "default", 300));
    Http.Reply me = http.as(good).get("me");
    assertEquals(me.toString(), 200, me.status);
    JsonNode id = me.json();
    assertEquals("jwt", id.get("method").asText());
    assertEquals("jane", id.get("subject").asText());
    assertEquals("default", id.get("tenant").asText());
    assertEquals("[\"data:read\"]", id.get("permissions").toString());
    assertEquals(200, http.as(good).get("collections").status);
    assertProblem(
        http.as(good)
            .post("collections", java.util.Map.of("name", "x", "dimension", 2, "distance", "dot")),
        403,
        "forbidden");

    String wrongAudience = jwt(key, RS256, claims("someone-else", "default", 300));
    String expired = jwt(key, RS256, claims(IdentityProviders.AUDIENCE, "default", -120));
    String unknownTenant = jwt(key, RS256, claims(IdentityProviders.AUDIENCE, "nope", 300));
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String forged =
        jwt(
            g.generateKeyPair().getPrivate(),
            RS256,
            claims(IdentityProviders.AUDIENCE, "default", 300));
    String none =
        b64("{\"alg\":\"none\"}")
            + "."
            + b64(claims(IdentityProviders.AUDIENCE, "default", 300))
            + ".";
    for (String bad : List.of(wrongAudience, expired, unknownTenant, forged, none)) {
      assertProblem(http.as(bad).get("collections"), 401, "unauthenticated");
    }
  }

  // ------------------------------------------------------------------------------------ LDAP

  private Http.Reply basic(String user, String password, String path) throws Exception {
    return http.as(null)
        .send(
            "GET",
            path,
            null,
            null,
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  public void ldapUsersSignInWithTheirGroupsRoles() throws Exception {
    Http.Reply alice = basic("alice", "alice-pw", "me");
    assertEquals(alice.toString(), 200, alice.status);
    assertEquals("ldap", alice.json().get("method").asText());
    assertEquals("[\"reader\"]", alice.json().get("roles").toString());
    assertProblem(basic("alice", "alice-pw", "keys"), 403, "forbidden");
    Http.Reply bob = basic("bob", "bob-pw", "keys");
    assertEquals(bob.toString(), 200, bob.status);

    // the first authentication of a subject is audited as a sign-in
    String audit = Files.readString(securityDir().resolve("audit.log"));
    assertTrue(audit, audit.contains("\"actor\":\"bob\"") && audit.contains("auth.success ldap"));
    assertProblem(basic("alice", "wrong", "me"), 401, "unauthenticated");
    assertProblem(basic("carol", "carol-pw", "me"), 401, "unauthenticated");
    assertProblem(basic("*", "alice-pw", "me"), 401, "unauthenticated");
    assertProblem(basic("alice)(uid=*", "x", "me"), 401, "unauthenticated");
  }

  // ------------------------------------------------------------------------------------ SAML

  private static String samlResponse(String id, boolean signed) throws Exception {
    Instant now = Instant.now();
    String xml =
        "<samlp:Response xmlns:samlp=\""
            + SAML_PROTOCOL
            + "\" xmlns:saml=\""
            + SAML_ASSERTION
            + "\" ID=\"r"
            + id
            + "\" Version=\"2.0\" IssueInstant=\""
            + now
            + "\">"
            + "<saml:Issuer>"
            + IdentityProviders.ISSUER
            + "</saml:Issuer>"
            + "<samlp:Status><samlp:StatusCode"
            + " Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>"
            + "<saml:Assertion ID=\"a"
            + id
            + "\" Version=\"2.0\" IssueInstant=\""
            + now
            + "\">"
            + "<saml:Issuer>"
            + IdentityProviders.ISSUER
            + "</saml:Issuer>"
            + "<saml:Subject><saml:NameID>jane@example.com</saml:NameID>"
            + "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
            + "<saml:SubjectConfirmationData Recipient=\"http://127.0.0.1:"
            + HTTP_PORT
            + "/api/v1/auth/saml/acs\" NotOnOrAfter=\""
            + now.plusSeconds(300)
            + "\"/>"
            + "</saml:SubjectConfirmation></saml:Subject>"
            + "<saml:Conditions NotBefore=\""
            + now.minusSeconds(30)
            + "\" NotOnOrAfter=\""
            + now.plusSeconds(300)
            + "\"><saml:AudienceRestriction><saml:Audience>"
            + IdentityProviders.SP
            + "</saml:Audience></saml:AudienceRestriction></saml:Conditions>"
            + "<saml:AuthnStatement AuthnInstant=\""
            + now
            + "\"><saml:AuthnContext>"
            + "<saml:AuthnContextClassRef>"
            + "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
            + "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>"
            + "<saml:AttributeStatement><saml:Attribute Name=\"roles\">"
            + "<saml:AttributeValue>writer</saml:AttributeValue></saml:Attribute>"
            + "</saml:AttributeStatement></saml:Assertion></samlp:Response>";
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    Document doc =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    if (signed) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (var in = Files.newInputStream(idpDir().resolve("idp.p12"))) {
        ks.load(in, "changeit".toCharArray());
      }
      PrivateKey key = (PrivateKey) ks.getKey("idp", "changeit".toCharArray());
      X509Certificate cert = (X509Certificate) ks.getCertificate("idp");
      Element assertion = (Element) doc.getElementsByTagNameNS(SAML_ASSERTION, "Assertion").item(0);
      assertion.setIdAttributeNS(null, "ID", true);
      XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
      Reference ref =
          fac.newReference(
              "#a" + id,
              fac.newDigestMethod(DigestMethod.SHA256, null),
              List.of(
                  fac.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                  fac.newTransform(
                      CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
              null,
              null);
      SignedInfo info =
          fac.newSignedInfo(
              fac.newCanonicalizationMethod(
                  CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
              fac.newSignatureMethod("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", null),
              List.of(ref));
      KeyInfoFactory kif = fac.getKeyInfoFactory();
      DOMSignContext ctx =
          new DOMSignContext(
              key,
              assertion,
              assertion.getElementsByTagNameNS(SAML_ASSERTION, "Issuer").item(0).getNextSibling());
      fac.newXMLSignature(info, kif.newKeyInfo(List.of(kif.newX509Data(List.of(cert))))).sign(ctx);
    }
    var t = TransformerFactory.newDefaultInstance().newTransformer();
    t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    StringWriter out = new StringWriter();
    t.transform(new DOMSource(doc), new StreamResult(out));
    return Base64.getEncoder().encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private Http.Reply acs(String samlResponse) throws Exception {
    return http.as(null)
        .send(
            "POST",
            "auth/saml/acs",
            "application/x-www-form-urlencoded",
            "SAMLResponse=" + java.net.URLEncoder.encode(samlResponse, StandardCharsets.UTF_8));
  }

  @Test
  public void samlSignInGivesASessionOnlyForASignedFreshAssertion() throws Exception {
    String id = UUID.randomUUID().toString().replace("-", "");
    assertProblem(acs(samlResponse(id + "u", false)), 401, "unauthenticated");
    String signed = samlResponse(id, true);
    Http.Reply session = acs(signed);
    assertEquals(session.toString(), 200, session.status);
    String token = session.json().get("token").asText();
    assertTrue(token, token.startsWith("vjs_"));
    Http.Reply meReply = http.as(token).get("me");
    assertEquals(meReply.toString(), 200, meReply.status);
    JsonNode me = meReply.json();
    assertEquals(meReply.toString(), "saml", me.get("method").asText());
    assertEquals("jane@example.com", me.get("subject").asText());
    assertEquals("[\"writer\"]", me.get("roles").toString());
    // the same response again is a replay
    assertProblem(acs(signed), 401, "unauthenticated");
    // sign-ins, good and bad, are audited
    String audit = Files.readString(securityDir().resolve("audit.log"));
    assertTrue(audit.contains("\"actor\":\"jane@example.com\"") && audit.contains("auth.saml"));
    assertTrue(audit, audit.contains("\"outcome\":\"denied: "));
    // a session token is not an API key: a forged one is refused
    assertProblem(http.as("vjs_" + "A".repeat(43)).get("me"), 401, "unauthenticated");
  }

  // ----------------------------------------------------------------------- misconfiguration

  @Test
  public void aJwksUrlOnAMetadataAddressFailsClosed() throws Exception {
    org.osgi.service.cm.Configuration c =
        configAdmin.getConfiguration("io.vjvector.security", null);
    Dictionary<String, Object> original = c.getProperties();
    Dictionary<String, Object> bad = new Hashtable<>();
    for (var keys = original.keys(); keys.hasMoreElements(); ) {
      String k = keys.nextElement();
      bad.put(k, original.get(k));
    }
    bad.put("jwt.jwksUrl", "http://169.254.169.254/latest/meta-data/jwks");
    c.update(bad);
    try {
      Http.Reply refused = awaitStatus("collections", 503, Duration.ofSeconds(30));
      assertProblem(refused, 503, "unavailable");
      assertEquals(503, http.get("ready").status);
    } finally {
      c.update(original);
    }
    awaitReady();
    assertEquals(200, http.get("collections").status);
  }

  private Http.Reply awaitStatus(String path, int status, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    Http.Reply r = http.get(path);
    while (r.status != status && System.nanoTime() < end) {
      Thread.sleep(100);
      r = http.get(path);
    }
    return r;
  }
}
