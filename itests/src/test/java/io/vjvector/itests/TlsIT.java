package io.vjvector.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * REST over TLS, configured as docs/security.md tells an operator to: Pax Web's HTTPS connector
 * with a keystore made by keytool, TLS 1.2 and 1.3 only.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TlsIT extends VjvExamSupport {
  static final int HTTPS_PORT = 18443;
  private static final String WEB = "etc/org.ops4j.pax.web.cfg";

  @Override
  @Configuration
  public Option[] config() {
    Path dir = driverDir("tls");
    Path keystore = dir.resolve("server.p12");
    try {
      Files.createDirectories(dir);
      IdentityProviders.keytool(
          "-genkeypair",
          "-alias",
          "server",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=127.0.0.1",
          "-ext",
          "SAN=ip:127.0.0.1,dns:localhost",
          "-validity",
          "2",
          "-storetype",
          "PKCS12",
          "-keystore",
          keystore.toString(),
          "-storepass",
          "changeit",
          "-keypass",
          "changeit");
    } catch (Exception e) {
      throw new IllegalStateException("cannot make the test keystore", e);
    }
    return OptionUtils.combine(
        super.config(),
        editConfigurationFilePut(
            "etc/system.properties", "vjv.itest.keystore", keystore.toString()),
        editConfigurationFilePut(WEB, "org.osgi.service.http.secure.enabled", "true"),
        editConfigurationFilePut(
            WEB, "org.osgi.service.http.port.secure", String.valueOf(HTTPS_PORT)),
        editConfigurationFilePut(WEB, "org.ops4j.pax.web.ssl.keystore", keystore.toString()),
        editConfigurationFilePut(WEB, "org.ops4j.pax.web.ssl.keystore.password", "changeit"),
        editConfigurationFilePut(WEB, "org.ops4j.pax.web.ssl.key.password", "changeit"),
        editConfigurationFilePut(WEB, "org.ops4j.pax.web.ssl.keystore.type", "PKCS12"),
        editConfigurationFilePut(WEB, "org.ops4j.pax.web.ssl.key.alias", "server"),
        editConfigurationFilePut(
            WEB, "org.ops4j.pax.web.ssl.protocols.included", "TLSv1.2,TLSv1.3"));
  }

  @Before
  public void ready() throws InterruptedException {
    awaitReady();
  }

  private static HttpClient trusting() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(Path.of(System.getProperty("vjv.itest.keystore")))) {
      trust.load(in, "changeit".toCharArray());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Test
  public void restAnswersOverTlsWithTheConfiguredCertificate() throws Exception {
    HttpClient client = trusting();
    String base = "https://127.0.0.1:" + HTTPS_PORT + "/api/v1/";
    HttpResponse<String> health = null;
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (health == null && System.nanoTime() < end) {
      try {
        health =
            client.send(
                HttpRequest.newBuilder(URI.create(base + "health")).build(),
                HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException notYet) {
        Thread.sleep(200);
      }
    }
    assertTrue("no HTTPS answer within 60 s", health != null);
    assertEquals(health.body(), 200, health.statusCode());
    String protocol = health.sslSession().orElseThrow().getProtocol();
    assertTrue(protocol, protocol.equals("TLSv1.3") || protocol.equals("TLSv1.2"));

    String token = Files.readString(securityDir().resolve("admin.key")).strip();
    HttpResponse<String> me =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "me"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(me.body(), 200, me.statusCode());
    assertTrue(me.body(), me.body().contains("platform:admin"));
    HttpResponse<String> anonymous =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "collections")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, anonymous.statusCode());

    // a client that does not trust the node's certificate gets no connection at all
    try {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(base + "health")).build(),
              HttpResponse.BodyHandlers.ofString());
      throw new AssertionError("an untrusted certificate was accepted");
    } catch (SSLHandshakeException expected) {
      assertTrue(expected.getMessage(), expected.getMessage() != null);
    }
  }
}
