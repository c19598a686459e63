package io.vjvector.security.internal.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML with the JDK's own parser hardened against XXE, entity expansion and
 * external fetches: no DOCTYPE at all, no external entities or DTDs, no XInclude, secure processing
 * limits, comments dropped.
 */
final class SecureXml {
  private final DocumentBuilderFactory factory;

  /** Creates the parser configuration. */
  SecureXml() {
    // The JDK's implementation, not whatever another bundle registered.
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the XML parser cannot be hardened", e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setIgnoringComments(true);
    f.setValidating(false);
    this.factory = f;
  }

  /**
   * Parses a document.
   *
   * @param xml the bytes
   * @return the document
   * @throws SAXException if malformed or it has a DOCTYPE
   * @throws IOException never for in-memory input
   */
  Document parse(byte[] xml) throws SAXException, IOException {
    DocumentBuilder builder;
    try {
      builder = factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    builder.setErrorHandler(
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {
            // ignored
          }

          @Override
          public void error(SAXParseException e) throws SAXException {
            throw e;
          }

          @Override
          public void fatalError(SAXParseException e) throws SAXException {
            throw e;
          }
        });
    builder.setEntityResolver(
        (publicId, systemId) -> {
          throw new SAXException("external entities are not allowed");
        });
    return builder.parse(new ByteArrayInputStream(xml));
  }
}
