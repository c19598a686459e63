package io.vjvector.security.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.Resource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardedResourceRetrieverTest {
  private JwksServer server;
  private GuardedResourceRetriever retriever;

  @BeforeEach
  void start() throws IOException {
    server = new JwksServer();
    server.serve("{\"keys\":[]}");
    retriever = new GuardedResourceRetriever(new UrlGuard(Set.of()), 1000, 1000, 1024);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void fetchesWithContentLengthAndChunked() throws Exception {
    Resource plain = retriever.retrieveResource(URI.create(server.url("/jwks?x=1")).toURL());
    assertEquals("{\"keys\":[]}", plain.getContent());
    assertEquals("application/json", plain.getContentType());
    Resource chunked = retriever.retrieveResource(URI.create(server.url("/chunked")).toURL());
    assertEquals("{\"keys\":[]}", chunked.getContent());
    assertEquals(2, server.fetches());
  }

  @Test
  void doesNotFollowRedirects() {
    IOException e =
        assertThrows(
            IOException.class,
            () -> retriever.retrieveResource(URI.create(server.url("/redirect")).toURL()));
    assertTrue(e.getMessage().contains("302"), e.getMessage());
  }

  @Test
  void limitsTheResponseSize() {
    server.serve("{\"keys\":[],\"pad\":\"" + "x".repeat(2000) + "\"}");
    assertThrows(
        IOException.class,
        () -> retriever.retrieveResource(URI.create(server.url("/jwks")).toURL()));
    assertThrows(
        IOException.class,
        () -> retriever.retrieveResource(URI.create(server.url("/chunked")).toURL()));
  }

  @Test
  void refusesGuardedAddressesBeforeConnecting() {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                retriever.retrieveResource(
                    URI.create("http://169.254.169.254/latest/meta-data/").toURL()));
    assertTrue(e.getMessage().contains("refused"), e.getMessage());
  }

  @Test
  void timesOutOnSilentServer() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try (Socket s = silent.accept()) {
                  s.setSoTimeout(5000);
                  Thread.sleep(5000);
                } catch (IOException | InterruptedException ignored) {
                  // closing
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      assertTimeoutPreemptively(
          Duration.ofSeconds(4),
          () ->
              assertThrows(
                  IOException.class,
                  () ->
                      retriever.retrieveResource(
                          URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/").toURL())));
      acceptor.interrupt();
    }
  }
}
