package io.vjvector.sdk.generate;

import io.vjvector.sdk.internal.Values;

/**
 * A generated completion.
 *
 * @param text the generated text, without the stop sequence that ended it
 * @param finishReason why generation ended
 * @param promptTokens tokens the model read, or -1 if it does not say
 * @param completionTokens tokens the model generated, or -1 if it does not say
 */
public record Completion(
    String text, FinishReason finishReason, int promptTokens, int completionTokens) {
  /** Why a completion ended. */
  public enum FinishReason {
    /** The model finished, or generated a stop sequence. */
    STOP,
    /** {@link GenerationRequest#maxTokens()} was reached. */
    LENGTH,
    /** The host cancelled a stream ({@link TokenListener#isCancelled()}). */
    CANCELLED
  }

  /**
   * Validates the completion.
   *
   * @param text the generated text, without the stop sequence that ended it
   * @param finishReason why generation ended
   * @param promptTokens tokens the model read, or -1 if it does not say
   * @param completionTokens tokens the model generated, or -1 if it does not say
   * @throws IllegalArgumentException if the text or reason is {@code null} or a count is below -1
   */
  public Completion {
    Values.required(text, "text");
    Values.required(finishReason, "finishReason");
    if (promptTokens < -1 || completionTokens < -1) {
      throw new IllegalArgumentException("token counts must be -1 (unknown) or more");
    }
  }

  /**
   * A completion whose token counts are unknown.
   *
   * @param text the text
   * @param finishReason why it ended
   * @return the completion
   */
  public static Completion of(String text, FinishReason finishReason) {
    return new Completion(text, finishReason, -1, -1);
  }
}
