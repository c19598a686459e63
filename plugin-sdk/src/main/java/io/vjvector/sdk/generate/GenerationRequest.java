package io.vjvector.sdk.generate;

import io.vjvector.sdk.internal.Values;
import java.util.List;

/**
 * What to generate.
 *
 * @param messages the conversation so far, at least one message
 * @param maxTokens the most tokens to generate, at least 1
 * @param temperature sampling temperature from 0 (deterministic) to {@value #MAX_TEMPERATURE}
 * @param stop sequences that end the completion when generated (not included in the text); may be
 *     empty
 */
public record GenerationRequest(
    List<Message> messages, int maxTokens, double temperature, List<String> stop) {
  /** The {@code maxTokens} of {@link #ofPrompt(String)}. */
  public static final int DEFAULT_MAX_TOKENS = 512;

  /** The highest accepted temperature. */
  public static final double MAX_TEMPERATURE = 2.0;

  /**
   * Validates and copies the request.
   *
   * @param messages the conversation so far, at least one message
   * @param maxTokens the most tokens to generate, at least 1
   * @param temperature sampling temperature from 0 (deterministic) to {@value #MAX_TEMPERATURE}
   * @param stop sequences that end the completion when generated (not included in the text); may be
   *     empty
   * @throws IllegalArgumentException if there are no messages, {@code maxTokens} is below 1, the
   *     temperature is out of range, or a stop sequence is empty
   */
  public GenerationRequest {
    messages = Values.copyList(messages, "messages");
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must not be empty");
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be at least 1, not " + maxTokens);
    }
    if (!(temperature >= 0 && temperature <= MAX_TEMPERATURE)) {
      throw new IllegalArgumentException(
          "temperature must be between 0 and " + MAX_TEMPERATURE + ", not " + temperature);
    }
    stop = Values.copyList(stop == null ? List.of() : stop, "stop");
    for (String s : stop) {
      if (s.isEmpty()) {
        throw new IllegalArgumentException("stop sequences must not be empty");
      }
    }
  }

  /**
   * A single user prompt, deterministic, at most {@value #DEFAULT_MAX_TOKENS} tokens, no stop
   * sequences.
   *
   * @param prompt the prompt
   * @return the request
   */
  public static GenerationRequest ofPrompt(String prompt) {
    return new GenerationRequest(List.of(Message.user(prompt)), DEFAULT_MAX_TOKENS, 0.0, List.of());
  }
}
