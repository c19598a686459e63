package io.vjvector.console.internal;

import io.vjvector.engine.PayloadIndexType;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Creates or replaces a payload index. */
@Service
@Command(
    scope = "vjv",
    name = "index-create",
    description = "Index a payload field so filters on it are answered without scanning")
public class IndexCreateCommand extends EngineCommand {
  @Argument(index = 0, name = "collection", required = true, description = "Collection name")
  @Completion(CollectionNameCompleter.class)
  String collection;

  @Argument(index = 1, name = "field", required = true, description = "Payload field or path")
  String field;

  @Option(name = "--type", description = "keyword (default), integer, float, bool or datetime")
  @Completion(
      value = StringsCompleter.class,
      values = {"keyword", "integer", "float", "bool", "datetime"})
  String type = "keyword";

  @Option(name = "--simulate", description = "Check the arguments; change nothing")
  boolean simulate;

  @Override
  protected Object run() {
    PayloadIndexType t = PayloadIndexType.fromWire(type);
    if (t == null) {
      throw new IllegalArgumentException(
          "--type must be keyword, integer, float, bool or datetime, not '" + type + "'");
    }
    var info = engine.collection(tenant, collection);
    if (info.isEmpty()) {
      throw new IllegalArgumentException("No collection '" + collection + "' in tenant " + tenant);
    }
    if (simulate) {
      System.out.println(
          "Would index '"
              + field
              + "' as "
              + t.wireName()
              + " over "
              + info.get().pointCount()
              + " points of "
              + collection);
      return null;
    }
    engine.createPayloadIndex(tenant, collection, field, t);
    System.out.println("Indexed '" + field + "' of " + collection + " as " + t.wireName());
    return null;
  }
}
