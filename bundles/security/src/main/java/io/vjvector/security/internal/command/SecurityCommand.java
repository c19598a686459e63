package io.vjvector.security.internal.command;

import io.vjvector.security.AuditEvent;
import io.vjvector.security.AuditLog;
import io.vjvector.security.Security;
import java.time.Instant;
import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

/**
 * Base of the security console commands. Who may run which is set by Karaf's command ACL ({@code
 * etc/org.apache.karaf.command.acl.vjv.cfg}); changes are audited like REST calls.
 */
abstract class SecurityCommand implements Action {
  @Reference Security security;
  @Reference AuditLog audit;

  /** Audits a change before it is made; if the record cannot be written, nothing happens. */
  void audit(String tenant, String action, String resource) throws Exception {
    audit.record(
        new AuditEvent(
            Instant.now(),
            "console",
            tenant,
            "console " + action,
            resource,
            "allowed",
            UUID.randomUUID().toString(),
            null));
  }
}
