package io.vjvector.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import io.vjvector.plugins.MetricSample;
import io.vjvector.plugins.PluginAdmission;
import io.vjvector.plugins.PluginMetrics;
import io.vjvector.plugins.PluginRegistry;
import io.vjvector.sdk.embed.Embedder;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.host.PluginContext;
import io.vjvector.sdk.store.CollectionSpec;
import io.vjvector.sdk.store.Point;
import io.vjvector.sdk.store.SearchRequest;
import io.vjvector.sdk.store.VectorStore;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.PointId;
import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The plugin host with real plugin bundles, built by the test with TinyBundles: an admitted
 * embedder comes and goes without disturbing anything else; a plugin with forbidden imports never
 * resolves and is reported as rejected; the REST API survives the host's absence; and a plugin's
 * {@link PluginContext} enforces its grants.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginsIT extends VjvExamSupport {
  private static final String TINY = "com.example.tiny.embedder";
  private static final String BAD = "com.example.bad.embedder";
  private static final String DIR_PROPERTY = "vjvector.itest.plugins";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject ConfigurationAdmin configAdmin;

  /** Builds the plugin jars here, outside the container, and tells the container where they are. */
  @Override
  @Configuration
  public Option[] config() {
    File runs = new File(System.getProperty("vjvector.itest.dir", "target/itest-runs"));
    Path dir = runs.toPath().resolve("plugins").toAbsolutePath();
    TestPlugins.write(dir, TINY, BAD);
    return OptionUtils.combine(
        super.config(),
        editConfigurationFilePut("etc/system.properties", DIR_PROPERTY, dir.toString()));
  }

  private static Path jar(String name) {
    return Path.of(System.getProperty(DIR_PROPERTY), name);
  }

  @Test
  public void anAdmittedPluginComesAndGoesWithoutRefreshingAnythingElse() throws Exception {
    awaitReady();
    PluginRegistry registry = service(PluginRegistry.class);
    org.osgi.service.cm.Configuration cfg = configAdmin.getConfiguration(TINY, null);
    cfg.update(dictionary(Map.of("dimension", "3", "secret.token", "s3cr3t")));
    List<Object[]> before = snapshot();

    // the rejected plugin first: it must not keep anything else from resolving
    Bundle bad = context.installBundle(jar("bad.jar").toUri().toString());
    Bundle tiny = null;
    try {
      Bundle rejected = bad;
      BundleException refused =
          expect(
              BundleException.class,
              () -> {
                rejected.start();
                return null;
              });
      // the framework names the forbidden import it could not wire
      String message = refused.getMessage();
      assertTrue(
          message,
          message.contains("io.vjvector.engine") || message.contains("org.apache.cxf.jaxrs"));
      assertEquals(Bundle.INSTALLED, bad.getState());
      assertFalse(frameworkWiring().resolveBundles(List.of(bad)));
      JsonNode badListed = plugin(BAD).orElseThrow(() -> new AssertionError("bad not listed"));
      assertTrue(badListed.get("rejected").asBoolean());
      assertEquals("INSTALLED", badListed.get("state").asText());
      String reasons = badListed.get("reasons").toString();
      assertTrue(reasons, reasons.contains("io.vjvector.engine"));
      assertTrue(reasons, reasons.contains("org.apache.cxf.jaxrs"));
      assertTrue(console("vjv:plugin-list").contains("rejected"));

      tiny = context.installBundle(jar("tiny.jar").toUri().toString());
      tiny.start();
      Embedder embedder = await("the tiny embedder", () -> registry.embedder("tiny"));
      assertEquals("its PluginContext carries its configuration", 3, embedder.dimension());
      assertEquals("and its secret", "s3cr3t", embedder.modelVersion());
      List<float[]> vectors = embedder.embed(List.of("abcd", "ab"));
      assertEquals(4f, vectors.get(0)[0], 0f);
      assertEquals(3, vectors.get(1).length);
      MetricSample calls =
          service(PluginMetrics.class).snapshot().stream()
              .filter(m -> m.pluginId().equals(TINY) && m.name().equals("embed.calls"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no embed.calls metric"));
      assertEquals(1, calls.count());

      JsonNode listed = plugin(TINY).orElseThrow(() -> new AssertionError("tiny not listed"));
      assertEquals("ACTIVE", listed.get("state").asText());
      assertEquals("1.0.0", listed.get("version").asText());
      assertEquals("embedder", listed.get("services").get(0).get("kind").asText());
      assertEquals("tiny", listed.get("services").get(0).get("name").asText());
      assertFalse(listed.get("rejected").asBoolean());
      String table = console("vjv:plugin-list");
      assertTrue(table, table.contains(TINY) && table.contains("embedder:tiny"));

      PluginAdmission admission = service(PluginAdmission.class);
      assertEquals(List.of(), admission.check(jar("tiny.jar")));
      List<String> badReasons = admission.check(jar("bad.jar"));
      assertEquals(badReasons.toString(), 2, badReasons.size());

      tiny.uninstall();
      await(
          "the embedder gone",
          () -> registry.embedder("tiny").isEmpty() ? Optional.of(true) : Optional.empty());
      VjvException missing =
          expect(VjvException.class, () -> registry.require(Embedder.class, "tiny"));
      assertEquals(ErrorType.UNAVAILABLE, missing.type());
      assertFalse("uninstalled plugins are not listed", plugin(TINY).isPresent());
    } finally {
      uninstall(tiny);
      uninstall(bad);
      cfg.delete();
    }
    List<Object[]> after = snapshot();
    for (int i = 0; i < before.size(); i++) {
      String what = "bundle " + before.get(i)[0];
      assertSame(what + " kept its wiring (not refreshed)", before.get(i)[1], after.get(i)[1]);
      assertEquals(what + " last modified", before.get(i)[2], after.get(i)[2]);
      assertEquals(what + " state", Bundle.ACTIVE, after.get(i)[3]);
    }
    assertEquals(200, http.get("ready").status);
  }

  @Test
  public void restAnswers503WithoutThePluginHostWhichRejectsPluginsResolvedMeanwhile()
      throws Exception {
    awaitReady();
    Bundle host = bundle("io.vjvector.plugins");
    Bundle bad = null;
    host.stop();
    try {
      Http.Reply absent = http.get("plugins");
      assertEquals(absent.toString(), 503, absent.status);
      assertTrue(absent.contentType, absent.contentType.startsWith("application/problem+json"));
      assertTrue(absent.body, absent.json().get("type").asText().endsWith("/unavailable"));
      assertEquals("the rest of the API is unaffected", 200, http.get("collections").status);
      assertEquals(200, http.get("ready").status);

      // without the host's resolver hook the forbidden imports are there to be wired
      bad = context.installBundle(jar("bad.jar").toUri().toString());
      assertTrue(frameworkWiring().resolveBundles(List.of(bad)));
    } finally {
      host.start();
    }
    Bundle slipped = bad;
    await(
        "the rejected plugin unresolved again",
        () -> slipped.getState() == Bundle.INSTALLED ? Optional.of(true) : Optional.empty());
    JsonNode listed =
        await(
            "the REST API listing plugins again",
            () -> {
              try {
                return plugin(BAD);
              } catch (Exception e) {
                return Optional.empty();
              }
            });
    assertTrue(listed.get("rejected").asBoolean());
    uninstall(bad);
  }

  @Test
  public void aPluginContextEnforcesItsGrants() throws Exception {
    awaitReady();
    String self = context.getBundle().getSymbolicName();
    org.osgi.service.cm.Configuration cfg = configAdmin.getConfiguration(self, null);
    cfg.update(
        dictionary(
            Map.of(
                "greeting", "hello",
                "secret.key", "k1",
                "vjvector.egress.allow", "127.0.0.1:" + HTTP_PORT,
                "vjvector.tenants", "default")));
    ServiceReference<PluginContext> ref = awaitRef(PluginContext.class);
    PluginContext pc = context.getService(ref);
    try {
      assertEquals(self, pc.pluginId());
      assertEquals(Map.of("greeting", "hello"), pc.config().asMap());
      assertEquals("k1", new String(pc.secret("key").orElseThrow()));
      assertTrue(Files.isWritable(pc.dataDirectory()));

      HttpResponse<String> health =
          pc.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + "/api/v1/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      for (String refused :
          List.of(
              "http://169.254.169.254/latest/meta-data/",
              "http://127.0.0.1:18101/",
              "https://example.com/")) {
        expect(
            SecurityException.class,
            () ->
                pc.send(
                    HttpRequest.newBuilder(URI.create(refused)).build(),
                    HttpResponse.BodyHandlers.ofString()));
      }
      long refusedCount =
          service(PluginMetrics.class).snapshot().stream()
              .filter(
                  m ->
                      m.pluginId().equals(self)
                          && m.name().equals("host.egress.requests")
                          && "refused".equals(m.tags().get("outcome")))
              .mapToLong(MetricSample::count)
              .sum();
      assertEquals(3, refusedCount);

      expect(SecurityException.class, () -> pc.vectorStore("acme"));
      VectorStore store = pc.vectorStore("default");
      store.createCollection(new CollectionSpec("plugin-notes", 2, Distance.EUCLID));
      List<Point> points = new ArrayList<>();
      points.add(new Point(PointId.of(1), new float[] {0, 0}, Map.of("n", 1)));
      points.add(new Point(PointId.of(2), new float[] {5, 5}, Map.of("n", 2)));
      store.upsert("plugin-notes", points);
      assertEquals(
          PointId.of(2),
          store.search("plugin-notes", SearchRequest.of(new float[] {4, 4}, 1)).get(0).id());
      assertEquals(200, http.get("collections/plugin-notes").status);
      assertTrue(store.deleteCollection("plugin-notes"));
    } finally {
      context.ungetService(ref);
      cfg.delete();
    }
  }

  /** Bundle, wiring, last modified and state of the bundles a plugin must not disturb. */
  private List<Object[]> snapshot() {
    List<Object[]> s = new ArrayList<>();
    for (String bsn : List.of("io.vjvector.engine", "io.vjvector.rest", "io.vjvector.plugins")) {
      Bundle b = bundle(bsn);
      BundleWiring wiring = b.adapt(BundleRevision.class).getWiring();
      assertNotNull(bsn + " is resolved", wiring);
      s.add(new Object[] {bsn, wiring, b.getLastModified(), b.getState()});
    }
    return s;
  }

  /** The plugin with this symbolic name in {@code GET /plugins}, if listed. */
  private Optional<JsonNode> plugin(String symbolicName) throws Exception {
    Http.Reply r = http.get("plugins");
    assertEquals(r.toString(), 200, r.status);
    for (JsonNode p : r.json().get("plugins")) {
      if (symbolicName.equals(p.get("symbolic_name").asText())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private FrameworkWiring frameworkWiring() {
    return context.getBundle(0).adapt(FrameworkWiring.class);
  }

  private <S> S service(Class<S> type) throws InterruptedException {
    return context.getService(awaitRef(type));
  }

  private <S> ServiceReference<S> awaitRef(Class<S> type) throws InterruptedException {
    return await(
        type.getSimpleName(), () -> Optional.ofNullable(context.getServiceReference(type)));
  }

  private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      Optional<T> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  /**
   * The exception the work throws. (Not JUnit's assertThrows: the container's JUnit bundle does not
   * export its function package.)
   */
  private static <E extends Throwable> E expect(Class<E> type, Callable<?> work) {
    try {
      work.call();
    } catch (Throwable t) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      throw new AssertionError("expected " + type.getName() + ", got " + t, t);
    }
    throw new AssertionError("expected " + type.getName() + ", nothing was thrown");
  }

  private static void uninstall(Bundle b) throws BundleException {
    if (b != null && b.getState() != Bundle.UNINSTALLED) {
      b.uninstall();
    }
  }

  private static Dictionary<String, Object> dictionary(Map<String, Object> values) {
    return new Hashtable<>(values);
  }
}
