package io.vjvector.marketplace.builder;

import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogWriter;
import io.vjvector.marketplace.Delegations;
import io.vjvector.marketplace.PublisherKey;
import io.vjvector.marketplace.TrustedKey;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code delegate}: the root signs a new version of {@code keys.json} that sets the index key, adds
 * or replaces a publisher (its key and prefixes: how a publisher key is rotated), or revokes one.
 */
final class DelegateCommand implements Command {

  @Override
  public String name() {
    return "delegate";
  }

  @Override
  public String usage() {
    return "delegate --root-key ROOT.key --catalog DIR [--index-public-key IDX.pub]\n"
        + "         [--publisher ID --public-key PUB.pub --prefix PREFIX...] [--revoke ID]\n"
        + "         [--expires-days 365] [--version N]";
  }

  @Override
  public Set<String> valued() {
    return Set.of(
        "--root-key",
        "--catalog",
        "--index-public-key",
        "--publisher",
        "--public-key",
        "--prefix",
        "--revoke",
        "--expires-days",
        "--version");
  }

  @Override
  public void run(Options options, Clock clock, PrintStream out)
      throws CatalogException, UsageException {
    KeyPair root = KeyFiles.readPair(options.required("--root-key"));
    CatalogDir dir = new CatalogDir(Path.of(options.required("--catalog")));
    Optional<byte[]> current = dir.read(CatalogWriter.KEYS_FILE);
    Optional<Delegations> existing =
        current.isPresent()
            ? Optional.of(CatalogWriter.parseKeys(current.get()))
            : Optional.empty();

    TrustedKey indexKey =
        options.optional("--index-public-key").isPresent()
            ? TrustedKey.of(KeyFiles.readPublic(options.required("--index-public-key")))
            : existing
                .map(Delegations::indexKey)
                .orElseThrow(
                    () -> new UsageException("the first delegation needs --index-public-key"));
    List<PublisherKey> publishers =
        new ArrayList<>(existing.map(Delegations::publishers).orElse(List.of()));
    for (String revoked : options.all("--revoke")) {
      if (!publishers.removeIf(p -> p.id().equals(revoked))) {
        throw new UsageException("no publisher " + revoked + " to revoke");
      }
    }
    Optional<String> publisher = options.optional("--publisher");
    if (publisher.isEmpty()
        && (!options.all("--public-key").isEmpty() || !options.all("--prefix").isEmpty())) {
      throw new UsageException("--public-key and --prefix belong to a --publisher");
    }
    if (publisher.isPresent()) {
      publishers.removeIf(p -> p.id().equals(publisher.get()));
      publishers.add(publisherKey(publisher.get(), options));
    }

    long previous = existing.map(Delegations::version).orElse(0L);
    long version = options.number("--version", previous + 1);
    if (version <= previous) {
      throw new UsageException("--version must be above the current keys.json version " + previous);
    }
    Delegations delegations =
        new Delegations(
            version,
            clock
                .instant()
                .truncatedTo(ChronoUnit.SECONDS)
                .plus(Duration.ofDays(options.number("--expires-days", 365))),
            indexKey,
            publishers);
    byte[] document = CatalogWriter.keys(delegations);
    dir.writeSigned(CatalogWriter.KEYS_FILE, document, CatalogWriter.signKeys(document, root));
    out.println(
        "keys.json version "
            + version
            + ", expires "
            + delegations.expires()
            + ", index key "
            + indexKey.keyId());
    for (PublisherKey p : publishers) {
      out.println("  publisher " + p.id() + " " + p.key().keyId() + " prefixes " + p.prefixes());
    }
  }

  private PublisherKey publisherKey(String id, Options options)
      throws CatalogException, UsageException {
    List<String> prefixes = new ArrayList<>();
    for (String prefix : options.all("--prefix")) {
      prefixes.add(prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix);
    }
    try {
      return new PublisherKey(
          id, TrustedKey.of(KeyFiles.readPublic(options.required("--public-key"))), prefixes);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
