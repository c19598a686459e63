package io.vjvector.sdk.host;

import io.vjvector.sdk.store.VectorStore;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A plugin's view of its host. The host registers it as a bundle-scoped OSGi service: every plugin
 * bundle that references it gets its own instance, bound to that plugin's identity, configuration,
 * secrets and granted permissions. A component takes it like any mandatory reference:
 *
 * <pre>
 * &#64;Activate
 * public MyEmbedder(&#64;Reference PluginContext context) { ... }
 * </pre>
 *
 * <p>Everything a plugin needs from outside its own bundle goes through here, so that the host can
 * govern it: the egress destinations, secrets and tenants a plugin may use are the permissions its
 * marketplace entry requests and the operator grants.
 */
@ProviderType
public interface PluginContext {
  /**
   * The plugin's identity: its marketplace id, or its bundle symbolic name when it was installed by
   * hand.
   *
   * @return the id
   */
  String pluginId();

  /**
   * The plugin's configuration ({@code etc/<plugin id>.cfg} or set through the marketplace), never
   * including secrets. It is a snapshot: when the configuration changes, the host registers a new
   * context, so components that hold a static reference to it are reactivated with the new values.
   *
   * @return the configuration, empty if there is none
   */
  Config config();

  /**
   * A secret the operator granted this plugin (an API key, a password), from the host's secret
   * store. Secrets are never part of {@link #config()}, never logged and never shown in the
   * dashboard.
   *
   * @param name the secret's name as the plugin declares it, for example {@code api-key}
   * @return a fresh copy that the caller should overwrite when done, or empty if the secret is not
   *     set or not granted to this plugin
   */
  Optional<char[]> secret(String name);

  /**
   * Where the plugin records metrics; the host exports them (Prometheus) under the plugin's id.
   *
   * @return the metrics
   */
  Metrics metrics();

  /**
   * The plugin's logger; messages go to the host's log, tagged with the plugin's id.
   *
   * @return the logger
   */
  System.Logger logger();

  /**
   * A private directory that survives restarts and updates of the plugin (a model cache, an index),
   * removed when the plugin is uninstalled. The host may limit its size.
   *
   * @return an existing, writable directory
   */
  Path dataDirectory();

  /**
   * Sends an HTTP request through the host, the only way a plugin reaches the network. The host's
   * egress policy decides: the destination must be among those the plugin requested and the
   * operator granted; the host applies its proxy, TLS trust and timeouts, and counts the traffic.
   * Otherwise this works like {@link java.net.http.HttpClient#send}.
   *
   * @param <T> the type of the response body
   * @param request the request, built with {@link HttpRequest#newBuilder()}
   * @param bodyHandler how to read the response body, for example {@link
   *     HttpResponse.BodyHandlers#ofString()}
   * @return the response
   * @throws SecurityException if the egress policy does not allow the destination
   * @throws IOException if sending or receiving fails
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> bodyHandler)
      throws IOException, InterruptedException;

  /**
   * One tenant's vector store.
   *
   * @param tenant the tenant, for example from {@link io.vjvector.sdk.event.Event#tenant()}
   * @return the store, bound to that tenant
   * @throws SecurityException if the plugin was not granted access to the tenant's data
   */
  VectorStore vectorStore(String tenant);
}
