package io.vjvector.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import io.vjvector.marketplace.host.InstalledPlugin;
import io.vjvector.marketplace.host.MarketplaceException;
import io.vjvector.marketplace.host.Offer;
import io.vjvector.marketplace.host.Plan;
import io.vjvector.marketplace.host.PluginInstaller;
import io.vjvector.plugins.PluginRegistry;
import io.vjvector.sdk.embed.Embedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The marketplace install flow on the real assembly, against signed catalogs this test writes and
 * serves over HTTP on 127.0.0.1 (see {@link TestCatalogs}): the sample OpenAI-compatible embedder
 * is installed, used, upgraded under continuous requests without a failed one, rolled back,
 * restored after its bundle vanished, and uninstalled; every kind of bad catalog or plugin is
 * refused with its reason and leaves nothing installed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MarketplaceIT extends VjvExamSupport {
  static final String EMBEDDER = "io.vjvector.samples.openai.embedder";
  static final String EMBEDDER_NAME = "openai";
  private static final String PID = "io.vjvector.marketplace";
  private static final String CATALOGS = "vjv.itest.catalogs";
  private static final String ROOT_KEY = "vjv.itest.rootKey";

  /** The plugin the archetype's integration test generated and built (same reactor, earlier). */
  private static final String ARCHETYPE_PLUGIN = "vjvector.archetype.plugin";

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TEXTS = "texts";
  private static final Duration MAX_LOAD = Duration.ofSeconds(60);
  private static final long MAX_CALLS = 200_000;

  /** The catalog and embeddings server: in the test JVM only (null inside the container). */
  private static CatalogServer server;

  @Override
  @Configuration
  public Option[] config() {
    try {
      Path dir =
          Path.of(System.getProperty("vjvector.itest.dir", "target/itest-runs"), "catalogs")
              .toAbsolutePath();
      deleteTree(dir);
      Path rootKey =
          new TestCatalogs(dir)
              .write(
                  EMBEDDER,
                  Path.of(System.getProperty("vjvector.sample.embedder.v1")),
                  Path.of(System.getProperty("vjvector.sample.embedder.v2")));
      server = new CatalogServer(dir);
      String base = server.base();
      String hostPort = base.substring("http://".length(), base.length() - 1);
      String marketplace = "etc/" + PID + ".cfg";
      String embedder = "etc/" + EMBEDDER + ".cfg";
      return OptionUtils.combine(
          super.config(),
          editConfigurationFilePut(marketplace, "catalogUrl", base + "good/"),
          editConfigurationFilePut(marketplace, "rootKey", rootKey.toString()),
          editConfigurationFilePut(marketplace, "drainMs", "500"),
          editConfigurationFilePut(marketplace, "healthTimeoutMs", "5000"),
          editConfigurationFilePut("etc/io.vjvector.plugins.cfg", "egress.allow", hostPort),
          editConfigurationFilePut(embedder, "base-url", "http://" + hostPort),
          editConfigurationFilePut(embedder, "model", "test-model"),
          editConfigurationFilePut(embedder, "dimension", String.valueOf(FakeEmbeddings.DIMENSION)),
          editConfigurationFilePut("etc/system.properties", CATALOGS, base),
          editConfigurationFilePut("etc/system.properties", ROOT_KEY, rootKey.toString()),
          editConfigurationFilePut(
              "etc/system.properties", ARCHETYPE_PLUGIN, System.getProperty(ARCHETYPE_PLUGIN, "")));
    } catch (Exception e) {
      throw new IllegalStateException("cannot prepare the test catalogs", e);
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  public void installUseUpgradeRollbackRestoreUninstall() throws Exception {
    awaitReady();
    String catalogs = System.getProperty(CATALOGS);
    PluginInstaller installer = useCatalog(catalogs + "good/", freshStateDir());

    // what the catalog offers, through the service, REST and the console
    List<Offer> offers = installer.search("");
    assertTrue(offers.toString(), has(offers, EMBEDDER, "1.0.0") && has(offers, EMBEDDER, "1.1.0"));
    assertTrue(
        offers.stream().anyMatch(o -> o.id().equals(TestCatalogs.FUTURE) && !o.compatible()));
    Http.Reply listed = http.get("marketplace/catalog?q=openai");
    assertEquals(listed.toString(), 200, listed.status);
    assertTrue(listed.body, listed.body.contains(EMBEDDER));
    assertFalse(listed.body, listed.body.contains(TestCatalogs.FORBIDDEN));
    String console = console("vjv:marketplace-search openai");
    assertTrue(console, console.contains(EMBEDDER) && console.contains("1.1.0"));

    // simulate: every check, no change
    Plan simulated = installer.install(EMBEDDER, "1.0.0", true);
    assertTrue(simulated.simulated());
    assertTrue(simulated.steps().toString(), simulated.steps().contains("would resolve"));
    assertNoBundle(EMBEDDER);
    String dry = console("vjv:plugin-install --simulate --version 1.0.0 " + EMBEDDER);
    assertTrue(dry, dry.contains("[simulated] install " + EMBEDDER));
    assertNoBundle(EMBEDDER);

    // the host's own bundles: no marketplace operation may refresh them
    Map<String, org.osgi.framework.wiring.BundleWiring> wirings = hostWirings();

    // installed and used
    Plan installed = installer.install(EMBEDDER, "1.0.0", false);
    assertEquals("1.0.0", installed.toVersion());
    assertEquals("1.0.0", pluginBundle().getVersion().toString());
    Embedder e = awaitEmbedder("1.0.0");
    // the vectors only the test's server computes: the plugin called it through the host
    List<float[]> vectors = e.embed(List.of("hello", "world"));
    assertArrayEquals(FakeEmbeddings.vector("hello"), vectors.get(0), 0f);
    assertArrayEquals(FakeEmbeddings.vector("world"), vectors.get(1), 0f);
    Http.Reply plugins = http.get("plugins");
    assertEquals(plugins.toString(), 200, plugins.status);
    assertTrue(plugins.body, plugins.body.contains(EMBEDDER));

    // a collection that embeds texts with the plugin, through REST
    Http.Reply created =
        http.post(
            "collections",
            Map.of(
                "name",
                TEXTS,
                "dimension",
                FakeEmbeddings.DIMENSION,
                "distance",
                "cosine",
                "embedder",
                EMBEDDER_NAME));
    assertEquals(created.toString(), 201, created.status);
    assertEquals(EMBEDDER_NAME, created.json().path("embedder").asText());
    Http.Reply upserted =
        http.put(
            "collections/" + TEXTS + "/points",
            Map.of(
                "points",
                List.of(
                    Map.of("id", 1, "text", "alpha beta gamma"),
                    Map.of("id", 2, "text", "~~~~ zzzz ~~~~ !!"))));
    assertEquals(upserted.toString(), 200, upserted.status);
    assertEquals(
        1, topHit(http.post(searchPath(), Map.of("text", "alpha beta gamma", "limit", 1))));
    Http.Reply both =
        http.post(
            searchPath(), Map.of("text", "x", "vector", FakeEmbeddings.vector("x"), "limit", 1));
    assertEquals(both.toString(), 400, both.status);
    Http.Reply again = http.post("marketplace/plugins/" + EMBEDDER + "/install", Map.of());
    assertEquals(again.toString(), 409, again.status);

    // a broken version (starts, never registers its embedder) is rolled back automatically: it is
    // removed again, and 1.0.0 never stopped serving
    try {
      installer.upgrade(EMBEDDER, "1.2.0", false);
      fail("the broken 1.2.0 was accepted");
    } catch (MarketplaceException expected) {
      assertEquals(expected.getMessage(), MarketplaceException.Reason.UNHEALTHY, expected.reason());
    }
    assertEquals("1.0.0", pluginBundle().getVersion().toString());
    assertEquals("1.0.0", only(installer.installed()).version());
    assertEquals(
        1, topHit(http.post(searchPath(), Map.of("text", "alpha beta gamma", "limit", 1))));

    // upgraded while requests keep coming: none fails, and the new version takes over
    Load load = new Load();
    Thread client = new Thread(load, "embedder-client");
    client.start();
    try {
      load.awaitCalls(50);
      Plan upgraded = installer.upgrade(EMBEDDER, "1.1.0", false);
      assertEquals("1.0.0", upgraded.fromVersion());
      assertEquals("1.1.0", upgraded.toVersion());
      load.awaitVersion("1.1.0");
      long after = load.calls.get();
      load.awaitCalls(after + 50);
    } finally {
      load.stop.set(true);
      client.join(MAX_LOAD.toMillis() + 10_000);
    }
    assertEquals("failed calls during the upgrade: " + load.failures, 0, load.failed.get());
    assertTrue(
        load.versions.toString(), load.versions.keySet().containsAll(Set.of("1.0.0", "1.1.0")));
    assertEquals("1.1.0", pluginBundle().getVersion().toString());
    assertEquals("1.0.0", only(installer.installed()).previousVersion());

    // rolled back to the kept 1.0.0
    Http.Reply back = http.post("marketplace/plugins/" + EMBEDDER + "/rollback", Map.of());
    assertEquals(back.toString(), 200, back.status);
    assertEquals("1.0.0", pluginBundle().getVersion().toString());
    awaitEmbedder("1.0.0");
    assertNull(only(installer.installed()).previousVersion());
    Http.Reply noMore = http.post("marketplace/plugins/" + EMBEDDER + "/rollback", Map.of());
    assertEquals(noMore.toString(), 409, noMore.status);

    // the desired state survives the plugin's bundle being lost: the installer restores it
    Bundle host = bundle("io.vjvector.marketplace.host");
    host.stop();
    pluginBundle().uninstall();
    assertNoBundle(EMBEDDER);
    host.start();
    installer();
    awaitEmbedder("1.0.0");

    // offline use: export the catalog with its artifacts, import it while the server is unknown
    Path zip = Files.createTempFile("vjv-catalog", ".zip");
    assertEquals(5, installer().exportCatalog(zip));
    installer = useCatalog("http://127.0.0.1:1/");
    try {
      installer.search("");
      fail("the unreachable catalog answered");
    } catch (MarketplaceException expected) {
      assertEquals(MarketplaceException.Reason.CATALOG_UNAVAILABLE, expected.reason());
    }
    installer = useCatalog(""); // no URL: the imported mirror is the catalog
    String imported = console("vjv:marketplace-import " + zip);
    assertTrue(imported, imported.contains("5 entries"));
    assertTrue(has(installer().search("openai"), EMBEDDER, "1.1.0"));

    // uninstalled: no bundle, no service, nothing recorded; the collection's texts get 503 and its
    // vectors keep working
    Http.Reply removed = http.delete("marketplace/plugins/" + EMBEDDER);
    assertEquals(removed.toString(), 200, removed.status);
    assertNoBundle(EMBEDDER);
    assertTrue(registry().embedder(EMBEDDER_NAME).isEmpty());
    assertEquals(
        0, context.getServiceReferences(Embedder.class, "(vjvector.embedder.name=openai)").size());
    assertTrue(installer().installed().isEmpty());
    JsonNode none = http.get("marketplace/plugins").json();
    assertEquals(0, none.path("plugins").size());
    Map<String, org.osgi.framework.wiring.BundleWiring> after = hostWirings();
    for (Map.Entry<String, org.osgi.framework.wiring.BundleWiring> w : wirings.entrySet()) {
      assertTrue(
          w.getKey() + " was refreshed by install, upgrade, rollback or uninstall",
          w.getValue() == after.get(w.getKey()));
    }
    Http.Reply missing = http.post(searchPath(), Map.of("text", "alpha beta gamma", "limit", 1));
    assertEquals(missing.toString(), 503, missing.status);
    assertTrue(missing.contentType, missing.contentType.startsWith("application/problem+json"));
    assertTrue(missing.body, missing.body.contains(EMBEDDER_NAME));
    assertEquals(
        1,
        topHit(
            http.post(
                searchPath(),
                Map.of("vector", FakeEmbeddings.vector("alpha beta gamma"), "limit", 1))));
    assertEquals(204, http.delete("collections/" + TEXTS).status);
  }

  @Test
  public void refusesBadCatalogsAndPluginsWithTheirReason() throws Exception {
    awaitReady();
    String catalogs = System.getProperty(CATALOGS);
    PluginInstaller installer = useCatalog(catalogs + "good/");
    for (InstalledPlugin p : installer.installed()) {
      installer.uninstall(p.id(), false); // left by another test of this class
    }
    // a fresh state: no artifact kept from another test (a kept, verified artifact is reused
    // rather than downloaded again, so the tampered download would never happen)
    String state = freshStateDir();
    installer = useCatalog(catalogs + "good/", state);
    installer.search(""); // the host has now seen index version 5

    expectRefusal(
        installer,
        TestCatalogs.FORBIDDEN,
        MarketplaceException.Reason.NOT_ADMISSIBLE,
        "org.apache.cxf");
    expectRefusal(
        installer, TestCatalogs.FUTURE, MarketplaceException.Reason.INCOMPATIBLE, "[2.0.0,3.0.0)");
    Http.Reply viaRest =
        http.post("marketplace/plugins/" + TestCatalogs.FORBIDDEN + "/install", Map.of());
    assertEquals(viaRest.toString(), 422, viaRest.status);
    assertTrue(viaRest.contentType, viaRest.contentType.startsWith("application/problem+json"));
    assertEquals("NOT_ADMISSIBLE", viaRest.json().path("reason").asText());

    expectRefusal(
        useCatalog(catalogs + "tampered/", state),
        EMBEDDER,
        MarketplaceException.Reason.UNTRUSTED,
        "DIGEST_MISMATCH");
    expectRefusal(
        useCatalog(catalogs + "badsig/", state),
        EMBEDDER,
        MarketplaceException.Reason.UNTRUSTED,
        "SIGNATURE");
    expectRefusal(
        useCatalog(catalogs + "expired/", state),
        EMBEDDER,
        MarketplaceException.Reason.UNTRUSTED,
        "EXPIRED");
    expectRefusal(
        useCatalog(catalogs + "prefix/", state),
        EMBEDDER,
        MarketplaceException.Reason.UNTRUSTED,
        "PREFIX_VIOLATION");
    expectRefusal(
        useCatalog(catalogs + "old/", state),
        EMBEDDER,
        MarketplaceException.Reason.UNTRUSTED,
        "ROLLBACK");

    Http.Reply rolledBack = http.post("marketplace/plugins/" + EMBEDDER + "/install", Map.of());
    assertEquals(rolledBack.toString(), 422, rolledBack.status);
    assertTrue(rolledBack.body, rolledBack.body.contains("ROLLBACK"));
    assertTrue(installer().installed().isEmpty());
  }

  @Test
  public void aPluginGeneratedFromTheArchetypeInstallsAndServes() throws Exception {
    awaitReady();
    Path jar = Path.of(System.getProperty(ARCHETYPE_PLUGIN));
    assertTrue(
        jar + " is missing: the archetype module's integration test builds it (mvn install)",
        Files.isRegularFile(jar));
    Bundle b = context.installBundle(jar.toUri().toString());
    try {
      b.start();
      assertEquals(Bundle.ACTIVE, b.getState());
      long deadline = System.nanoTime() + WAIT.toNanos();
      Optional<Embedder> e = registry().embedder("minilm");
      while (e.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
        e = registry().embedder("minilm");
      }
      assertTrue("the generated embedder is not registered", e.isPresent());
      List<float[]> v = e.get().embed(List.of("a text", "another text"));
      assertEquals(2, v.size());
      assertEquals(e.get().dimension(), v.get(0).length);
      assertFalse(java.util.Arrays.equals(v.get(0), v.get(1)));
      Http.Reply plugins = http.get("plugins");
      assertTrue(plugins.body, plugins.body.contains(b.getSymbolicName()));
    } finally {
      b.uninstall();
    }
    assertTrue(registry().embedder("minilm").isEmpty());
  }

  private void expectRefusal(
      PluginInstaller installer, String id, MarketplaceException.Reason reason, String detail)
      throws Exception {
    int bundles = context.getBundles().length;
    try {
      installer.install(id, null, false);
      fail(id + " was installed");
    } catch (MarketplaceException e) {
      assertEquals(e.getMessage(), reason, e.reason());
      assertTrue(e.getMessage(), e.getMessage().contains(detail));
    }
    assertNoBundle(id);
    assertEquals("bundles installed by a refused install", bundles, context.getBundles().length);
  }

  // ------------------------------------------------------------------------------------- helpers

  /**
   * Calls the embedder through the host's registry, and searches the text collection through REST
   * (which embeds the query with the plugin), until stopped.
   */
  final class Load implements Runnable {
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicLong calls = new AtomicLong();
    final AtomicInteger failed = new AtomicInteger();
    final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> versions = new ConcurrentHashMap<>();

    @Override
    public void run() {
      try {
        calls();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void calls() throws InterruptedException {
      long deadline = System.nanoTime() + MAX_LOAD.toNanos();
      PluginRegistry registry = registry();
      while (!stop.get() && calls.get() < MAX_CALLS && System.nanoTime() < deadline) {
        String text = "text " + calls.get();
        try {
          Optional<Embedder> e = registry.embedder(EMBEDDER_NAME);
          if (e.isEmpty()) {
            throw new IllegalStateException("no embedder named " + EMBEDDER_NAME);
          }
          List<float[]> v = e.get().embed(List.of(text));
          if (v.size() != 1 || !java.util.Arrays.equals(v.get(0), FakeEmbeddings.vector(text))) {
            throw new IllegalStateException("wrong vector for " + text);
          }
          versions
              .computeIfAbsent(e.get().modelVersion(), k -> new AtomicInteger())
              .incrementAndGet();
          Http.Reply r = http.post(searchPath(), Map.of("text", text, "limit", 1));
          if (r.status != 200) {
            throw new IllegalStateException("REST text search: " + r);
          }
        } catch (RuntimeException | java.io.IOException ex) {
          failed.incrementAndGet();
          if (failures.size() < 10) {
            failures.add(ex.toString());
          }
        }
        calls.incrementAndGet();
      }
    }

    void awaitCalls(long n) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (calls.get() < n && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue("the client made " + calls.get() + " calls", calls.get() >= n);
    }

    void awaitVersion(String version) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!versions.containsKey(version) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(versions.toString(), versions.containsKey(version));
    }
  }

  private static String freshStateDir() throws java.io.IOException {
    return Files.createTempDirectory(Path.of(System.getProperty("karaf.data")), "marketplace")
        .toString();
  }

  /** The current wiring of each host bundle a plugin operation must leave alone. */
  private Map<String, org.osgi.framework.wiring.BundleWiring> hostWirings() {
    Map<String, org.osgi.framework.wiring.BundleWiring> out = new java.util.TreeMap<>();
    for (String bsn :
        List.of(
            "io.vjvector.engine", "io.vjvector.rest", "io.vjvector.plugins", "io.vjvector.sdk")) {
      org.osgi.framework.wiring.BundleWiring w =
          bundle(bsn).adapt(org.osgi.framework.wiring.BundleWiring.class);
      assertNotNull(bsn + " is resolved", w);
      out.put(bsn, w);
    }
    return out;
  }

  private static String searchPath() {
    return "collections/" + TEXTS + "/search";
  }

  private static long topHit(Http.Reply reply) {
    assertEquals(reply.toString(), 200, reply.status);
    JsonNode result = reply.json().path("result");
    assertTrue(reply.body, result.size() > 0);
    return result.get(0).path("id").asLong();
  }

  private static boolean has(List<Offer> offers, String id, String version) {
    return offers.stream().anyMatch(o -> o.id().equals(id) && o.version().equals(version));
  }

  private static InstalledPlugin only(List<InstalledPlugin> plugins) {
    assertEquals(plugins.toString(), 1, plugins.size());
    return plugins.get(0);
  }

  private Bundle pluginBundle() {
    List<Bundle> found = new ArrayList<>();
    for (Bundle b : context.getBundles()) {
      if (EMBEDDER.equals(b.getSymbolicName())) {
        found.add(b);
      }
    }
    assertEquals("bundles of " + EMBEDDER + ": " + found, 1, found.size());
    assertEquals(Bundle.ACTIVE, found.get(0).getState());
    return found.get(0);
  }

  private void assertNoBundle(String symbolicName) {
    for (Bundle b : context.getBundles()) {
      assertFalse(b + " is installed", symbolicName.equals(b.getSymbolicName()));
    }
  }

  /** Waits until the registry offers the embedder at a model version. */
  private Embedder awaitEmbedder(String version) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Embedder> e = registry().embedder(EMBEDDER_NAME);
      if (e.isPresent() && version.equals(e.get().modelVersion())) {
        return e.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no embedder " + EMBEDDER_NAME + " at " + version);
  }

  private PluginRegistry registry() {
    return service(PluginRegistry.class, null);
  }

  private PluginInstaller installer() {
    return service(PluginInstaller.class, null);
  }

  /** Points the installer at a catalog and waits for the component configured with it. */
  private PluginInstaller useCatalog(String url) throws Exception {
    return useCatalog(url, null);
  }

  /** Also moves the installer's state (trust, artifacts, desired plugins) when stateDir is set. */
  private PluginInstaller useCatalog(String url, String stateDir) throws Exception {
    ConfigurationAdmin admin = service(ConfigurationAdmin.class, null);
    org.osgi.service.cm.Configuration c = admin.getConfiguration(PID, "?");
    Dictionary<String, Object> props = c.getProperties();
    Dictionary<String, Object> next = new Hashtable<>();
    if (props != null) {
      for (java.util.Enumeration<String> k = props.keys(); k.hasMoreElements(); ) {
        String key = k.nextElement();
        next.put(key, props.get(key));
      }
    }
    next.put("catalogUrl", url);
    next.put("rootKey", System.getProperty(ROOT_KEY));
    if (stateDir != null) {
      next.put("stateDir", stateDir);
    }
    String generation = java.util.UUID.randomUUID().toString();
    next.put("testGeneration", generation); // tells the reconfigured component from the old one
    c.update(next);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (ServiceReference<PluginInstaller> ref :
          context.getServiceReferences(PluginInstaller.class, null)) {
        if (generation.equals(ref.getProperty("testGeneration"))) {
          PluginInstaller s = context.getService(ref);
          if (s != null) {
            return s;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the installer was not reconfigured with catalogUrl " + url);
  }

  private <S> S service(Class<S> type, String filter) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        for (ServiceReference<S> ref : context.getServiceReferences(type, filter)) {
          S s = context.getService(ref);
          if (s != null) {
            return s;
          }
        }
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      } catch (org.osgi.framework.InvalidSyntaxException e) {
        throw new AssertionError(e);
      }
    }
    assertNotNull("no " + type.getSimpleName() + " " + filter, null);
    return null;
  }
}
