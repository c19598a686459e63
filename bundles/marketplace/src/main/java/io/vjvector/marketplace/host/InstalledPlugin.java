package io.vjvector.marketplace.host;

/**
 * A plugin installed through the marketplace.
 *
 * @param id the plugin id
 * @param version the version that should run
 * @param sha256 its artifact's SHA-256
 * @param previousVersion what a rollback returns to, or {@code null}
 * @param bundleId the bundle running it, or -1 if it is not installed right now
 * @param state the bundle's state ({@code ACTIVE}, {@code RESOLVED}, ..., {@code MISSING})
 */
public record InstalledPlugin(
    String id,
    String version,
    String sha256,
    String previousVersion,
    long bundleId,
    String state) {}
