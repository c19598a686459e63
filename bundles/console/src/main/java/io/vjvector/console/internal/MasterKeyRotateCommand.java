package io.vjvector.console.internal;

import io.vjvector.engine.EngineKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * Re-wraps every tenant's data keys with a new master key read from a file (base64 of 32 bytes), so
 * the key never passes through the console's history or the network.
 */
@Service
@Command(
    scope = "vjv",
    name = "master-key-rotate",
    description = "Re-wrap every tenant's data keys with a new master key from a file")
public class MasterKeyRotateCommand extends EngineCommand {
  @Reference EngineKeys keys;

  @Argument(
      index = 0,
      name = "file",
      required = true,
      description = "A file holding the new master key, base64 of 32 random bytes")
  String file;

  @Override
  protected Object run() throws Exception {
    byte[] key =
        Base64.getDecoder()
            .decode(
                new String(Files.readAllBytes(Path.of(file)), StandardCharsets.US_ASCII).strip());
    try {
      if (key.length != 32) {
        throw new IllegalArgumentException("the master key must be 32 bytes, base64-encoded");
      }
      keys.rotateMasterKey(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    System.out.println("Every tenant's data keys are now wrapped by the new master key");
    return null;
  }
}
