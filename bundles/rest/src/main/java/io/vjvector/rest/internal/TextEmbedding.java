package io.vjvector.rest.internal;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.rest.internal.dto.PointDto;
import io.vjvector.rest.internal.dto.SearchQuery;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Turns the texts of points and queries into vectors with the collection's embedder plugin, chosen
 * by the name the collection was created with. A collection whose embedder is not installed (or
 * whose plugin host is not running) answers 503 for texts and keeps serving vectors.
 */
@Component(service = TextEmbedding.class)
public class TextEmbedding {
  private final EngineGate gate;

  /** The plugin registry, held without naming its type (see {@link PluginsResource}). */
  @Reference(
      service = io.vjvector.plugins.PluginRegistry.class,
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC)
  private volatile ComponentServiceObjects<?> registry;

  /**
   * @param gate the engine
   */
  @Activate
  public TextEmbedding(@Reference EngineGate gate) {
    this.gate = gate;
  }

  /** Fills in the vector of every point that came with a text instead; all texts in one call. */
  void fill(String tenant, String collection, List<PointDto> points) {
    if (points == null) {
      return;
    }
    List<PointDto> pending = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (PointDto p : points) {
      if (p != null && p.text != null) {
        if (p.vector != null) {
          throw Convert.invalid("a point has either a 'vector' or a 'text', not both");
        }
        pending.add(p);
        texts.add(p.text);
      }
    }
    if (pending.isEmpty()) {
      return;
    }
    List<float[]> vectors = embed(tenant, collection, texts);
    for (int i = 0; i < pending.size(); i++) {
      pending.get(i).vector = vectors.get(i);
    }
  }

  /** Fills in the query vector when the query came with a text instead. */
  void fill(String tenant, String collection, SearchQuery query) {
    if (query == null || query.text == null) {
      return;
    }
    if (query.vector != null) {
      throw Convert.invalid("a search has either a 'vector' or a 'text', not both");
    }
    query.vector = embed(tenant, collection, List.of(query.text)).get(0);
  }

  private List<float[]> embed(String tenant, String collection, List<String> texts) {
    CollectionSpec info =
        gate.engine()
            .spec(tenant, collection)
            .orElseThrow(
                () ->
                    new VjvException(
                        ErrorType.COLLECTION_NOT_FOUND,
                        "collection '" + collection + "' does not exist"));
    String embedder = info.embedder();
    if (embedder == null) {
      throw Convert.invalid(
          "collection '"
              + collection
              + "' has no embedder: send 'vector', or create the collection with an 'embedder'");
    }
    ComponentServiceObjects<?> objects = registry;
    Object service = objects == null ? null : objects.getService();
    if (service == null) {
      throw new VjvException(
          ErrorType.UNAVAILABLE,
          "collection '"
              + collection
              + "' embeds texts with '"
              + embedder
              + "', and the plugin host (feature vjvector-plugins) is not running");
    }
    List<float[]> vectors;
    try {
      vectors = PluginListing.embed(service, embedder, texts);
    } catch (VjvException e) {
      throw e;
    } catch (LinkageError | ClassCastException e) {
      throw new VjvException(
          ErrorType.UNAVAILABLE,
          "the plugin host was installed after the REST API: refresh the REST bundle",
          e);
    } catch (RuntimeException e) {
      throw new VjvException(
          ErrorType.UNAVAILABLE, "embedder '" + embedder + "' failed: " + e.getMessage(), e);
    } finally {
      objects.ungetService(unchecked(service));
    }
    if (vectors == null || vectors.size() != texts.size()) {
      throw new VjvException(
          ErrorType.UNAVAILABLE,
          "embedder '"
              + embedder
              + "' returned no vector for some of the "
              + texts.size()
              + " texts");
    }
    for (float[] v : vectors) {
      if (v == null || v.length != info.dimension()) {
        throw new VjvException(
            ErrorType.UNAVAILABLE,
            "embedder '"
                + embedder
                + "' returns "
                + (v == null ? 0 : v.length)
                + "-d vectors, and collection '"
                + collection
                + "' holds "
                + info.dimension()
                + "-d ones");
      }
    }
    return vectors;
  }

  @SuppressWarnings("unchecked")
  private static <T> T unchecked(Object o) {
    return (T) o;
  }
}
