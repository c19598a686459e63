package io.vjvector.marketplace.internal;

import io.vjvector.marketplace.CatalogEntry;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.CatalogSource;
import io.vjvector.marketplace.PluginManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Downloads an artifact into a temporary file beside the target and moves it into place only once
 * its length, its SHA-256 and its manifest all match the entry. Reading stops as soon as the
 * artifact is longer than the entry says.
 */
public final class ArtifactFetcher {

  private ArtifactFetcher() {}

  public static void fetch(CatalogSource source, CatalogEntry entry, Path target)
      throws CatalogException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, ".download-", ".jar");
      InputStream in =
          source
              .open(entry.artifact())
              .orElseThrow(
                  () ->
                      new CatalogException(
                          Reason.NOT_FOUND, source + " has no " + entry.artifact()));
      String sha256;
      try (in;
          FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        sha256 = copy(in, out, entry);
        out.force(true);
      }
      if (!sha256.equals(entry.sha256())) {
        throw new CatalogException(
            Reason.DIGEST_MISMATCH,
            entry.artifact() + " for " + entry.coordinates() + " has SHA-256 " + sha256);
      }
      List<String> differences =
          PluginManifest.of(PluginManifest.readManifest(temp)).differences(entry);
      if (!differences.isEmpty()) {
        throw new CatalogException(
            Reason.MANIFEST_MISMATCH,
            entry.artifact() + " does not describe " + entry.coordinates() + ": " + differences);
      }
      AtomicFiles.moveInto(temp, target);
    } catch (IOException e) {
      throw new CatalogException(
          Reason.IO_ERROR, "cannot fetch " + entry.artifact() + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static String copy(InputStream in, FileChannel out, CatalogEntry entry)
      throws IOException, CatalogException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > entry.size()) {
        throw new CatalogException(
            Reason.SIZE_MISMATCH,
            entry.artifact() + " is longer than the " + entry.size() + " bytes its entry states");
      }
      digest.update(buffer, 0, n);
      ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
      while (chunk.hasRemaining()) {
        out.write(chunk);
      }
    }
    if (total != entry.size()) {
      throw new CatalogException(
          Reason.SIZE_MISMATCH,
          entry.artifact() + " has " + total + " bytes, its entry states " + entry.size());
    }
    return Hex.of(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // Best effort: a leftover temporary file is named as one and never used.
      }
    }
  }
}
