package io.vjvector.security.internal.command;

import io.vjvector.security.Security;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Revokes an API key. */
@Service
@Command(scope = "vjv", name = "key-revoke", description = "Revoke an API key")
public class KeyRevokeCommand extends SecurityCommand {
  @Argument(index = 0, name = "id", required = true, description = "The key's id")
  String id;

  @Option(name = "--tenant", description = "The tenant (default: default)")
  String tenant = Security.DEFAULT_TENANT;

  @Override
  public Object execute() throws Exception {
    audit(tenant, "key-revoke", id);
    security.revokeKey(tenant, id);
    System.out.println("Revoked key " + id);
    return null;
  }
}
