package io.vjvector.security.internal.auth;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Builds SAML 2.0 responses as a test identity provider would, and signs their assertions. */
final class SamlResponses {
  static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
  static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
  static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
  static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

  String responseId = "_resp1";
  String assertionId = "_a" + System.nanoTime();
  String issuer;
  String audience;
  String recipient;
  String destination;
  String nameId = "alice@example.com";
  String status = "urn:oasis:names:tc:SAML:2.0:status:Success";
  Instant issueInstant;
  Instant notBefore;
  Instant notOnOrAfter;
  Instant confirmationNotOnOrAfter;
  final Map<String, List<String>> attributes = new LinkedHashMap<>();

  SamlResponses(String issuer, String audience, String acsUrl, Instant now) {
    this.issuer = issuer;
    this.audience = audience;
    this.recipient = acsUrl;
    this.destination = acsUrl;
    this.issueInstant = now;
    this.notBefore = now.minusSeconds(30);
    this.notOnOrAfter = now.plusSeconds(300);
    this.confirmationNotOnOrAfter = now.plusSeconds(300);
  }

  String assertionXml() {
    StringBuilder attrs = new StringBuilder();
    for (Map.Entry<String, List<String>> a : attributes.entrySet()) {
      attrs.append("<saml:Attribute Name=\"").append(a.getKey()).append("\">");
      for (String v : a.getValue()) {
        attrs.append("<saml:AttributeValue>").append(v).append("</saml:AttributeValue>");
      }
      attrs.append("</saml:Attribute>");
    }
    return "<saml:Assertion xmlns:saml=\""
        + ASSERTION_NS
        + "\" ID=\""
        + assertionId
        + "\" Version=\"2.0\" IssueInstant=\""
        + issueInstant
        + "\"><saml:Issuer>"
        + issuer
        + "</saml:Issuer><saml:Subject><saml:NameID"
        + " Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\">"
        + nameId
        + "</saml:NameID><saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
        + "<saml:SubjectConfirmationData Recipient=\""
        + recipient
        + "\" NotOnOrAfter=\""
        + confirmationNotOnOrAfter
        + "\"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore=\""
        + notBefore
        + "\" NotOnOrAfter=\""
        + notOnOrAfter
        + "\"><saml:AudienceRestriction><saml:Audience>"
        + audience
        + "</saml:Audience></saml:AudienceRestriction></saml:Conditions>"
        + "<saml:AuthnStatement AuthnInstant=\""
        + issueInstant
        + "\"><saml:AuthnContext><saml:AuthnContextClassRef>"
        + "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
        + "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>"
        + "<saml:AttributeStatement>"
        + attrs
        + "</saml:AttributeStatement></saml:Assertion>";
  }

  String xml() {
    return "<samlp:Response xmlns:samlp=\""
        + PROTOCOL_NS
        + "\" xmlns:saml=\""
        + ASSERTION_NS
        + "\" ID=\""
        + responseId
        + "\" Version=\"2.0\" IssueInstant=\""
        + issueInstant
        + "\" Destination=\""
        + destination
        + "\"><saml:Issuer>"
        + issuer
        + "</saml:Issuer><samlp:Status><samlp:StatusCode Value=\""
        + status
        + "\"/></samlp:Status>"
        + assertionXml()
        + "</samlp:Response>";
  }

  Document document() throws Exception {
    return parse(xml());
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static Element assertion(Document doc) {
    return (Element) doc.getElementsByTagNameNS(ASSERTION_NS, "Assertion").item(0);
  }

  /** Signs an element (enveloped, exclusive c14n), the signature placed after its Issuer. */
  static void sign(
      Element element,
      Key key,
      X509Certificate certificate,
      PublicKey keyValue,
      String signatureMethod,
      String digestMethod)
      throws Exception {
    element.setIdAttributeNS(null, "ID", true);
    XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
    Reference ref =
        fac.newReference(
            "#" + element.getAttribute("ID"),
            fac.newDigestMethod(digestMethod, null),
            List.of(
                fac.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                fac.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
            null,
            null);
    SignedInfo info =
        fac.newSignedInfo(
            fac.newCanonicalizationMethod(
                CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
            fac.newSignatureMethod(signatureMethod, null),
            List.of(ref));
    KeyInfoFactory kif = fac.getKeyInfoFactory();
    KeyInfo keyInfo =
        certificate != null
            ? kif.newKeyInfo(List.of(kif.newX509Data(List.of(certificate))))
            : kif.newKeyInfo(List.of(kif.newKeyValue(keyValue)));
    Node issuer = element.getElementsByTagNameNS(ASSERTION_NS, "Issuer").item(0);
    DOMSignContext context = new DOMSignContext(key, element, issuer.getNextSibling());
    fac.newXMLSignature(info, keyInfo).sign(context);
  }

  static void sign(Element element, Key key, X509Certificate certificate) throws Exception {
    sign(element, key, certificate, null, RSA_SHA256, DigestMethod.SHA256);
  }

  static String serialize(Document doc) throws Exception {
    Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
    t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    StringWriter out = new StringWriter();
    t.transform(new DOMSource(doc), new StreamResult(out));
    return out.toString();
  }

  static String encode(Document doc) throws Exception {
    return encode(serialize(doc));
  }

  static String encode(String xml) {
    return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
  }
}
