package io.vjvector.marketplace.builder;

import io.vjvector.marketplace.CatalogEntry;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies plugin jars into the catalog under their SHA-256, never under their file names. */
final class ArtifactStore {

  /** Where a jar went. */
  record Stored(String sha256, long size) {}

  private ArtifactStore() {}

  static Stored store(Path jar, CatalogDir dir) throws CatalogException {
    try {
      Path artifacts = Files.createDirectories(dir.resolve("artifacts/sha256"));
      Path temp = Files.createTempFile(artifacts, ".incoming-", ".jar");
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long size;
        try (InputStream in = Files.newInputStream(jar);
            OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
          size = in.transferTo(out);
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        Files.move(
            temp,
            dir.resolve(CatalogEntry.artifactPath(sha256)),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        return new Stored(sha256, size);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new CatalogException(Reason.IO_ERROR, "cannot store " + jar + ": " + e, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
