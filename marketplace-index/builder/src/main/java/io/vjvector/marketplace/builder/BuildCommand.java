package io.vjvector.marketplace.builder;

import io.vjvector.marketplace.CatalogEntry;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.CatalogSource;
import io.vjvector.marketplace.CatalogWriter;
import io.vjvector.marketplace.Delegations;
import io.vjvector.marketplace.IndexDocument;
import io.vjvector.marketplace.ManifestAdmission;
import io.vjvector.marketplace.PluginManifest;
import io.vjvector.marketplace.PublisherKey;
import io.vjvector.marketplace.SigningKeys;
import io.vjvector.marketplace.TrustState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * {@code build}: adds plugin jars to a catalog as entries signed by their publisher, keeps the
 * entries already there (re-signing the publisher's own, which is how they follow a key rotation),
 * and writes a new, higher index version signed by the index key.
 */
final class BuildCommand implements Command {

  @Override
  public String name() {
    return "build";
  }

  @Override
  public String usage() {
    return "build --out DIR --publisher-key PUB.key [--artifacts DIR-OR-JAR...] [--index-key IDX.key]\n"
        + "      [--version N] [--expires-days 30] [--allow-package PKG...] [--yank ID@VERSION...]\n"
        + "      [--root-key ROOT.pub (verify the result)]";
  }

  @Override
  public Set<String> valued() {
    return Set.of(
        "--out",
        "--artifacts",
        "--publisher-key",
        "--index-key",
        "--version",
        "--expires-days",
        "--allow-package",
        "--yank",
        "--root-key");
  }

  @Override
  public void run(Options options, Clock clock, PrintStream out)
      throws CatalogException, UsageException, IOException {
    CatalogDir dir = new CatalogDir(Path.of(options.required("--out")));
    Delegations keys =
        CatalogWriter.parseKeys(
            dir.read(CatalogWriter.KEYS_FILE)
                .orElseThrow(
                    () ->
                        new CatalogException(
                            Reason.NOT_FOUND,
                            dir.path() + " has no keys.json; run delegate first")));
    KeyPair publisherPair = KeyFiles.readPair(options.required("--publisher-key"));
    PublisherKey publisher = delegatedPublisher(keys, publisherPair);
    KeyPair indexPair =
        options.optional("--index-key").isPresent()
            ? KeyFiles.readPair(options.required("--index-key"))
            : publisherPair;
    if (!SigningKeys.keyId(indexPair.getPublic()).equals(keys.indexKey().keyId())) {
      throw new CatalogException(
          Reason.UNKNOWN_KEY,
          "keys.json version "
              + keys.version()
              + " delegates the index to key "
              + keys.indexKey().keyId()
              + ", not to "
              + SigningKeys.keyId(indexPair.getPublic()));
    }

    Map<String, CatalogEntry> entries = new LinkedHashMap<>();
    long previous = 0;
    byte[] existing = dir.read(CatalogWriter.INDEX_FILE).orElse(null);
    if (existing != null) {
      IndexDocument index = CatalogWriter.parseIndex(existing);
      previous = index.version();
      for (CatalogEntry entry : index.entries()) {
        boolean own = entry.publisher().equals(publisher.id());
        entries.put(
            entry.coordinates(), own ? CatalogWriter.signEntry(entry, publisherPair) : entry);
      }
    }

    Set<String> systemPackages = new HashSet<>(ManifestAdmission.jdkPackages());
    systemPackages.addAll(options.all("--allow-package"));
    ManifestAdmission admission = new ManifestAdmission(systemPackages);
    for (Path jar : jars(options.all("--artifacts"))) {
      CatalogEntry entry = add(jar, admission, publisher, publisherPair, dir);
      CatalogEntry old = entries.get(entry.coordinates());
      if (old != null && !old.sha256().equals(entry.sha256())) {
        throw new CatalogException(
            Reason.MALFORMED,
            jar.getFileName()
                + ": "
                + entry.coordinates()
                + " is already published with other"
                + " content; a published version never changes, release a new Bundle-Version");
      }
      entries.put(entry.coordinates(), old == null ? entry : entry.withYanked(old.yanked()));
      out.println(
          (old == null ? "added " : "kept ")
              + entry.coordinates()
              + " "
              + entry.kind().id()
              + " sdk "
              + entry.sdkImports()
              + " java "
              + entry.javaVersion()
              + " "
              + entry.artifact());
    }
    for (String coordinates : options.all("--yank")) {
      CatalogEntry entry = entries.get(coordinates);
      if (entry == null) {
        throw new UsageException("--yank " + coordinates + ": no such entry");
      }
      entries.put(coordinates, entry.withYanked(true));
      out.println("yanked " + coordinates);
    }

    long version = options.number("--version", previous + 1);
    if (version <= previous) {
      throw new UsageException("--version must be above the current index version " + previous);
    }
    List<CatalogEntry> sorted = new ArrayList<>(entries.values());
    sorted.sort(Comparator.comparing(CatalogEntry::id).thenComparing(CatalogEntry::version));
    IndexDocument index =
        new IndexDocument(
            version,
            clock
                .instant()
                .truncatedTo(ChronoUnit.SECONDS)
                .plus(Duration.ofDays(options.number("--expires-days", 30))),
            sorted);
    byte[] document = CatalogWriter.index(index);
    dir.writeSigned(
        CatalogWriter.INDEX_FILE, document, CatalogWriter.signIndex(document, indexPair));
    out.println(
        "index.json version "
            + version
            + ", "
            + sorted.size()
            + " entries, expires "
            + index.expires());

    if (options.optional("--root-key").isPresent()) {
      TrustState trusted = TrustState.initial(KeyFiles.readPublic(options.required("--root-key")));
      VerifyCommand.verify(CatalogSource.of(dir.path()), trusted, clock, out, true);
    }
  }

  private static CatalogEntry add(
      Path jar,
      ManifestAdmission admission,
      PublisherKey publisher,
      KeyPair publisherPair,
      CatalogDir dir)
      throws CatalogException {
    try {
      Manifest manifest = PluginManifest.readManifest(jar);
      admission.require(manifest);
      PluginManifest plugin = PluginManifest.of(manifest);
      if (!publisher.allows(plugin.id())) {
        throw new CatalogException(
            Reason.PREFIX_VIOLATION,
            plugin.id()
                + " is outside publisher "
                + publisher.id()
                + "'s prefixes "
                + publisher.prefixes());
      }
      ArtifactStore.Stored stored = ArtifactStore.store(jar, dir);
      return CatalogWriter.signEntry(
          plugin.toEntry(publisher.id(), stored.size(), stored.sha256()), publisherPair);
    } catch (CatalogException e) {
      throw new CatalogException(e.reason(), jar.getFileName() + ": " + e.detail(), e);
    }
  }

  private static PublisherKey delegatedPublisher(Delegations keys, KeyPair pair)
      throws CatalogException {
    String keyId = SigningKeys.keyId(pair.getPublic());
    return keys.publishers().stream()
        .filter(p -> p.key().keyId().equals(keyId))
        .findFirst()
        .orElseThrow(
            () ->
                new CatalogException(
                    Reason.UNKNOWN_KEY,
                    "publisher key "
                        + keyId
                        + " is not delegated in keys.json version "
                        + keys.version()));
  }

  private static List<Path> jars(List<String> arguments) throws IOException, UsageException {
    List<Path> jars = new ArrayList<>();
    for (String argument : arguments) {
      Path path = Path.of(argument);
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.list(path)) {
          files
              .filter(f -> f.getFileName().toString().endsWith(".jar"))
              .sorted()
              .forEach(jars::add);
        }
      } else if (Files.isRegularFile(path)) {
        jars.add(path);
      } else {
        throw new UsageException("--artifacts " + argument + ": no such file or directory");
      }
    }
    return jars;
  }
}
