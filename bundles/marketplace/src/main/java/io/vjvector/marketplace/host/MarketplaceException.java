package io.vjvector.marketplace.host;

/** Why a marketplace operation was refused or failed; the node is left as it was. */
public class MarketplaceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure, each with the HTTP status REST answers with. */
  public enum Reason {
    /** No catalog is configured, or the trusted root key is missing: the marketplace is off. */
    NOT_CONFIGURED(503),
    /** The catalog could not be fetched. */
    CATALOG_UNAVAILABLE(502),
    /**
     * The catalog or an artifact failed verification (signature, expiry, rollback, prefix, digest,
     * size, manifest).
     */
    UNTRUSTED(422),
    /** No such plugin or version in the catalog, or not installed here. */
    NOT_FOUND(404),
    /** The operation conflicts with what is installed (already installed, nothing to roll back). */
    CONFLICT(409),
    /** The plugin cannot run here: SDK range, Java version, or it would not resolve. */
    INCOMPATIBLE(422),
    /** The plugin breaks the plugin rules: forbidden imports or exports. */
    NOT_ADMISSIBLE(422),
    /** It was installed but did not become healthy; the previous state was restored. */
    UNHEALTHY(422),
    /** Bad input. */
    INVALID_REQUEST(400),
    /** A local failure (file system, framework). */
    INTERNAL(500);

    private final int status;

    Reason(int status) {
      this.status = status;
    }

    /**
     * @return the HTTP status for this reason
     */
    public int status() {
      return status;
    }
  }

  private final Reason reason;

  /**
   * @param reason the kind of failure
   * @param message what failed, for people
   */
  public MarketplaceException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * @param reason the kind of failure
   * @param message what failed, for people
   * @param cause the underlying error
   */
  public MarketplaceException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /**
   * @return the kind of failure
   */
  public Reason reason() {
    return reason;
  }
}
