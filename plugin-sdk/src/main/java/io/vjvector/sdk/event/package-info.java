/**
 * The {@link io.vjvector.sdk.event.EventSink} SPI: plugins that receive the host's events (audit
 * trails, webhooks, replication to other systems), declared with {@link
 * io.vjvector.sdk.event.VjvEventSink}.
 */
@Export
@Version("1.0.0")
package io.vjvector.sdk.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
