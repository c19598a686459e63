package io.vjvector.marketplace.builder;

import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.SigningKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;

/**
 * Key files: {@code NAME.key} holds the private and the public key (PEM, owner-readable only),
 * {@code NAME.pub} the public key alone, to hand to whoever must trust or delegate it.
 */
final class KeyFiles {

  private KeyFiles() {}

  static KeyPair readPair(String file) throws CatalogException {
    return SigningKeys.readKeyPair(read(file));
  }

  /** A public key from a {@code .pub} file, or the public half of a {@code .key} file. */
  static PublicKey readPublic(String file) throws CatalogException {
    return SigningKeys.readPublicKey(read(file));
  }

  static void writePair(Path privateFile, Path publicFile, KeyPair pair) throws IOException {
    Files.createDirectories(privateFile.toAbsolutePath().getParent());
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          privateFile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(privateFile);
    }
    Files.writeString(
        privateFile, SigningKeys.toPem(pair), StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
    Files.writeString(
        publicFile,
        SigningKeys.toPem(pair.getPublic()),
        StandardCharsets.US_ASCII,
        StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
  }

  private static String read(String file) throws CatalogException {
    try {
      return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new CatalogException(Reason.IO_ERROR, "cannot read key file " + file + ": " + e, e);
    }
  }
}
