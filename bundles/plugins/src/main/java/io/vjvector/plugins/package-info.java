/**
 * The plugin host as the host's own bundles see it: SDK services selected by name ({@link
 * io.vjvector.plugins.PluginRegistry}), the installed plugins and why some were rejected, the
 * manifest check a plugin jar must pass before it is installed ({@link
 * io.vjvector.plugins.PluginAdmission}), and the metrics plugins record ({@link
 * io.vjvector.plugins.PluginMetrics}). Plugins never import this package; they use the SDK.
 */
@Export
@Version("0.1.0")
package io.vjvector.plugins;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
