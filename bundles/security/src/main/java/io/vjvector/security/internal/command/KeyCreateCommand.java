package io.vjvector.security.internal.command;

import io.vjvector.security.ApiKey;
import io.vjvector.security.Security;
import java.util.List;
import java.util.Set;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Creates an API key and prints its token, once. */
@Service
@Command(
    scope = "vjv",
    name = "key-create",
    description = "Create an API key (the token is shown once)")
public class KeyCreateCommand extends SecurityCommand {
  @Argument(index = 0, name = "name", required = true, description = "A label for the key")
  String name;

  @Option(name = "--tenant", description = "The tenant (default: default)")
  String tenant = Security.DEFAULT_TENANT;

  @Option(
      name = "--role",
      multiValued = true,
      description = "A role: platform-admin, tenant-admin, writer, reader or a custom one")
  List<String> roles = List.of(Security.READER);

  @Option(name = "--collection", multiValued = true, description = "Limit the key to collections")
  List<String> collections = List.of();

  @Override
  public Object execute() throws Exception {
    audit(tenant, "key-create", name);
    ApiKey.Created c =
        security.createKey(tenant, name, Set.copyOf(roles), Set.copyOf(collections), null);
    System.out.println("Key " + c.key().id() + " for tenant " + tenant + " " + c.key().roles());
    System.out.println("Token (shown once): " + c.token());
    return null;
  }
}
