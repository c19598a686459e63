package io.vjvector.marketplace.host;

import java.util.List;

/**
 * What an operation did, or would do when simulated.
 *
 * @param action {@code install}, {@code upgrade}, {@code rollback} or {@code uninstall}
 * @param id the plugin id
 * @param fromVersion the version before, or {@code null}
 * @param toVersion the version after, or {@code null} when removed
 * @param simulated whether the framework was left untouched
 * @param steps the checks and changes, in order
 */
public record Plan(
    String action,
    String id,
    String fromVersion,
    String toVersion,
    boolean simulated,
    List<String> steps) {}
