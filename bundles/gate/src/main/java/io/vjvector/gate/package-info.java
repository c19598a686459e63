/** The HTTP gate's service API: how an API tells the gate that it is fully up. */
@Export
@Version("0.1.0")
package io.vjvector.gate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
