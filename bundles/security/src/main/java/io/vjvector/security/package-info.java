/**
 * Who is calling and what they may do: identities bound to exactly one tenant, permissions,
 * tenants, API keys, roles, limits and the audit log. Used by the REST API and the console; plugins
 * never see it.
 */
@Export
@Version("0.1.0")
package io.vjvector.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
