package io.vjvector.marketplace;

import java.util.Locale;
import java.util.Optional;

/** What a plugin contributes to the host; shown in the marketplace and used to filter it. */
public enum PluginKind {
  /** Turns text into vectors ({@code Embedder}). */
  EMBEDDER("Embedder"),
  /** Re-orders search hits ({@code Reranker}). */
  RERANKER("Reranker"),
  /** Generates answers from retrieved context ({@code Generator}). */
  GENERATOR("Generator"),
  /** Reads documents of some format ({@code DocumentLoader}). */
  DOCUMENT_LOADER("DocumentLoader"),
  /** Splits documents into chunks ({@code Chunker}). */
  CHUNKER("Chunker"),
  /** Receives host events ({@code EventSink}). */
  EVENT_SINK("EventSink"),
  /** Anything else. */
  OTHER(null);

  private final String sdkType;

  PluginKind(String sdkType) {
    this.sdkType = sdkType;
  }

  /**
   * @return the name used in catalog documents and manifests, e.g. {@code document-loader}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * @param id a name as returned by {@link #id()}
   * @return the kind, or empty if there is none of that name
   */
  public static Optional<PluginKind> fromId(String id) {
    for (PluginKind kind : values()) {
      if (kind.id().equals(id)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /**
   * @param objectClass a service interface a plugin registers
   * @return the kind of plugin that registers it, or empty if it is not an SDK service type
   */
  public static Optional<PluginKind> fromServiceType(String objectClass) {
    if (!objectClass.startsWith("io.vjvector.sdk.")) {
      return Optional.empty();
    }
    String simpleName = objectClass.substring(objectClass.lastIndexOf('.') + 1);
    for (PluginKind kind : values()) {
      if (simpleName.equals(kind.sdkType)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
