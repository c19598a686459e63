package io.vjvector.plugins.internal;

import io.vjvector.plugins.PluginInfo;
import io.vjvector.plugins.PluginRegistry;
import io.vjvector.sdk.chunk.Chunker;
import io.vjvector.sdk.embed.Embedder;
import io.vjvector.sdk.event.EventSink;
import io.vjvector.sdk.generate.Generator;
import io.vjvector.sdk.load.DocumentLoader;
import io.vjvector.sdk.rerank.Reranker;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard of every SDK SPI: each is a dynamic, greedy, multiple reference, so plugins come
 * and go without this component (or anything using it) restarting. A service whose bundle breaks
 * the plugin rules is not offered, whichever way it got registered.
 */
@Component(service = PluginRegistry.class, immediate = true)
public class PluginRegistryService implements PluginRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(PluginRegistryService.class);

  private final BundleContext context;
  private final AdmissionService admission;
  private final Map<Spi, NamedServices<Object>> services = new EnumMap<>(Spi.class);

  /**
   * Creates the registry.
   *
   * @param context this bundle's context, to list the installed bundles
   * @param admission the plugin rules
   */
  @Activate
  public PluginRegistryService(BundleContext context, @Reference AdmissionService admission) {
    this.context = context;
    this.admission = admission;
    for (Spi spi : Spi.values()) {
      services.put(spi, new NamedServices<>(spi));
    }
  }

  @Override
  public Optional<Embedder> embedder(String name) {
    return find(Spi.EMBEDDER, Embedder.class, name);
  }

  @Override
  public Optional<Reranker> reranker(String name) {
    return find(Spi.RERANKER, Reranker.class, name);
  }

  @Override
  public Optional<Generator> generator(String name) {
    return find(Spi.GENERATOR, Generator.class, name);
  }

  @Override
  public Optional<DocumentLoader> documentLoader(String name) {
    return find(Spi.DOCUMENT_LOADER, DocumentLoader.class, name);
  }

  @Override
  public Optional<Chunker> chunker(String name) {
    return find(Spi.CHUNKER, Chunker.class, name);
  }

  @Override
  public List<EventSink> eventSinks() {
    List<EventSink> sinks = new ArrayList<>();
    for (Object s : services.get(Spi.EVENT_SINK).all()) {
      sinks.add((EventSink) s);
    }
    return sinks;
  }

  @Override
  public <S> S require(Class<S> spi, String name) {
    return spi.cast(services.get(Spi.of(spi)).require(name));
  }

  @Override
  public Set<String> names(Class<?> spi) {
    return services.get(Spi.of(spi)).names();
  }

  @Override
  public List<PluginInfo> plugins() {
    return new PluginListing(admission, services.values()).list(context.getBundles());
  }

  private <S> Optional<S> find(Spi spi, Class<S> type, String name) {
    return services.get(spi).find(name).map(type::cast);
  }

  private void bind(Spi spi, Object service, Map<String, Object> properties) {
    Object id = properties.get(Constants.SERVICE_BUNDLEID);
    Bundle bundle = id instanceof Long ? context.getBundle((Long) id) : null;
    List<String> rejections = bundle == null ? List.of() : admission.rejections(bundle);
    if (!rejections.isEmpty()) {
      LOG.warn(
          "ignoring {} '{}' of {}: the bundle breaks the plugin rules: {}",
          spi.id(),
          properties.get(spi.nameProperty),
          bundle,
          String.join("; ", rejections));
      services.get(spi).remove(properties);
      return;
    }
    services.get(spi).put(service, properties);
  }

  private void unbind(Spi spi, Map<String, Object> properties) {
    services.get(spi).remove(properties);
  }

  /**
   * An embedder appeared.
   *
   * @param s the service
   * @param p its properties
   */
  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindEmbedder(Embedder s, Map<String, Object> p) {
    bind(Spi.EMBEDDER, s, p);
  }

  void updatedEmbedder(Embedder s, Map<String, Object> p) {
    bind(Spi.EMBEDDER, s, p);
  }

  void unbindEmbedder(Embedder s, Map<String, Object> p) {
    unbind(Spi.EMBEDDER, p);
  }

  /**
   * A reranker appeared.
   *
   * @param s the service
   * @param p its properties
   */
  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindReranker(Reranker s, Map<String, Object> p) {
    bind(Spi.RERANKER, s, p);
  }

  void updatedReranker(Reranker s, Map<String, Object> p) {
    bind(Spi.RERANKER, s, p);
  }

  void unbindReranker(Reranker s, Map<String, Object> p) {
    unbind(Spi.RERANKER, p);
  }

  /**
   * A generator appeared.
   *
   * @param s the service
   * @param p its properties
   */
  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindGenerator(Generator s, Map<String, Object> p) {
    bind(Spi.GENERATOR, s, p);
  }

  void updatedGenerator(Generator s, Map<String, Object> p) {
    bind(Spi.GENERATOR, s, p);
  }

  void unbindGenerator(Generator s, Map<String, Object> p) {
    unbind(Spi.GENERATOR, p);
  }

  /**
   * A document loader appeared.
   *
   * @param s the service
   * @param p its properties
   */
  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindDocumentLoader(DocumentLoader s, Map<String, Object> p) {
    bind(Spi.DOCUMENT_LOADER, s, p);
  }

  void updatedDocumentLoader(DocumentLoader s, Map<String, Object> p) {
    bind(Spi.DOCUMENT_LOADER, s, p);
  }

  void unbindDocumentLoader(DocumentLoader s, Map<String, Object> p) {
    unbind(Spi.DOCUMENT_LOADER, p);
  }

  /**
   * A chunker appeared.
   *
   * @param s the service
   * @param p its properties
   */
  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindChunker(Chunker s, Map<String, Object> p) {
    bind(Spi.CHUNKER, s, p);
  }

  void updatedChunker(Chunker s, Map<String, Object> p) {
    bind(Spi.CHUNKER, s, p);
  }

  void unbindChunker(Chunker s, Map<String, Object> p) {
    unbind(Spi.CHUNKER, p);
  }

  /**
   * An event sink appeared.
   *
   * @param s the service
   * @param p its properties
   */
  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindEventSink(EventSink s, Map<String, Object> p) {
    bind(Spi.EVENT_SINK, s, p);
  }

  void updatedEventSink(EventSink s, Map<String, Object> p) {
    bind(Spi.EVENT_SINK, s, p);
  }

  void unbindEventSink(EventSink s, Map<String, Object> p) {
    unbind(Spi.EVENT_SINK, p);
  }
}
