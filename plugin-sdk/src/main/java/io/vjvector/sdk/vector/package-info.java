/**
 * Vectors, point identifiers, distance functions and filters: the data model that plugins and the
 * host share.
 */
@Export
@Version("1.0.0")
package io.vjvector.sdk.vector;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
