/** Errors with stable, documented types that the host maps to {@code application/problem+json}. */
@Export
@Version("1.0.0")
package io.vjvector.sdk.error;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
