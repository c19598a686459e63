package io.vjvector.marketplace.builder;

import io.vjvector.marketplace.SigningKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Set;

/** {@code keygen --out NAME}: a new Ed25519 key pair in {@code NAME.key} and {@code NAME.pub}. */
final class KeygenCommand implements Command {

  @Override
  public String name() {
    return "keygen";
  }

  @Override
  public String usage() {
    return "keygen --out NAME                 writes NAME.key (private, keep offline for the root)"
        + " and NAME.pub";
  }

  @Override
  public Set<String> valued() {
    return Set.of("--out");
  }

  @Override
  public void run(Options options, Clock clock, PrintStream out)
      throws UsageException, IOException {
    String name = options.required("--out");
    Path privateFile = Path.of(name + ".key");
    Path publicFile = Path.of(name + ".pub");
    if (Files.exists(privateFile) || Files.exists(publicFile)) {
      throw new UsageException(
          privateFile + " or " + publicFile + " exists; not overwriting a key");
    }
    KeyPair pair = SigningKeys.generate();
    KeyFiles.writePair(privateFile, publicFile, pair);
    out.println("key id " + SigningKeys.keyId(pair.getPublic()));
    out.println("wrote " + privateFile + " and " + publicFile);
  }
}
