package io.vjvector.marketplace.host.internal;

import io.vjvector.marketplace.CatalogClient;
import io.vjvector.marketplace.CatalogEntry;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogSource;
import io.vjvector.marketplace.Compatibility;
import io.vjvector.marketplace.ManifestAdmission;
import io.vjvector.marketplace.PluginKind;
import io.vjvector.marketplace.PluginManifest;
import io.vjvector.marketplace.SigningKeys;
import io.vjvector.marketplace.TrustState;
import io.vjvector.marketplace.VerifiedCatalog;
import io.vjvector.marketplace.host.InstalledPlugin;
import io.vjvector.marketplace.host.MarketplaceException;
import io.vjvector.marketplace.host.MarketplaceException.Reason;
import io.vjvector.marketplace.host.Offer;
import io.vjvector.marketplace.host.Plan;
import io.vjvector.marketplace.host.PluginInstaller;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marketplace install flow. Plugin bundles get the location {@code vjvector-plugin:<id>@<ver>}
 * so that two versions of one plugin can run side by side during an upgrade. The desired-state file
 * is the commit point: at activation the framework is reconciled with it (missing plugins are
 * installed again from the local artifact store, leftovers of an interrupted operation removed).
 */
@Component(
    service = PluginInstaller.class,
    configurationPid = Installer.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = Installer.Config.class)
public class Installer implements PluginInstaller {
  static final String PID = "io.vjvector.marketplace";
  static final String LOCATION_PREFIX = "vjvector-plugin:";
  private static final Logger LOG = LoggerFactory.getLogger(Installer.class);

  /** Configuration (PID {@code io.vjvector.marketplace}). */
  @ObjectClassDefinition(
      name = "VJVector marketplace",
      description = "Where plugins come from and what is trusted")
  public @interface Config {
    /**
     * @return catalog base URI
     */
    @AttributeDefinition(
        description =
            "Catalog base URI (http:, https: or file:). Empty: the marketplace is off (every"
                + " operation answers NOT_CONFIGURED).")
    String catalogUrl() default "";

    /**
     * @return trusted root key file
     */
    @AttributeDefinition(
        description =
            "PEM file with the trusted root public key (Ed25519). Empty:"
                + " ${karaf.etc}/vjvector-marketplace-root.pem. Missing or unreadable: the"
                + " marketplace is off.")
    String rootKey() default "";

    /**
     * @return state directory
     */
    @AttributeDefinition(
        description =
            "Where the trust state, the desired plugins and downloaded artifacts live. Empty:"
                + " ${karaf.data}/vjvector-marketplace")
    String stateDir() default "";

    /**
     * @return health timeout
     */
    @AttributeDefinition(
        description =
            "How long a newly started plugin has to become active and register its services")
    long healthTimeoutMs() default 20_000;

    /**
     * @return drain time
     */
    @AttributeDefinition(
        description =
            "After an upgrade's new version is healthy, how long the old one keeps running so"
                + " that calls already inside it finish")
    long drainMs() default 1_000;
  }

  private final BundleContext context;
  private final Config config;
  private final Path stateDir;
  private final Path artifacts;
  private final Path trustFile;
  private final Path mirror;
  private final DesiredState desired; // guarded by lock
  private final ReentrantLock lock;
  private volatile boolean closed;

  /**
   * One lock per state directory for all instances: a reconfiguration replaces this component while
   * a caller may still hold the old instance, and both must not change plugins at once.
   */
  private static final Map<Path, ReentrantLock> LOCKS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Loads the desired state and reconciles the framework with it.
   *
   * @param context this bundle's context
   * @param config the configuration
   * @throws IOException if the state cannot be read (the component does not start rather than
   *     forget which plugins should run)
   */
  @Activate
  public Installer(BundleContext context, Config config) throws IOException {
    this.context = context;
    this.config = config;
    String dir = config.stateDir();
    if (dir == null || dir.isBlank()) {
      dir = System.getProperty("karaf.data", "data") + "/vjvector-marketplace";
    }
    this.stateDir = Path.of(dir);
    this.artifacts = stateDir.resolve("artifacts");
    this.trustFile = stateDir.resolve("trust.json");
    this.mirror = stateDir.resolve("mirror");
    Files.createDirectories(artifacts);
    this.lock =
        LOCKS.computeIfAbsent(stateDir.toAbsolutePath().normalize(), k -> new ReentrantLock());
    lock.lock();
    try {
      this.desired = DesiredState.load(stateDir.resolve("plugins.json"));
      reconcile();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Refuses further operations: a caller holding this instance after a reconfiguration gets 503.
   */
  @Deactivate
  void deactivate() {
    closed = true;
  }

  /**
   * Takes the operation lock. A replacement instance loads the desired state under the same lock,
   * after any operation of this one has finished, and this one refuses to work once deactivated: so
   * only one instance ever changes plugins, and its in-memory state is the file's.
   */
  private void begin() {
    lock.lock();
    if (closed) {
      lock.unlock();
      throw new MarketplaceException(
          Reason.NOT_CONFIGURED, "the marketplace is being reconfigured; try again");
    }
  }

  // ---------------------------------------------------------------------------------- operations

  @Override
  public List<Offer> search(String query) {
    begin();
    try {
      VerifiedCatalog catalog = refresh();
      FrameworkView view = new FrameworkView(context);
      Map<String, Version> sdk = view.sdkPackages();
      int java = Runtime.version().feature();
      String[] words =
          query == null || query.isBlank()
              ? new String[0]
              : query.toLowerCase(Locale.ROOT).trim().split("\\s+");
      List<Offer> out = new ArrayList<>();
      for (CatalogEntry e : catalog.entries()) {
        if (e.yanked() || !matches(e, words)) {
          continue;
        }
        DesiredState.Plugin here = desired.get(e.id());
        out.add(
            new Offer(
                e.id(),
                e.version().toString(),
                e.name(),
                e.description(),
                e.publisher(),
                e.kind().id(),
                e.sdkRange() == null ? null : e.sdkRange().toString(),
                Compatibility.check(e, sdk, java).isCompatible(),
                here == null ? null : here.version(),
                e.permissions()));
      }
      out.sort(
          Comparator.comparing(Offer::id)
              .thenComparing(o -> Version.parseVersion(o.version()), Comparator.reverseOrder()));
      return out;
    } finally {
      lock.unlock();
    }
  }

  private static boolean matches(CatalogEntry e, String[] words) {
    String text =
        (e.id() + " " + e.name() + " " + e.description() + " " + e.kind().id())
            .toLowerCase(Locale.ROOT);
    for (String w : words) {
      if (!text.contains(w)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Plan install(String id, String version, boolean simulate) {
    requireId(id);
    begin();
    try {
      List<String> steps = new ArrayList<>();
      DesiredState.Plugin current = desired.get(id);
      if (current != null) {
        throw new MarketplaceException(
            Reason.CONFLICT,
            id + " " + current.version() + " is installed already; upgrade or uninstall it");
      }
      VerifiedCatalog catalog = refresh();
      steps.add("catalog verified (index version " + catalog.index().version() + ")");
      CatalogEntry entry = pick(catalog, id, version);
      steps.add("picked " + entry.coordinates());
      Path jar = prepare(entry, steps);
      if (simulate) {
        steps.add("would install and start " + entry.coordinates());
        return new Plan("install", id, null, entry.version().toString(), true, steps);
      }
      Bundle started = startNew(id, entry.version().toString(), jar, entry.kind(), steps);
      commit(id, new DesiredState.Plugin(entry.version().toString(), entry.sha256(), null, null));
      steps.add("recorded as installed (bundle " + started.getBundleId() + ")");
      LOG.info("plugin {} installed", entry.coordinates());
      return new Plan("install", id, null, entry.version().toString(), false, steps);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Plan upgrade(String id, String version, boolean simulate) {
    requireId(id);
    begin();
    try {
      List<String> steps = new ArrayList<>();
      DesiredState.Plugin current = installedOrThrow(id);
      VerifiedCatalog catalog = refresh();
      steps.add("catalog verified (index version " + catalog.index().version() + ")");
      CatalogEntry entry = pick(catalog, id, version);
      if (entry.version().toString().equals(current.version())) {
        throw new MarketplaceException(
            Reason.CONFLICT, id + " " + current.version() + " is the installed version already");
      }
      steps.add("picked " + entry.coordinates() + " to replace " + current.version());
      Path jar = prepare(entry, steps);
      if (simulate) {
        steps.add("would start " + entry.coordinates() + " next to " + current.version());
        steps.add("would stop and remove " + id + " " + current.version());
        return new Plan("upgrade", id, current.version(), entry.version().toString(), true, steps);
      }
      String to = entry.version().toString();
      startNew(id, to, jar, entry.kind(), steps); // next to the running one, untouched
      commit(id, new DesiredState.Plugin(to, entry.sha256(), current.version(), current.sha256()));
      removeVersion(id, current.version(), steps);
      LOG.info("plugin {} upgraded from {} to {}", id, current.version(), to);
      return new Plan("upgrade", id, current.version(), to, false, steps);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Plan rollback(String id, boolean simulate) {
    requireId(id);
    begin();
    try {
      List<String> steps = new ArrayList<>();
      DesiredState.Plugin current = installedOrThrow(id);
      if (current.previousVersion() == null) {
        throw new MarketplaceException(
            Reason.CONFLICT, id + " " + current.version() + " has no earlier version to return to");
      }
      Path jar = localArtifact(current.previousSha256());
      steps.add(
          "kept artifact of "
              + id
              + " "
              + current.previousVersion()
              + " verified (sha256 "
              + current.previousSha256()
              + ")");
      PluginKind kind = admit(manifestOf(jar), new FrameworkView(context), steps);
      if (simulate) {
        steps.add(
            "would start "
                + id
                + " "
                + current.previousVersion()
                + " next to "
                + current.version());
        steps.add("would stop and remove " + id + " " + current.version());
        return new Plan("rollback", id, current.version(), current.previousVersion(), true, steps);
      }
      startNew(id, current.previousVersion(), jar, kind, steps);
      commit(
          id,
          new DesiredState.Plugin(current.previousVersion(), current.previousSha256(), null, null));
      removeVersion(id, current.version(), steps);
      LOG.info(
          "plugin {} rolled back from {} to {}", id, current.version(), current.previousVersion());
      return new Plan("rollback", id, current.version(), current.previousVersion(), false, steps);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Plan uninstall(String id, boolean simulate) {
    requireId(id);
    begin();
    try {
      List<String> steps = new ArrayList<>();
      DesiredState.Plugin current = installedOrThrow(id);
      if (simulate) {
        steps.add("would stop and remove " + id + " " + current.version());
        return new Plan("uninstall", id, current.version(), null, true, steps);
      }
      commit(id, null);
      steps.add("recorded as not installed");
      removeVersion(id, current.version(), steps);
      LOG.info("plugin {} {} uninstalled", id, current.version());
      return new Plan("uninstall", id, current.version(), null, false, steps);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<InstalledPlugin> installed() {
    List<InstalledPlugin> out = new ArrayList<>();
    Map<String, DesiredState.Plugin> plugins;
    begin();
    try {
      plugins = desired.plugins();
    } finally {
      lock.unlock();
    }
    for (Map.Entry<String, DesiredState.Plugin> e : plugins.entrySet()) {
      DesiredState.Plugin p = e.getValue();
      Bundle b = context.getBundle(location(e.getKey(), p.version()));
      out.add(
          new InstalledPlugin(
              e.getKey(),
              p.version(),
              p.sha256(),
              p.previousVersion(),
              b == null ? -1 : b.getBundleId(),
              b == null ? "MISSING" : stateName(b.getState())));
    }
    out.sort(Comparator.comparing(InstalledPlugin::id));
    return out;
  }

  @Override
  public int exportCatalog(Path zip) {
    begin();
    try {
      VerifiedCatalog catalog = refresh();
      CatalogClient client = new CatalogClient(source(), Clock.systemUTC());
      return CatalogArchive.export(source(), client, catalog, zip, artifacts);
    } catch (IOException e) {
      throw new MarketplaceException(Reason.INTERNAL, "writing " + zip + " failed: " + e, e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int importCatalog(Path zip) {
    begin();
    try {
      Path staged = stateDir.resolve("mirror.new");
      CatalogArchive.unpack(zip, staged);
      VerifiedCatalog catalog = verify(CatalogSource.of(staged));
      CatalogArchive.replace(staged, mirror);
      LOG.info("catalog imported from {}: {} entries", zip, catalog.entries().size());
      return catalog.entries().size();
    } catch (IOException e) {
      throw new MarketplaceException(Reason.INVALID_REQUEST, "cannot import " + zip + ": " + e, e);
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------------------------- the checks

  /**
   * Fetches and verifies the catalog. The trust state it verified with is saved every time, also
   * for searches and simulations: it only ever moves forward, and it is what refuses an older
   * catalog later (rollback protection). Simulations leave the plugins alone, not the trust.
   */
  private VerifiedCatalog refresh() {
    return verify(source());
  }

  /** The configured catalog URL, else the imported mirror, else none (NOT_CONFIGURED). */
  private CatalogSource source() {
    String url = config.catalogUrl();
    if (url == null || url.isBlank()) {
      if (Files.isRegularFile(mirror.resolve("keys.json"))) {
        return CatalogSource.of(mirror);
      }
      throw new MarketplaceException(
          Reason.NOT_CONFIGURED,
          "no catalog is configured (set catalogUrl in PID " + PID + ", or import one)");
    }
    try {
      return CatalogSource.of(URI.create(url.trim()));
    } catch (IllegalArgumentException e) {
      throw new MarketplaceException(
          Reason.NOT_CONFIGURED, "catalogUrl " + url + " is not usable: " + e.getMessage(), e);
    }
  }

  private VerifiedCatalog verify(CatalogSource source) {
    TrustState trust = trust();
    try {
      VerifiedCatalog catalog = new CatalogClient(source, Clock.systemUTC()).refresh(trust);
      catalog.trustState().save(trustFile);
      return catalog;
    } catch (CatalogException e) {
      throw fromCatalog(e);
    }
  }

  private TrustState trust() {
    try {
      if (Files.exists(trustFile)) {
        return TrustState.load(trustFile);
      }
      return TrustState.initial(rootKey());
    } catch (CatalogException e) {
      throw new MarketplaceException(
          Reason.NOT_CONFIGURED, "the marketplace trust state is unusable: " + e.getMessage(), e);
    }
  }

  private PublicKey rootKey() {
    String file = config.rootKey();
    if (file == null || file.isBlank()) {
      file = System.getProperty("karaf.etc", "etc") + "/vjvector-marketplace-root.pem";
    }
    try {
      return SigningKeys.readPublicKey(Files.readString(Path.of(file), StandardCharsets.US_ASCII));
    } catch (IOException | CatalogException e) {
      throw new MarketplaceException(
          Reason.NOT_CONFIGURED, "no trusted root key (" + file + "): " + e.getMessage(), e);
    }
  }

  private static CatalogEntry pick(VerifiedCatalog catalog, String id, String version) {
    List<CatalogEntry> offered = catalog.installable(id);
    if (offered.isEmpty()) {
      throw new MarketplaceException(Reason.NOT_FOUND, "the catalog offers no plugin " + id);
    }
    if (version == null || version.isBlank()) {
      return offered.stream().max(Comparator.comparing(CatalogEntry::version)).orElseThrow();
    }
    Version wanted;
    try {
      wanted = Version.parseVersion(version.trim());
    } catch (IllegalArgumentException e) {
      throw new MarketplaceException(Reason.INVALID_REQUEST, "not a version: " + version, e);
    }
    return offered.stream()
        .filter(e -> e.version().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new MarketplaceException(
                    Reason.NOT_FOUND, "the catalog offers no " + id + " " + version));
  }

  /**
   * Compatibility, download and verification, admission, and a dry-run resolve; returns the
   * verified jar in the local artifact store.
   */
  private Path prepare(CatalogEntry entry, List<String> steps) {
    FrameworkView view = new FrameworkView(context);
    Compatibility compatibility =
        Compatibility.check(entry, view.sdkPackages(), Runtime.version().feature());
    if (!compatibility.isCompatible()) {
      throw new MarketplaceException(
          Reason.INCOMPATIBLE,
          entry.coordinates()
              + " cannot run here: "
              + compatibility.findings().stream().map(f -> f.detail()).toList());
    }
    steps.add("compatible (SDK " + entry.sdkImports() + ", Java " + entry.javaVersion() + ")");
    Path jar = artifacts.resolve(entry.sha256() + ".jar");
    if (!Files.exists(jar) || !entry.sha256().equals(sha256(jar))) {
      try {
        new CatalogClient(source(), Clock.systemUTC()).fetchArtifact(entry, jar);
      } catch (CatalogException e) {
        throw fromCatalog(e);
      }
      steps.add("downloaded, size " + entry.size() + " and sha256 " + entry.sha256() + " match");
    } else {
      steps.add("artifact already here, sha256 " + entry.sha256() + " matches");
    }
    admit(manifestOf(jar), view, steps);
    return jar;
  }

  /** Admission and the dry-run resolve; returns the plugin's kind. */
  private PluginKind admit(Manifest manifest, FrameworkView view, List<String> steps) {
    Set<String> system = new HashSet<>(view.systemPackages());
    system.addAll(ManifestAdmission.jdkPackages());
    List<ManifestAdmission.Violation> violations = new ManifestAdmission(system).check(manifest);
    if (!violations.isEmpty()) {
      throw new MarketplaceException(
          Reason.NOT_ADMISSIBLE,
          "the plugin breaks the plugin rules: "
              + violations.stream().map(v -> v.subject() + ": " + v.detail()).toList());
    }
    steps.add("admitted (imports only the SDK and the JDK, exports nothing of the host's)");
    List<String> missing = view.unresolved(manifest);
    if (!missing.isEmpty()) {
      throw new MarketplaceException(
          Reason.INCOMPATIBLE, "the plugin would not resolve here; missing " + missing);
    }
    steps.add("would resolve");
    try {
      return PluginManifest.of(manifest).kind();
    } catch (CatalogException e) {
      throw fromCatalog(e);
    }
  }

  private Manifest manifestOf(Path jar) {
    try {
      return PluginManifest.readManifest(jar);
    } catch (CatalogException e) {
      throw fromCatalog(e);
    }
  }

  private Path localArtifact(String sha256) {
    Path jar = artifacts.resolve(sha256 + ".jar");
    if (!Files.exists(jar) || !sha256.equals(sha256(jar))) {
      throw new MarketplaceException(
          Reason.UNTRUSTED, "the kept artifact " + jar + " is missing or does not match " + sha256);
    }
    return jar;
  }

  // ----------------------------------------------------------------------- framework changes

  /**
   * Installs, resolves, starts and health-checks one version; on any failure that bundle is removed
   * again and the exception says why.
   */
  private Bundle startNew(
      String id, String version, Path jar, PluginKind kind, List<String> steps) {
    String location = location(id, version);
    Bundle leftover = context.getBundle(location);
    if (leftover != null) {
      remove(leftover);
    }
    Bundle b;
    try (InputStream in = Files.newInputStream(jar)) {
      b = context.installBundle(location, in);
    } catch (IOException | BundleException e) {
      throw new MarketplaceException(
          Reason.INCOMPATIBLE,
          "installing " + id + " " + version + " failed: " + e.getMessage(),
          e);
    }
    steps.add("installed as bundle " + b.getBundleId());
    try {
      FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
      if (!wiring.resolveBundles(List.of(b))) {
        throw new MarketplaceException(
            Reason.INCOMPATIBLE,
            id
                + " "
                + version
                + " does not resolve (refused by the plugin admission hook or a requirement is"
                + " missing)");
      }
      b.start();
      awaitHealthy(b, kind);
      steps.add("started and healthy");
      return b;
    } catch (BundleException e) {
      remove(b);
      throw new MarketplaceException(
          Reason.UNHEALTHY,
          id + " " + version + " failed to start, removed again: " + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      remove(b);
      throw e;
    }
  }

  private void awaitHealthy(Bundle b, PluginKind kind) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.healthTimeoutMs());
    while (true) {
      if (b.getState() == Bundle.ACTIVE && registersKind(b, kind)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new MarketplaceException(
            Reason.UNHEALTHY,
            b.getSymbolicName()
                + " "
                + b.getVersion()
                + " did not become healthy in "
                + config.healthTimeoutMs()
                + " ms (state "
                + stateName(b.getState())
                + (kind == PluginKind.OTHER ? "" : ", no " + kind.id() + " service registered")
                + "); removed again");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MarketplaceException(Reason.INTERNAL, "interrupted while waiting for " + b, e);
      }
    }
  }

  private static boolean registersKind(Bundle b, PluginKind kind) {
    if (kind == PluginKind.OTHER) {
      return true;
    }
    ServiceReference<?>[] refs = b.getRegisteredServices();
    if (refs == null) {
      return false;
    }
    for (ServiceReference<?> ref : refs) {
      Object classes = ref.getProperty(org.osgi.framework.Constants.OBJECTCLASS);
      if (classes instanceof String[] names) {
        for (String name : names) {
          if (PluginKind.fromServiceType(name).orElse(null) == kind) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Lets calls in flight finish, then stops and removes one version of a plugin. */
  private void removeVersion(String id, String version, List<String> steps) {
    Bundle old = context.getBundle(location(id, version));
    if (old == null) {
      return;
    }
    if (config.drainMs() > 0 && hasOtherVersion(id, version)) {
      try {
        Thread.sleep(config.drainMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    remove(old);
    steps.add("stopped and removed " + id + " " + version + " (bundle " + old.getBundleId() + ")");
  }

  private boolean hasOtherVersion(String id, String version) {
    for (Bundle b : context.getBundles()) {
      String loc = b.getLocation();
      if (loc.startsWith(LOCATION_PREFIX + id + "@") && !loc.equals(location(id, version))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Stops, uninstalls and refreshes one bundle (plugins export nothing: nothing else refreshes).
   */
  private void remove(Bundle b) {
    try {
      if (b.getState() != Bundle.UNINSTALLED) {
        try {
          b.stop();
        } catch (BundleException | IllegalStateException e) {
          LOG.warn("stopping {} failed: {}", b, e.getMessage());
        }
        b.uninstall();
      }
      FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
      CountDownLatch done = new CountDownLatch(1);
      wiring.refreshBundles(
          List.of(b),
          event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED
                || event.getType() == FrameworkEvent.ERROR) {
              done.countDown();
            }
          });
      if (!done.await(30, TimeUnit.SECONDS)) {
        LOG.warn("refreshing after removing {} did not finish in 30 s", b);
      }
    } catch (BundleException | IllegalStateException e) {
      LOG.warn("removing {} failed: {}", b, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void commit(String id, DesiredState.Plugin plugin) {
    try {
      desired.put(id, plugin);
    } catch (IOException e) {
      throw new MarketplaceException(
          Reason.INTERNAL, "recording the installed plugins failed: " + e.getMessage(), e);
    }
  }

  /**
   * Makes the framework match the desired state: plugins that should run but are not installed are
   * installed again from the kept artifacts; plugin bundles nobody wants (left by an interrupted
   * operation) are removed.
   */
  private void reconcile() {
    Map<String, DesiredState.Plugin> wanted = desired.plugins();
    for (Bundle b : context.getBundles()) {
      String loc = b.getLocation();
      if (!loc.startsWith(LOCATION_PREFIX)) {
        continue;
      }
      String rest = loc.substring(LOCATION_PREFIX.length());
      int at = rest.lastIndexOf('@');
      DesiredState.Plugin p = at < 0 ? null : wanted.get(rest.substring(0, at));
      if (p == null || !p.version().equals(rest.substring(at + 1))) {
        LOG.warn("removing plugin bundle {} that is not in the desired state", loc);
        remove(b);
      }
    }
    for (Map.Entry<String, DesiredState.Plugin> e : wanted.entrySet()) {
      String id = e.getKey();
      DesiredState.Plugin p = e.getValue();
      Bundle b = context.getBundle(location(id, p.version()));
      try {
        if (b == null) {
          Path jar = localArtifact(p.sha256());
          try (InputStream in = Files.newInputStream(jar)) {
            b = context.installBundle(location(id, p.version()), in);
          }
          LOG.info("plugin {} {} installed again from the kept artifact", id, p.version());
        }
        if (b.getState() != Bundle.ACTIVE && b.getState() != Bundle.STARTING) {
          b.start();
        }
      } catch (IOException | BundleException | RuntimeException ex) {
        LOG.error("plugin {} {} could not be restored: {}", id, p.version(), ex.getMessage());
      }
    }
  }

  // ------------------------------------------------------------------------------------ helpers

  private DesiredState.Plugin installedOrThrow(String id) {
    DesiredState.Plugin current = desired.get(id);
    if (current == null) {
      throw new MarketplaceException(Reason.NOT_FOUND, id + " is not installed");
    }
    return current;
  }

  private static void requireId(String id) {
    if (id == null || !id.matches("[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,199}")) {
      throw new MarketplaceException(Reason.INVALID_REQUEST, "not a plugin id: " + id);
    }
  }

  static String location(String id, String version) {
    return LOCATION_PREFIX + id + "@" + version;
  }

  private static MarketplaceException fromCatalog(CatalogException e) {
    Reason reason =
        switch (e.reason()) {
          case NOT_FOUND -> Reason.NOT_FOUND;
          case IO_ERROR -> Reason.CATALOG_UNAVAILABLE;
          case INCOMPATIBLE -> Reason.INCOMPATIBLE;
          case NOT_ADMISSIBLE -> Reason.NOT_ADMISSIBLE;
          default -> Reason.UNTRUSTED;
        };
    return new MarketplaceException(reason, e.reason() + ": " + e.getMessage(), e);
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      return "";
    }
  }

  private static String stateName(int state) {
    return switch (state) {
      case Bundle.ACTIVE -> "ACTIVE";
      case Bundle.RESOLVED -> "RESOLVED";
      case Bundle.INSTALLED -> "INSTALLED";
      case Bundle.STARTING -> "STARTING";
      case Bundle.STOPPING -> "STOPPING";
      default -> "UNINSTALLED";
    };
  }
}
