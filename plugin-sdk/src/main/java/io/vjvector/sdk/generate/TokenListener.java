package io.vjvector.sdk.generate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives a streamed completion from {@link Generator#stream}. The host implements it; a generator
 * calls it.
 */
@ProviderType
public interface TokenListener {
  /**
   * The next piece of text, in order.
   *
   * @param token one or more characters of the completion
   */
  void onToken(String token);

  /**
   * The completion has ended; no more calls follow.
   *
   * @param completion the whole text and why it ended
   */
  void onComplete(Completion completion);

  /**
   * The completion failed; no more calls follow.
   *
   * @param error what went wrong
   */
  void onError(Throwable error);

  /**
   * Whether the host no longer wants tokens (the client went away or a deadline passed). A
   * generator checks it between tokens and then finishes with {@link
   * Completion.FinishReason#CANCELLED}.
   *
   * @return {@code true} once cancelled
   */
  boolean isCancelled();
}
