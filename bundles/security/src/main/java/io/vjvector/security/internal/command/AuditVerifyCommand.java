package io.vjvector.security.internal.command;

import io.vjvector.security.AuditLog;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Verifies the audit log's hash chain. */
@Service
@Command(scope = "vjv", name = "audit-verify", description = "Verify the audit log's hash chain")
public class AuditVerifyCommand extends SecurityCommand {
  @Override
  public Object execute() throws Exception {
    AuditLog.Verification v = audit.verify();
    if (v.ok()) {
      System.out.println("Audit log OK: " + v.lines() + " records, chain intact");
    } else {
      System.out.println("Audit log BROKEN at line " + v.firstBadLine() + ": " + v.problem());
    }
    return null;
  }
}
