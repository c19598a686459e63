package io.vjvector.sdk.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerationRequestTest {
  @Test
  void promptIsOneUserMessage() {
    GenerationRequest r = GenerationRequest.ofPrompt("hi");
    assertEquals(List.of(new Message(Message.Role.USER, "hi")), r.messages());
    assertEquals(GenerationRequest.DEFAULT_MAX_TOKENS, r.maxTokens());
    assertEquals(0.0, r.temperature());
    assertEquals(List.of(), r.stop());
  }

  @Test
  void copiesListsAndReadsNullStopAsNone() {
    List<Message> messages =
        new ArrayList<>(List.of(Message.system("be brief"), Message.user("q")));
    GenerationRequest r = new GenerationRequest(messages, 10, 0.7, null);
    messages.clear();
    assertEquals(2, r.messages().size());
    assertEquals(List.of(), r.stop());
  }

  @Test
  void rejectsBadInput() {
    List<Message> one = List.of(Message.user("q"));
    assertThrows(
        IllegalArgumentException.class, () -> new GenerationRequest(List.of(), 10, 0, List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new GenerationRequest(null, 10, 0, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GenerationRequest(Arrays.asList(Message.user("q"), null), 10, 0, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new GenerationRequest(one, 0, 0, List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new GenerationRequest(one, 10, -0.1, List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new GenerationRequest(one, 10, 2.01, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GenerationRequest(one, 10, Double.NaN, List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new GenerationRequest(one, 10, 0, List.of("")));
    assertThrows(IllegalArgumentException.class, () -> new Message(null, "x"));
    assertThrows(IllegalArgumentException.class, () -> Message.user(null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Completion("x", Completion.FinishReason.STOP, -2, 0));
    assertThrows(IllegalArgumentException.class, () -> Completion.of("x", null));
    assertThrows(
        IllegalArgumentException.class, () -> Completion.of(null, Completion.FinishReason.STOP));
  }
}
