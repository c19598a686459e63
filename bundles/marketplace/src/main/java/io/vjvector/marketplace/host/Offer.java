package io.vjvector.marketplace.host;

import java.util.List;

/**
 * A catalog entry as users see it.
 *
 * @param id the plugin id (bundle symbolic name)
 * @param version its version
 * @param name display name
 * @param description what it does
 * @param publisher who signed it
 * @param kind what it contributes ({@code embedder}, {@code reranker}, ...)
 * @param sdkRange the SDK versions it works with, or {@code null}
 * @param compatible whether this host can run it
 * @param installedVersion the version installed here, or {@code null}
 * @param permissions what it asks to be allowed
 */
public record Offer(
    String id,
    String version,
    String name,
    String description,
    String publisher,
    String kind,
    String sdkRange,
    boolean compatible,
    String installedVersion,
    List<String> permissions) {}
