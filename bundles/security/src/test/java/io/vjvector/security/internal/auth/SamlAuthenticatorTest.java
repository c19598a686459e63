package io.vjvector.security.internal.auth;

import static io.vjvector.security.internal.auth.SamlResponses.ASSERTION_NS;
import static io.vjvector.security.internal.auth.SamlResponses.PROTOCOL_NS;
import static io.vjvector.security.internal.auth.SamlResponses.assertion;
import static io.vjvector.security.internal.auth.SamlResponses.encode;
import static io.vjvector.security.internal.auth.SamlResponses.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.security.AuthenticationException;
import io.vjvector.security.Identity;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.crypto.dsig.DigestMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class SamlAuthenticatorTest {
  private static final String SP = "https://vjvector.example/saml/metadata";
  private static final String ACS = "https://vjvector.example/saml/acs";
  private static final String IDP = "https://idp.example/saml";
  private static final Instant NOW = Instant.parse("2030-06-01T10:00:00Z");

  private static X509Certificate certificate;
  private static PrivateKey key;
  private static KeyPair stranger;

  private SamlAuthenticator authenticator;
  private SamlResponses response;

  @BeforeAll
  static void keys() throws Exception {
    certificate = TestIdpKey.certificate();
    key = TestIdpKey.privateKey();
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    stranger = gen.generateKeyPair();
  }

  @BeforeEach
  void setUp() {
    authenticator = authenticator(settings("tenant", null, Map.of()), NOW);
    response = new SamlResponses(IDP, SP, ACS, NOW.minusSeconds(5));
    response.attributes.put("tenant", List.of("acme"));
    response.attributes.put("roles", List.of("writer", "reader"));
  }

  private static SamlSettings settings(
      String tenantAttribute, String defaultTenant, Map<String, String> mapping) {
    return new SamlSettings(
        SP, ACS, certificate, IDP, tenantAttribute, defaultTenant, "roles", mapping, -1);
  }

  private static SamlAuthenticator authenticator(SamlSettings settings, Instant now) {
    return new SamlAuthenticator(settings, Clock.fixed(now, ZoneOffset.UTC));
  }

  private Document signed() throws Exception {
    Document doc = response.document();
    sign(assertion(doc), key, certificate);
    return doc;
  }

  private String signedResponse() throws Exception {
    return encode(signed());
  }

  private String refused(String base64) {
    return refused(authenticator, base64);
  }

  private static String refused(SamlAuthenticator auth, String base64) {
    return assertThrows(AuthenticationException.class, () -> auth.authenticate(base64))
        .getMessage();
  }

  private static Element child(Element parent, String ns, String name) {
    return (Element) parent.getElementsByTagNameNS(ns, name).item(0);
  }

  @Test
  void validResponseGivesIdentity() throws Exception {
    Identity id = authenticator.authenticate(signedResponse());
    assertEquals("alice@example.com", id.subject());
    assertEquals("acme", id.tenant());
    assertEquals(Set.of("writer", "reader"), id.roles());
    assertEquals(Set.of(), id.collections());
    assertEquals("saml", id.method());
  }

  @Test
  void acceptsBase64WithLineBreaks() throws Exception {
    String mime =
        java.util.Base64.getMimeEncoder()
            .encodeToString(SamlResponses.serialize(signed()).getBytes("UTF-8"));
    assertTrue(mime.contains("\r\n"));
    assertEquals("acme", authenticator.authenticate(mime).tenant());
  }

  @Test
  void mapsRolesAndDefaultsTenant() throws Exception {
    SamlAuthenticator mapped =
        authenticator(
            settings(
                "tenant", "fallback", Map.of("vj-admins", "tenant-admin", "vj-read", "reader")),
            NOW);
    response.attributes.remove("tenant");
    response.attributes.put("roles", List.of("vj-admins", "staff"));
    Identity id = mapped.authenticate(signedResponse());
    assertEquals(Set.of("tenant-admin"), id.roles());
    assertEquals("fallback", id.tenant());
  }

  @Test
  void refusesMissingTenantWithoutDefault() throws Exception {
    response.attributes.remove("tenant");
    assertTrue(refused(signedResponse()).contains("tenant"));
  }

  @Test
  void refusesAssertionGrantingNoRole() throws Exception {
    SamlAuthenticator mapped =
        authenticator(settings("tenant", null, Map.of("vj-admins", "tenant-admin")), NOW);
    response.attributes.put("roles", List.of("staff"));
    assertTrue(refused(mapped, signedResponse()).contains("no role"));
  }

  @Test
  void refusesUnsignedAssertion() throws Exception {
    assertTrue(refused(encode(response.document())).contains("not signed"));
  }

  @Test
  void refusesUnsignedAssertionInSignedResponse() throws Exception {
    Document doc = response.document();
    sign(doc.getDocumentElement(), key, certificate);
    assertTrue(refused(encode(doc)).contains("not signed"));
  }

  @Test
  void refusesSignatureByAnotherKeyEvenWithItsKeyInTheMessage() throws Exception {
    Document doc = response.document();
    // The attacker's public key travels in KeyInfo: it must be ignored.
    sign(
        assertion(doc),
        stranger.getPrivate(),
        null,
        stranger.getPublic(),
        SamlResponses.RSA_SHA256,
        DigestMethod.SHA256);
    assertTrue(refused(encode(doc)).contains("signature invalid"));
  }

  @Test
  void refusesAttributeTamperedAfterSigning() throws Exception {
    Document doc = signed();
    Element roles = (Element) doc.getElementsByTagNameNS(ASSERTION_NS, "AttributeValue").item(1);
    roles.setTextContent("platform-admin");
    assertTrue(refused(encode(doc)).contains("signature invalid"));
  }

  @Test
  void refusesNameIdTamperedAfterSigning() throws Exception {
    Document doc = signed();
    child(assertion(doc), ASSERTION_NS, "NameID").setTextContent("admin@example.com");
    assertTrue(refused(encode(doc)).contains("signature invalid"));
  }

  @Test
  void commentsCannotTruncateTheNameId() throws Exception {
    response.nameId = "alice@example.com.evil.test";
    Document doc = signed();
    Element nameId = child(assertion(doc), ASSERTION_NS, "NameID");
    // Comments are outside exclusive c14n: inserting one keeps the signature valid.
    nameId.setTextContent("alice@example.com");
    nameId.appendChild(doc.createComment("x"));
    nameId.appendChild(doc.createTextNode(".evil.test"));
    assertEquals("alice@example.com.evil.test", authenticator.authenticate(encode(doc)).subject());
  }

  @Test
  void refusesWrongAudience() throws Exception {
    response.audience = "https://other-sp.example";
    assertTrue(refused(signedResponse()).contains("audience"));
  }

  @Test
  void refusesExpiredAssertion() throws Exception {
    SamlAuthenticator later =
        authenticator(settings("tenant", null, Map.of()), NOW.plusSeconds(3600));
    assertTrue(refused(later, signedResponse()).contains("expired"));
  }

  @Test
  void toleratesClockSkewButNotMore() throws Exception {
    response.notOnOrAfter = NOW.minusSeconds(30);
    response.confirmationNotOnOrAfter = NOW.minusSeconds(30);
    authenticator.authenticate(signedResponse());
    response.assertionId = "_other";
    response.notOnOrAfter = NOW.minusSeconds(90);
    assertTrue(refused(signedResponse()).contains("expired"));
  }

  @Test
  void refusesNotYetValidAssertion() throws Exception {
    response.notBefore = NOW.plusSeconds(600);
    assertTrue(refused(signedResponse()).contains("not yet valid"));
  }

  @Test
  void refusesExpiredSubjectConfirmation() throws Exception {
    response.confirmationNotOnOrAfter = NOW.minusSeconds(120);
    assertTrue(refused(signedResponse()).contains("confirmation expired"));
  }

  @Test
  void refusesWrongRecipient() throws Exception {
    response.recipient = "https://evil.example/acs";
    assertTrue(refused(signedResponse()).contains("recipient"));
  }

  @Test
  void refusesWrongDestination() throws Exception {
    response.destination = "https://evil.example/acs";
    assertTrue(refused(signedResponse()).contains("destination"));
  }

  @Test
  void refusesWrongIssuer() throws Exception {
    response.issuer = "https://evil.example/saml";
    assertTrue(refused(signedResponse()).contains("issuer"));
  }

  @Test
  void refusesFailedStatus() throws Exception {
    response.status = "urn:oasis:names:tc:SAML:2.0:status:Requester";
    assertTrue(refused(signedResponse()).contains("Success"));
  }

  @Test
  void refusesReplay() throws Exception {
    String once = signedResponse();
    authenticator.authenticate(once);
    assertTrue(refused(once).contains("already used"));
    // Another assertion from the same IdP is fine.
    response.assertionId = "_second";
    authenticator.authenticate(signedResponse());
  }

  @Test
  void refusesWrappingEvilAssertionBesideMovedSignedOne() throws Exception {
    Document doc = signed();
    Element signedAssertion = assertion(doc);
    Element evil = (Element) signedAssertion.cloneNode(true);
    evil.removeChild(child(evil, "http://www.w3.org/2000/09/xmldsig#", "Signature"));
    evil.setAttribute("ID", "_evil");
    child(evil, ASSERTION_NS, "NameID").setTextContent("admin@example.com");
    Element extensions = doc.createElementNS(PROTOCOL_NS, "samlp:Extensions");
    Element response = doc.getDocumentElement();
    response.insertBefore(extensions, child(response, PROTOCOL_NS, "Status"));
    extensions.appendChild(signedAssertion);
    response.appendChild(evil);
    assertTrue(refused(encode(doc)).contains("exactly one assertion"));
  }

  @Test
  void refusesWrappingEvilAssertionWithSameId() throws Exception {
    Document doc = signed();
    Element signedAssertion = assertion(doc);
    Element evil = (Element) signedAssertion.cloneNode(true);
    child(evil, ASSERTION_NS, "NameID").setTextContent("admin@example.com");
    Element response = doc.getDocumentElement();
    // The original goes inside the evil one's signature object.
    Element signature = child(evil, "http://www.w3.org/2000/09/xmldsig#", "Signature");
    Element object = doc.createElementNS("http://www.w3.org/2000/09/xmldsig#", "ds:Object");
    signature.appendChild(object);
    object.appendChild(signedAssertion);
    response.appendChild(evil);
    refused(encode(doc));
  }

  @Test
  void refusesEvilAssertionCarryingTheOriginalSignature() throws Exception {
    Document doc = signed();
    Element signedAssertion = assertion(doc);
    String originalId = signedAssertion.getAttribute("ID");
    // Only the evil assertion remains, with the copied signature still naming the original ID.
    signedAssertion.setAttribute("ID", "_evil");
    child(signedAssertion, ASSERTION_NS, "NameID").setTextContent("admin@example.com");
    assertTrue(originalId.startsWith("_a"));
    assertTrue(refused(encode(doc)).contains("does not cover"));
  }

  @Test
  void refusesDoctypeAndExternalEntities() throws Exception {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + response.xml().replace("alice@example.com", "&xxe;");
    assertEquals("malformed SAML response", refused(encode(xxe)));
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + response.xml().replace("alice@example.com", "&b;");
    assertEquals("malformed SAML response", refused(encode(laughs)));
    // Even a harmless DOCTYPE in front of a valid, signed response is refused.
    String signedXml = SamlResponses.serialize(signed());
    assertEquals(
        "malformed SAML response", refused(encode("<!DOCTYPE samlp:Response>" + signedXml)));
  }

  @Test
  void refusesSha1Signature() throws Exception {
    Document doc = response.document();
    sign(assertion(doc), key, certificate, null, SamlResponses.RSA_SHA1, DigestMethod.SHA1);
    assertTrue(refused(encode(doc)).contains("algorithm refused"));
  }

  @Test
  void refusesSha256SignatureWithSha1Digest() throws Exception {
    Document doc = response.document();
    sign(assertion(doc), key, certificate, null, SamlResponses.RSA_SHA256, DigestMethod.SHA1);
    assertTrue(refused(encode(doc)).contains("digest algorithm refused"));
  }

  @Test
  void refusesEncryptedAssertions() throws Exception {
    Document doc = response.document();
    Element response = doc.getDocumentElement();
    Node assertion = assertion(doc);
    Element encrypted = doc.createElementNS(ASSERTION_NS, "saml:EncryptedAssertion");
    response.replaceChild(encrypted, assertion);
    assertTrue(refused(encode(doc)).contains("encrypted"));
  }

  @Test
  void refusesGarbage() {
    refused("");
    refused(null);
    refused("not base64 !!!");
    refused(encode("<html/>"));
    refused(encode("<samlp:Response xmlns:samlp=\"" + PROTOCOL_NS + "\" Version=\"2.0\"/>"));
  }

  @Test
  void settingsRefuseWeakOrMissingCertificate() throws Exception {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SamlSettings(SP, ACS, null, IDP, "tenant", null, null, null, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SamlSettings(SP, ACS, certificate, IDP, null, null, null, null, -1));
  }
}
