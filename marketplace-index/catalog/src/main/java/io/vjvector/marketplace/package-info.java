/**
 * The signed marketplace catalog: verifying a catalog served by any static mirror ({@link
 * io.vjvector.marketplace.CatalogClient}), writing one ({@link
 * io.vjvector.marketplace.CatalogWriter}), and the checks a plugin bundle must pass before the host
 * installs it ({@link io.vjvector.marketplace.Compatibility}, {@link
 * io.vjvector.marketplace.ManifestAdmission}). Every check fails closed with a {@link
 * io.vjvector.marketplace.CatalogException} that names its {@link
 * io.vjvector.marketplace.CatalogException.Reason}.
 */
@Export
@Version("0.1.0")
package io.vjvector.marketplace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
