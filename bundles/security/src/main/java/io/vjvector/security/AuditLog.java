package io.vjvector.security;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit log: one JSON line per event, each carrying the hash of the line before, so that an
 * edited, removed or reordered line breaks the chain.
 */
@ProviderType
public interface AuditLog {
  /**
   * Appends an event and forces it to disk before returning.
   *
   * @param event the event (never a secret)
   * @throws IOException if it could not be written: the audited action must then fail
   */
  void record(AuditEvent event) throws IOException;

  /**
   * Checks the whole chain.
   *
   * @return the outcome
   * @throws IOException if the log cannot be read
   */
  Verification verify() throws IOException;

  /**
   * The outcome of a verification.
   *
   * @param ok whether every line is intact and chained
   * @param lines how many lines were checked
   * @param firstBadLine the 1-based number of the first broken line, or 0
   * @param problem what is wrong with it, or null
   */
  record Verification(boolean ok, long lines, long firstBadLine, String problem) {}
}
