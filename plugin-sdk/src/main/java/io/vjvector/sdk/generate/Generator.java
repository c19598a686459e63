package io.vjvector.sdk.generate;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Completes a conversation with a language model, for example to answer a question from retrieved
 * passages. Registered as an OSGi service declared with {@link VjvGenerator}.
 *
 * <p>Implementations must be thread-safe. Remote models are reached through {@link
 * io.vjvector.sdk.host.PluginContext#send}, never with a client of the plugin's own, so that the
 * host's egress policy applies.
 */
@ConsumerType
public interface Generator {
  /** The service property that carries the generator's name; {@link VjvGenerator} sets it. */
  String NAME_PROPERTY = VjvGenerator.PREFIX_ + "name";

  /**
   * Generates the whole completion and returns it.
   *
   * @param request the messages and sampling settings
   * @return the completion
   * @throws io.vjvector.sdk.error.VjvException if the model is unavailable or rejects the request
   */
  Completion complete(GenerationRequest request);

  /**
   * Generates a completion and hands it over token by token. The generator calls {@link
   * TokenListener#onToken} zero or more times and then exactly one of {@link
   * TokenListener#onComplete} or {@link TokenListener#onError}, never two calls at once. It may
   * return before that (working on a thread of its own) or after; it stops early, finishing with
   * {@link Completion.FinishReason#CANCELLED}, once {@link TokenListener#isCancelled()} is true.
   *
   * <p>The default implementation calls {@link #complete} and passes its text on as one token:
   * correct for every generator, streaming for none. Override it when the model streams.
   *
   * @param request the messages and sampling settings
   * @param listener receives the tokens and the outcome
   */
  default void stream(GenerationRequest request, TokenListener listener) {
    Completion completion;
    try {
      if (listener.isCancelled()) {
        listener.onComplete(Completion.of("", Completion.FinishReason.CANCELLED));
        return;
      }
      completion = complete(request);
    } catch (RuntimeException e) {
      listener.onError(e);
      return;
    }
    if (!completion.text().isEmpty()) {
      listener.onToken(completion.text());
    }
    listener.onComplete(completion);
  }
}
