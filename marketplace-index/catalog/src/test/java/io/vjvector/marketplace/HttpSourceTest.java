package io.vjvector.marketplace;

import static io.vjvector.marketplace.CatalogClientTest.assertReason;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.vjvector.marketplace.CatalogException.Reason;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same catalog served by a static HTTP server on the loopback interface. */
class HttpSourceTest {

  @TempDir Path temp;
  TestCatalog catalog;
  HttpServer server;
  CatalogClient client;

  @BeforeEach
  void setUp() throws Exception {
    catalog = new TestCatalog(temp);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/mirror/",
        exchange -> {
          Path file = catalog.dir.resolve(exchange.getRequestURI().getPath().substring(8));
          try (exchange) {
            if (!Files.isRegularFile(file)) {
              exchange.sendResponseHeaders(404, -1);
              return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mirror");
    client = new CatalogClient(CatalogSource.of(base), TestCatalog.CLOCK);
  }

  @AfterEach
  void tearDown() {
    server.stop(0);
  }

  @Test
  void verifiesAndDownloadsOverHttp() throws Exception {
    CatalogEntry entry = catalog.publish("com.acme.embed", "1.0.0");
    catalog.write();

    VerifiedCatalog verified = client.refresh(catalog.initial());
    client.fetchArtifact(verified.entries().get(0), temp.resolve("plugin.jar"));

    assertEquals(entry.size(), Files.size(temp.resolve("plugin.jar")));
  }

  @Test
  void absentFilesAreNotFound() throws Exception {
    catalog.writeKeys();

    assertReason(Reason.NOT_FOUND, () -> client.refresh(catalog.initial()));
  }
}
