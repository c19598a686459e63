package io.vjvector.marketplace.builder;

import io.vjvector.marketplace.CatalogClient;
import io.vjvector.marketplace.CatalogEntry;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogSource;
import io.vjvector.marketplace.TrustState;
import io.vjvector.marketplace.VerifiedCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code verify}: checks a catalog exactly as a host would, from the root public key (and, with
 * {@code --state}, the versions seen by earlier runs), then downloads and checks every artifact.
 */
final class VerifyCommand implements Command {

  @Override
  public String name() {
    return "verify";
  }

  @Override
  public String usage() {
    return "verify DIR-OR-URL --root-key ROOT.pub [--root-version N] [--state STATE.json]"
        + " [--no-artifacts]";
  }

  @Override
  public Set<String> valued() {
    return Set.of("--root-key", "--root-version", "--state");
  }

  @Override
  public Set<String> switches() {
    return Set.of("--no-artifacts");
  }

  @Override
  public void run(Options options, Clock clock, PrintStream out)
      throws CatalogException, UsageException, IOException {
    if (options.positionals().size() != 1) {
      throw new UsageException("verify takes one catalog directory or URL");
    }
    String location = options.positionals().get(0);
    CatalogSource source =
        location.matches("(?i)(https?|file):.*")
            ? CatalogSource.of(URI.create(location))
            : CatalogSource.of(Path.of(location));
    TrustState shipped =
        TrustState.initial(
            KeyFiles.readPublic(options.required("--root-key")),
            options.optional("--root-version").isPresent()
                ? options.number("--root-version", 0)
                : 0);
    Optional<Path> stateFile = options.optional("--state").map(Path::of);
    // A state file from an earlier run wins over the shipped key: it may follow a rotated root,
    // and it carries the versions that make rollbacks detectable.
    TrustState trusted =
        stateFile.isPresent() && Files.exists(stateFile.get())
            ? TrustState.load(stateFile.get())
            : shipped;
    VerifiedCatalog catalog = verify(source, trusted, clock, out, !options.flag("--no-artifacts"));
    if (stateFile.isPresent()) {
      catalog.trustState().save(stateFile.get());
    }
  }

  static VerifiedCatalog verify(
      CatalogSource source, TrustState trusted, Clock clock, PrintStream out, boolean artifacts)
      throws CatalogException, IOException {
    CatalogClient client = new CatalogClient(source, clock);
    VerifiedCatalog catalog = client.refresh(trusted);
    TrustState state = catalog.trustState();
    out.println(
        "verified "
            + source
            + ": root version "
            + state.rootVersion()
            + " ("
            + state.rootKey().keyId()
            + "), keys.json version "
            + state.keysVersion()
            + " expires "
            + catalog.keys().expires()
            + ", index.json version "
            + state.indexVersion()
            + " expires "
            + catalog.index().expires()
            + ", "
            + catalog.entries().size()
            + " entries");
    if (artifacts) {
      Path downloads = Files.createTempDirectory("vjv-verify-");
      try {
        for (CatalogEntry entry : catalog.entries()) {
          client.fetchArtifact(entry, downloads.resolve(entry.sha256() + ".jar"));
          out.println(
              "  ok "
                  + entry.coordinates()
                  + (entry.yanked() ? " (yanked)" : "")
                  + " "
                  + entry.size()
                  + " bytes sha256 "
                  + entry.sha256());
        }
      } finally {
        deleteTree(downloads);
      }
    }
    return catalog;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
