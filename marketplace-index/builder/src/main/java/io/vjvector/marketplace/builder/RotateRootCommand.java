package io.vjvector.marketplace.builder;

import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.CatalogWriter;
import io.vjvector.marketplace.Delegations;
import io.vjvector.marketplace.SigningKeys;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * {@code rotate-root}: publishes {@code root/<n+1>.json} naming the new root key, signed by the old
 * and the new key, and has the new root sign {@code keys.json} again (a new version) so that
 * clients which followed the rotation accept it.
 */
final class RotateRootCommand implements Command {

  @Override
  public String name() {
    return "rotate-root";
  }

  @Override
  public String usage() {
    return "rotate-root --catalog DIR --root-key OLD.key --new-root-key NEW.key [--expires-days 365]";
  }

  @Override
  public Set<String> valued() {
    return Set.of("--catalog", "--root-key", "--new-root-key", "--expires-days");
  }

  @Override
  public void run(Options options, Clock clock, PrintStream out)
      throws CatalogException, UsageException {
    CatalogDir dir = new CatalogDir(Path.of(options.required("--catalog")));
    KeyPair oldRoot = KeyFiles.readPair(options.required("--root-key"));
    KeyPair newRoot = KeyFiles.readPair(options.required("--new-root-key"));
    byte[] keysFile =
        dir.read(CatalogWriter.KEYS_FILE)
            .orElseThrow(
                () ->
                    new CatalogException(
                        Reason.NOT_FOUND, dir.path() + " has no keys.json; run delegate first"));
    Delegations keys = CatalogWriter.parseKeys(keysFile);

    long version = dir.latestRootVersion() + 1;
    byte[] root = CatalogWriter.root(version, newRoot.getPublic());
    dir.writeSigned(
        CatalogWriter.rootPath(version), root, CatalogWriter.signRoot(root, oldRoot, newRoot));

    Delegations resigned =
        new Delegations(
            keys.version() + 1,
            clock
                .instant()
                .truncatedTo(ChronoUnit.SECONDS)
                .plus(Duration.ofDays(options.number("--expires-days", 365))),
            keys.indexKey(),
            keys.publishers());
    byte[] document = CatalogWriter.keys(resigned);
    dir.writeSigned(CatalogWriter.KEYS_FILE, document, CatalogWriter.signKeys(document, newRoot));
    out.println(
        "root version "
            + version
            + ": "
            + SigningKeys.keyId(newRoot.getPublic())
            + " replaces "
            + SigningKeys.keyId(oldRoot.getPublic()));
    out.println("keys.json version " + resigned.version() + " signed by the new root");
  }
}
