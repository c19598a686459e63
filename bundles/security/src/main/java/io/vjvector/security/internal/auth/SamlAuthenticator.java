package io.vjvector.security.internal.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.vjvector.security.AuthenticationException;
import io.vjvector.security.Identity;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Verifies a SAML 2.0 Web SSO response (HTTP-POST binding) from one identity provider and maps it
 * to an {@link Identity} with method {@code saml}.
 *
 * <p>The rules are strict on purpose: the response must hold exactly one (unencrypted) Assertion,
 * which must carry an enveloped signature whose single Reference points to the assertion's own ID,
 * made with exclusive canonicalization and SHA-256 or stronger, verified with the configured IdP
 * certificate only. Everything (subject, conditions, attributes) is read from that one element, so
 * signature wrapping cannot substitute unsigned content. Issuer, audience, validity window, bearer
 * confirmation (recipient, expiry) and response status are checked, and each assertion ID is
 * accepted once until it expires.
 */
public final class SamlAuthenticator {
  static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
  static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
  static final String DSIG_NS = XMLSignature.XMLNS;

  private static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
  private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
  private static final int MAX_RESPONSE_CHARS = 1024 * 1024;
  private static final Set<String> SIGNATURE_METHODS =
      Set.of(
          SignatureMethod.RSA_SHA256,
          SignatureMethod.RSA_SHA384,
          SignatureMethod.RSA_SHA512,
          SignatureMethod.ECDSA_SHA256,
          SignatureMethod.ECDSA_SHA384,
          SignatureMethod.ECDSA_SHA512);
  private static final Set<String> DIGEST_METHODS =
      Set.of(DigestMethod.SHA256, DigestMethod.SHA384, DigestMethod.SHA512);

  private final SamlSettings settings;
  private final Clock clock;
  private final PublicKey idpKey;
  private final SecureXml xml = new SecureXml();
  private final XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM");
  private final RoleMapper roleMapper;
  private final Duration skew;
  private final Cache<String, Instant> seen;

  /**
   * Creates the authenticator.
   *
   * @param settings the settings
   */
  public SamlAuthenticator(SamlSettings settings) {
    this(settings, Clock.systemUTC());
  }

  /**
   * Creates the authenticator with a clock.
   *
   * @param settings the settings
   * @param clock the clock conditions are checked against
   */
  SamlAuthenticator(SamlSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.idpKey = settings.idpCertificate().getPublicKey();
    this.roleMapper = new RoleMapper(settings.roleMapping());
    this.skew = Duration.ofSeconds(settings.clockSkewSeconds());
    this.seen =
        Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfter(
                new Expiry<String, Instant>() {
                  @Override
                  public long expireAfterCreate(String key, Instant until, long now) {
                    Duration left = Duration.between(clock.instant(), until);
                    return Math.max(Duration.ofSeconds(1).toNanos(), left.toNanos());
                  }

                  @Override
                  public long expireAfterUpdate(
                      String key, Instant until, long now, long currentDuration) {
                    return currentDuration;
                  }

                  @Override
                  public long expireAfterRead(
                      String key, Instant until, long now, long currentDuration) {
                    return currentDuration;
                  }
                })
            .build();
  }

  /**
   * Verifies a response as posted to the assertion consumer service.
   *
   * @param base64SamlResponse the {@code SAMLResponse} form field (base64 of the XML)
   * @return the identity
   * @throws AuthenticationException if the response is malformed, unsigned, forged, not for this
   *     service, expired, replayed or grants no tenant or role
   */
  public Identity authenticate(String base64SamlResponse) throws AuthenticationException {
    if (base64SamlResponse == null || base64SamlResponse.isBlank()) {
      throw new AuthenticationException("missing SAML response");
    }
    if (base64SamlResponse.length() > MAX_RESPONSE_CHARS) {
      throw new AuthenticationException("SAML response too large");
    }
    Document doc;
    try {
      doc = xml.parse(Base64.getMimeDecoder().decode(base64SamlResponse.trim()));
    } catch (IllegalArgumentException | SAXException | IOException e) {
      throw new AuthenticationException("malformed SAML response", e);
    }
    try {
      return verify(doc);
    } catch (RuntimeException e) {
      throw new AuthenticationException("malformed SAML response", e);
    }
  }

  private Identity verify(Document doc) throws AuthenticationException {
    Instant now = clock.instant();
    Element response = doc.getDocumentElement();
    if (!is(response, PROTOCOL_NS, "Response")) {
      throw new AuthenticationException("not a SAML response");
    }
    if (!"2.0".equals(response.getAttribute("Version"))) {
      throw new AuthenticationException("SAML response version must be 2.0");
    }
    Element status = one(response, PROTOCOL_NS, "Status");
    Element statusCode = one(status, PROTOCOL_NS, "StatusCode");
    if (!SUCCESS.equals(statusCode.getAttribute("Value"))) {
      throw new AuthenticationException("SAML response status is not Success");
    }
    if (response.hasAttribute("Destination")
        && !settings.acsUrl().equals(response.getAttribute("Destination"))) {
      throw new AuthenticationException("SAML response sent to another destination");
    }
    Element responseIssuer = optional(response, ASSERTION_NS, "Issuer");
    if (responseIssuer != null && !settings.idpEntityId().equals(text(responseIssuer))) {
      throw new AuthenticationException("SAML response from an unexpected issuer");
    }

    if (doc.getElementsByTagNameNS(ASSERTION_NS, "EncryptedAssertion").getLength() > 0) {
      throw new AuthenticationException("encrypted SAML assertions are not supported");
    }
    NodeList assertions = doc.getElementsByTagNameNS(ASSERTION_NS, "Assertion");
    if (assertions.getLength() != 1) {
      throw new AuthenticationException("SAML response must contain exactly one assertion");
    }
    Element assertion = (Element) assertions.item(0);
    if (assertion.getParentNode() != response) {
      throw new AuthenticationException("SAML assertion is not where it belongs");
    }
    String id = assertion.getAttribute("ID");
    if (id.isEmpty() || countAttributeValue(doc.getDocumentElement(), id) != 1) {
      throw new AuthenticationException("SAML assertion needs a unique ID");
    }

    verifySignature(assertion, id);

    // Everything below comes from the signed assertion only.
    if (!"2.0".equals(assertion.getAttribute("Version"))) {
      throw new AuthenticationException("SAML assertion version must be 2.0");
    }
    if (!settings.idpEntityId().equals(text(one(assertion, ASSERTION_NS, "Issuer")))) {
      throw new AuthenticationException("SAML assertion from an unexpected issuer");
    }
    Instant issued = time(assertion, "IssueInstant");
    if (issued == null || issued.isAfter(now.plus(skew))) {
      throw new AuthenticationException("SAML assertion issued in the future");
    }
    Element subject = one(assertion, ASSERTION_NS, "Subject");
    String nameId = text(one(subject, ASSERTION_NS, "NameID"));
    if (nameId.isEmpty()) {
      throw new AuthenticationException("SAML assertion has no NameID");
    }
    Instant confirmedUntil = bearerConfirmation(subject, now);

    Element conditions = one(assertion, ASSERTION_NS, "Conditions");
    Instant notBefore = time(conditions, "NotBefore");
    if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
      throw new AuthenticationException("SAML assertion not yet valid");
    }
    Instant notOnOrAfter = time(conditions, "NotOnOrAfter");
    if (notOnOrAfter != null && !now.minus(skew).isBefore(notOnOrAfter)) {
      throw new AuthenticationException("SAML assertion expired");
    }
    List<Element> restrictions = children(conditions, ASSERTION_NS, "AudienceRestriction");
    if (restrictions.isEmpty()) {
      throw new AuthenticationException("SAML assertion has no audience restriction");
    }
    for (Element restriction : restrictions) {
      boolean ours = false;
      for (Element audience : children(restriction, ASSERTION_NS, "Audience")) {
        ours |= settings.spEntityId().equals(text(audience));
      }
      if (!ours) {
        throw new AuthenticationException("SAML assertion is for another audience");
      }
    }
    List<Element> authn = children(assertion, ASSERTION_NS, "AuthnStatement");
    if (authn.isEmpty()) {
      throw new AuthenticationException("SAML assertion has no authentication statement");
    }
    for (Element statement : authn) {
      Instant sessionEnd = time(statement, "SessionNotOnOrAfter");
      if (sessionEnd != null && !now.minus(skew).isBefore(sessionEnd)) {
        throw new AuthenticationException("SAML session expired");
      }
    }

    Map<String, List<String>> attributes = attributes(assertion);
    String tenant = settings.defaultTenant();
    if (settings.tenantAttribute() != null) {
      List<String> values = attributes.getOrDefault(settings.tenantAttribute(), List.of());
      if (values.size() > 1) {
        throw new AuthenticationException("SAML assertion names more than one tenant");
      }
      if (values.size() == 1 && !values.get(0).isEmpty()) {
        tenant = values.get(0);
      }
    }
    if (tenant == null) {
      throw new AuthenticationException("SAML assertion names no tenant");
    }
    Set<String> roles =
        roleMapper.roles(attributes.getOrDefault(settings.rolesAttribute(), List.of()));
    if (roles.isEmpty()) {
      throw new AuthenticationException("SAML assertion grants no role");
    }

    Instant until =
        notOnOrAfter == null || confirmedUntil.isBefore(notOnOrAfter)
            ? confirmedUntil
            : notOnOrAfter;
    String replayKey = settings.idpEntityId() + "\n" + id;
    if (seen.asMap().putIfAbsent(replayKey, until.plus(skew)) != null) {
      throw new AuthenticationException("SAML assertion already used");
    }
    return new Identity(nameId, tenant, roles, Set.of(), "saml");
  }

  /** Checks the assertion's enveloped signature; throws unless it is valid and covers it all. */
  private void verifySignature(Element assertion, String id) throws AuthenticationException {
    List<Element> sigs = children(assertion, DSIG_NS, "Signature");
    if (sigs.isEmpty()) {
      throw new AuthenticationException("SAML assertion is not signed");
    }
    if (sigs.size() > 1) {
      throw new AuthenticationException("SAML assertion has more than one signature");
    }
    precheckAlgorithms(sigs.get(0));
    DOMValidateContext context =
        new DOMValidateContext(KeySelector.singletonKeySelector(idpKey), sigs.get(0));
    context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
    context.setIdAttributeNS(assertion, null, "ID");
    assertion.setIdAttributeNS(null, "ID", true);
    XMLSignature signature;
    try {
      signature = signatures.unmarshalXMLSignature(context);
    } catch (MarshalException e) {
      throw new AuthenticationException("SAML assertion signature malformed", e);
    }
    SignedInfo info = signature.getSignedInfo();
    if (!CanonicalizationMethod.EXCLUSIVE.equals(info.getCanonicalizationMethod().getAlgorithm())) {
      throw new AuthenticationException("SAML signature must use exclusive canonicalization");
    }
    if (!SIGNATURE_METHODS.contains(info.getSignatureMethod().getAlgorithm())) {
      throw new AuthenticationException("SAML signature algorithm refused (SHA-256 or stronger)");
    }
    if (info.getReferences().size() != 1) {
      throw new AuthenticationException("SAML signature must have exactly one reference");
    }
    Reference reference = info.getReferences().get(0);
    if (!("#" + id).equals(reference.getURI())) {
      throw new AuthenticationException("SAML signature does not cover the assertion");
    }
    if (!DIGEST_METHODS.contains(reference.getDigestMethod().getAlgorithm())) {
      throw new AuthenticationException("SAML digest algorithm refused (SHA-256 or stronger)");
    }
    boolean enveloped = false;
    for (Transform transform : reference.getTransforms()) {
      String algorithm = transform.getAlgorithm();
      if (Transform.ENVELOPED.equals(algorithm)) {
        enveloped = true;
      } else if (!CanonicalizationMethod.EXCLUSIVE.equals(algorithm)) {
        throw new AuthenticationException("SAML signature transform refused");
      }
    }
    if (!enveloped || reference.getTransforms().size() > 2) {
      throw new AuthenticationException("SAML signature must be enveloped");
    }
    boolean valid;
    try {
      valid = signature.validate(context);
    } catch (XMLSignatureException e) {
      throw new AuthenticationException("SAML assertion signature invalid", e);
    }
    if (!valid) {
      throw new AuthenticationException("SAML assertion signature invalid");
    }
  }

  /**
   * Refuses weak or unexpected algorithms by reading them from the DOM, before the signature API
   * (which with secure validation would refuse some of them with a less helpful error).
   */
  private static void precheckAlgorithms(Element signature) throws AuthenticationException {
    Element info = one(signature, DSIG_NS, "SignedInfo");
    String method = one(info, DSIG_NS, "SignatureMethod").getAttribute("Algorithm");
    if (!SIGNATURE_METHODS.contains(method)) {
      throw new AuthenticationException("SAML signature algorithm refused (SHA-256 or stronger)");
    }
    List<Element> references = children(info, DSIG_NS, "Reference");
    if (references.size() != 1) {
      throw new AuthenticationException("SAML signature must have exactly one reference");
    }
    String digest = one(references.get(0), DSIG_NS, "DigestMethod").getAttribute("Algorithm");
    if (!DIGEST_METHODS.contains(digest)) {
      throw new AuthenticationException("SAML digest algorithm refused (SHA-256 or stronger)");
    }
  }

  /** The latest NotOnOrAfter among valid bearer confirmations for our ACS URL. */
  private Instant bearerConfirmation(Element subject, Instant now) throws AuthenticationException {
    String problem = "SAML assertion has no bearer subject confirmation";
    Instant best = null;
    for (Element confirmation : children(subject, ASSERTION_NS, "SubjectConfirmation")) {
      if (!BEARER.equals(confirmation.getAttribute("Method"))) {
        continue;
      }
      Element data = optional(confirmation, ASSERTION_NS, "SubjectConfirmationData");
      if (data == null) {
        continue;
      }
      if (!settings.acsUrl().equals(data.getAttribute("Recipient"))) {
        problem = "SAML assertion is for another recipient";
        continue;
      }
      Instant notOnOrAfter = time(data, "NotOnOrAfter");
      if (notOnOrAfter == null) {
        problem = "SAML subject confirmation has no expiry";
        continue;
      }
      if (!now.minus(skew).isBefore(notOnOrAfter)) {
        problem = "SAML subject confirmation expired";
        continue;
      }
      Instant notBefore = time(data, "NotBefore");
      if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
        problem = "SAML subject confirmation not yet valid";
        continue;
      }
      if (best == null || notOnOrAfter.isAfter(best)) {
        best = notOnOrAfter;
      }
    }
    if (best == null) {
      throw new AuthenticationException(problem);
    }
    return best;
  }

  private static Map<String, List<String>> attributes(Element assertion) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Element statement : children(assertion, ASSERTION_NS, "AttributeStatement")) {
      for (Element attribute : children(statement, ASSERTION_NS, "Attribute")) {
        List<String> values =
            out.computeIfAbsent(attribute.getAttribute("Name"), k -> new ArrayList<>());
        for (Element value : children(attribute, ASSERTION_NS, "AttributeValue")) {
          values.add(text(value));
        }
      }
    }
    return out;
  }

  private static Instant time(Element element, String attribute) throws AuthenticationException {
    if (!element.hasAttribute(attribute)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(element.getAttribute(attribute).trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new AuthenticationException("SAML time " + attribute + " malformed", e);
    }
  }

  /** How many attributes anywhere in the tree have this value as an ID-like attribute. */
  private static int countAttributeValue(Element element, String value) {
    int count = 0;
    NamedNodeMap attrs = element.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr attr = (Attr) attrs.item(i);
      String name = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
      if (name.equalsIgnoreCase("ID") && value.equals(attr.getValue())) {
        count++;
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        count += countAttributeValue(e, value);
      }
    }
    return count;
  }

  private static boolean is(Node node, String ns, String localName) {
    return node instanceof Element
        && ns.equals(node.getNamespaceURI())
        && localName.equals(node.getLocalName());
  }

  private static List<Element> children(Element parent, String ns, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (is(child, ns, localName)) {
        out.add((Element) child);
      }
    }
    return out;
  }

  private static Element optional(Element parent, String ns, String localName)
      throws AuthenticationException {
    List<Element> found = children(parent, ns, localName);
    if (found.size() > 1) {
      throw new AuthenticationException("SAML element " + localName + " repeated");
    }
    return found.isEmpty() ? null : found.get(0);
  }

  private static Element one(Element parent, String ns, String localName)
      throws AuthenticationException {
    Element found = optional(parent, ns, localName);
    if (found == null) {
      throw new AuthenticationException("SAML element " + localName + " missing");
    }
    return found;
  }

  private static String text(Element element) {
    return element.getTextContent() == null ? "" : element.getTextContent().trim();
  }
}
