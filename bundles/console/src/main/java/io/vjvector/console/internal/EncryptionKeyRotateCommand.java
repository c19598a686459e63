package io.vjvector.console.internal;

import io.vjvector.engine.EngineKeys;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Gives a tenant a new data encryption key; files written before stay readable. */
@Service
@Command(
    scope = "vjv",
    name = "encryption-key-rotate",
    description = "Give the tenant a new data encryption key (new writes use it at once)")
public class EncryptionKeyRotateCommand extends EngineCommand {
  @Reference EngineKeys keys;

  @Override
  protected Object run() {
    int version = keys.rotateDataKey(tenant);
    System.out.println("Tenant " + tenant + " now writes with data key version " + version);
    return null;
  }
}
