package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An installed plugin as the API shows it. */
public class PluginView {
  /** The bundle id. */
  @JsonProperty("bundle_id")
  public long bundleId;

  /** The bundle symbolic name: the plugin id. */
  @JsonProperty("symbolic_name")
  public String symbolicName;

  /** The bundle version. */
  public String version;

  /** The bundle state: INSTALLED, RESOLVED, STARTING, ACTIVE, STOPPING. */
  public String state;

  /** The SDK services it registers. */
  public List<Service> services;

  /** Whether the admission rules keep it from running. */
  public boolean rejected;

  /** Why it was rejected, one sentence per broken rule. */
  public List<String> reasons;

  /** One SDK service of a plugin. */
  public static class Service {
    /** embedder, reranker, generator, document-loader, chunker or event-sink. */
    public String kind;

    /** The name it is selected by. */
    public String name;
  }
}
