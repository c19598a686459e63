package io.vjvector.marketplace;

import java.util.Objects;

/**
 * A catalog, artifact or plugin manifest failed a check. The {@link Reason} is stable and meant for
 * programs (REST problem types, console output, metrics); the message says exactly which file,
 * entry or key failed and why.
 */
public final class CatalogException extends Exception {

  /** Why a check failed. */
  public enum Reason {
    /** A document, header or key cannot be parsed, or breaks a rule of the format. */
    MALFORMED,
    /** A required file is absent from the catalog. */
    NOT_FOUND,
    /** The catalog could not be read (network or file system error). */
    IO_ERROR,
    /** A signature by the required key is present but does not verify. */
    BAD_SIGNATURE,
    /** The document carries no signature by the key that must sign it. */
    MISSING_SIGNATURE,
    /** An entry names a publisher, or is signed by a key, that the delegations do not know. */
    UNKNOWN_KEY,
    /** The metadata's {@code expires} time has passed. */
    EXPIRED,
    /** The metadata's version is older than the last version this client has seen. */
    ROLLBACK,
    /** A publisher signed an entry whose id lies outside its delegated prefixes. */
    PREFIX_VIOLATION,
    /** The artifact's SHA-256 differs from the entry's. */
    DIGEST_MISMATCH,
    /** The artifact's length differs from the entry's. */
    SIZE_MISMATCH,
    /** The artifact's manifest does not describe the entry that points to it. */
    MANIFEST_MISMATCH,
    /** The plugin cannot run on this host (SDK range or Java version). */
    INCOMPATIBLE,
    /** The plugin's manifest imports, exports or requires what plugins may not. */
    NOT_ADMISSIBLE
  }

  private static final long serialVersionUID = 1L;

  private final Reason reason;
  private final String detail;

  /**
   * @param reason the machine-readable reason
   * @param message what failed, naming the file, entry or key
   */
  public CatalogException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.detail = message;
  }

  /**
   * @param reason the machine-readable reason
   * @param message what failed, naming the file, entry or key
   * @param cause the underlying error
   */
  public CatalogException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.detail = message;
  }

  /**
   * @return the machine-readable reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * @return the message without the reason in front of it
   */
  public String detail() {
    return detail;
  }
}
