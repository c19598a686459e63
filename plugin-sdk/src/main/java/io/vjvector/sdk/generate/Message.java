package io.vjvector.sdk.generate;

import io.vjvector.sdk.internal.Values;

/**
 * One turn of a conversation.
 *
 * @param role who speaks
 * @param content what is said, not {@code null}
 */
public record Message(Role role, String content) {
  /** Who speaks a message. */
  public enum Role {
    /** Instructions that frame the conversation. */
    SYSTEM,
    /** The user. */
    USER,
    /** The model, in earlier turns. */
    ASSISTANT
  }

  /**
   * Validates the message.
   *
   * @param role who speaks
   * @param content what is said, not {@code null}
   * @throws IllegalArgumentException if the role or the content is {@code null}
   */
  public Message {
    Values.required(role, "role");
    Values.required(content, "content");
  }

  /**
   * A system message.
   *
   * @param content the instructions
   * @return the message
   */
  public static Message system(String content) {
    return new Message(Role.SYSTEM, content);
  }

  /**
   * A user message.
   *
   * @param content the text
   * @return the message
   */
  public static Message user(String content) {
    return new Message(Role.USER, content);
  }

  /**
   * An assistant message.
   *
   * @param content the text
   * @return the message
   */
  public static Message assistant(String content) {
    return new Message(Role.ASSISTANT, content);
  }
}
