package io.vjvector.security.internal.command;

import io.vjvector.security.TenantLimits;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Creates a tenant with the node's default limits. */
@Service
@Command(scope = "vjv", name = "tenant-create", description = "Create a tenant")
public class TenantCreateCommand extends SecurityCommand {
  @Argument(index = 0, name = "name", required = true, description = "The tenant's name")
  String name;

  @Override
  public Object execute() throws Exception {
    audit(name, "tenant-create", name);
    security.createTenant(name, TenantLimits.DEFAULTS);
    System.out.println("Created tenant " + name);
    return null;
  }
}
