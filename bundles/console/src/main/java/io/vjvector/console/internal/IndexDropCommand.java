package io.vjvector.console.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Drops a payload index. */
@Service
@Command(scope = "vjv", name = "index-drop", description = "Drop the index of a payload field")
public class IndexDropCommand extends EngineCommand {
  @Argument(index = 0, name = "collection", required = true, description = "Collection name")
  @Completion(CollectionNameCompleter.class)
  String collection;

  @Argument(index = 1, name = "field", required = true, description = "Payload field or path")
  String field;

  @Override
  protected Object run() {
    if (!engine.dropPayloadIndex(tenant, collection, field)) {
      throw new IllegalArgumentException(collection + " has no index on '" + field + "'");
    }
    System.out.println("Dropped the index of '" + field + "' of " + collection);
    return null;
  }
}
