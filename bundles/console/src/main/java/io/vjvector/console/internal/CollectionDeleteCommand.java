package io.vjvector.console.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Deletes a collection. */
@Service
@Command(
    scope = "vjv",
    name = "collection-delete",
    description = "Delete a collection and its points")
public class CollectionDeleteCommand extends EngineCommand {
  @Argument(index = 0, name = "name", required = true, description = "Collection name")
  @Completion(CollectionNameCompleter.class)
  String name;

  @Option(name = "--simulate", description = "Show what would be deleted; delete nothing")
  boolean simulate;

  @Override
  protected Object run() {
    var info = engine.collection(tenant, name);
    if (info.isEmpty()) {
      throw new IllegalArgumentException("No collection '" + name + "' in tenant " + tenant);
    }
    if (simulate) {
      System.out.println(
          "Would delete collection " + name + " with " + info.get().pointCount() + " points");
      return null;
    }
    engine.deleteCollection(tenant, name);
    System.out.println("Deleted collection " + name);
    return null;
  }
}
