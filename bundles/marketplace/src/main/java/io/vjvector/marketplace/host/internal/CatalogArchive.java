package io.vjvector.marketplace.host.internal;

import io.vjvector.marketplace.CatalogClient;
import io.vjvector.marketplace.CatalogEntry;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogSource;
import io.vjvector.marketplace.VerifiedCatalog;
import io.vjvector.marketplace.host.MarketplaceException;
import io.vjvector.marketplace.host.MarketplaceException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A catalog and its artifacts in one zip file, for hosts without access to the catalog. The zip
 * holds the catalog's own files under their catalog paths; it is verified like any other source
 * when imported, so carrying it around needs no trust.
 */
final class CatalogArchive {
  /** The only paths a catalog archive may contain. */
  private static final Pattern ALLOWED =
      Pattern.compile(
          "(root/[1-9][0-9]{0,8}\\.json|keys\\.json|index\\.json)(\\.sig)?"
              + "|artifacts/sha256/[0-9a-f]{64}\\.jar");

  private static final long MAX_FILE_BYTES = 256L << 20;
  private static final long MAX_TOTAL_BYTES = 4L << 30;
  private static final int MAX_FILES = 100_000;

  private CatalogArchive() {}

  static int export(
      CatalogSource source, CatalogClient client, VerifiedCatalog catalog, Path zip, Path cache)
      throws IOException {
    Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
    int artifacts = 0;
    try (OutputStream file = Files.newOutputStream(tmp);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (int n = 1; ; n++) {
        if (!copy(source, "root/" + n + ".json", out)) {
          break;
        }
        copy(source, "root/" + n + ".json.sig", out);
      }
      for (String name :
          new String[] {"keys.json", "keys.json.sig", "index.json", "index.json.sig"}) {
        if (!copy(source, name, out)) {
          throw new MarketplaceException(Reason.UNTRUSTED, "the catalog has no " + name);
        }
      }
      Set<String> done = new HashSet<>();
      for (CatalogEntry e : catalog.entries()) {
        if (!done.add(e.sha256())) {
          continue;
        }
        Path jar = cache.resolve(e.sha256() + ".jar");
        if (!Files.exists(jar) || !e.sha256().equals(Installer.sha256(jar))) {
          try {
            client.fetchArtifact(e, jar);
          } catch (CatalogException ex) {
            throw new MarketplaceException(
                Reason.UNTRUSTED, e.coordinates() + ": " + ex.getMessage(), ex);
          }
        }
        out.putNextEntry(new ZipEntry(CatalogEntry.artifactPath(e.sha256())));
        Files.copy(jar, out);
        out.closeEntry();
        artifacts++;
      }
    }
    Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
    return artifacts;
  }

  private static boolean copy(CatalogSource source, String path, ZipOutputStream out)
      throws IOException {
    Optional<InputStream> in = source.open(path);
    if (in.isEmpty()) {
      return false;
    }
    try (InputStream s = in.get()) {
      out.putNextEntry(new ZipEntry(path));
      s.transferTo(out);
      out.closeEntry();
    }
    return true;
  }

  /** Unpacks into an empty directory; refuses any path outside the catalog layout. */
  static void unpack(Path zip, Path into) throws IOException {
    deleteTree(into);
    Files.createDirectories(into);
    long total = 0;
    int files = 0;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isDirectory()) {
          continue;
        }
        String name = e.getName();
        if (!ALLOWED.matcher(name).matches()) {
          throw new IOException("unexpected file in a catalog archive: " + name);
        }
        if (++files > MAX_FILES) {
          throw new IOException("too many files in the catalog archive");
        }
        Path target = into.resolve(name).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("path escapes the catalog: " + name);
        }
        Files.createDirectories(target.getParent());
        long written = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
          byte[] buf = new byte[64 * 1024];
          int n;
          while ((n = in.read(buf)) > 0) {
            written += n;
            total += n;
            if (written > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES) {
              throw new IOException("the catalog archive is too large");
            }
            out.write(buf, 0, n);
          }
        }
      }
    }
  }

  /** Puts a verified staging directory in the mirror's place. */
  static void replace(Path staged, Path mirror) throws IOException {
    Path old = mirror.resolveSibling(mirror.getFileName() + ".old");
    deleteTree(old);
    if (Files.exists(mirror)) {
      Files.move(mirror, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staged, mirror, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
