/**
 * The host's plugin installer: installs, upgrades, rolls back and removes plugins from the signed
 * marketplace catalog while the node serves, with every check failing closed. Used by REST, the
 * console and (later) the dashboard, so all of them follow the same flow.
 */
@Export
@Version("1.0.0")
package io.vjvector.marketplace.host;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
