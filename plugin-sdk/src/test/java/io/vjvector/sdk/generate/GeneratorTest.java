package io.vjvector.sdk.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default {@link Generator#stream} that every non-streaming generator inherits. */
class GeneratorTest {
  /** Records what a generator tells the host, and checks the call protocol. */
  static final class Recorder implements TokenListener {
    final List<String> calls = new ArrayList<>();
    Completion completion;
    Throwable error;
    boolean cancelled;

    @Override
    public void onToken(String token) {
      assertNull(completion, "no token after the end");
      calls.add("token:" + token);
    }

    @Override
    public void onComplete(Completion c) {
      calls.add("complete");
      completion = c;
    }

    @Override
    public void onError(Throwable e) {
      calls.add("error");
      error = e;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }
  }

  private static Generator answering(String text) {
    return request ->
        Completion.of(
            text + " to " + request.messages().get(0).content(), Completion.FinishReason.STOP);
  }

  @Test
  void defaultStreamPassesTheWholeCompletionAsOneToken() {
    Recorder r = new Recorder();
    answering("answer").stream(GenerationRequest.ofPrompt("q"), r);
    assertEquals(List.of("token:answer to q", "complete"), r.calls);
    assertEquals(Completion.FinishReason.STOP, r.completion.finishReason());
  }

  @Test
  void defaultStreamReportsFailuresThroughTheListener() {
    VjvException boom = new VjvException(ErrorType.UNAVAILABLE, "model down");
    Recorder r = new Recorder();
    Generator failing =
        request -> {
          throw boom;
        };
    failing.stream(GenerationRequest.ofPrompt("q"), r);
    assertEquals(List.of("error"), r.calls);
    assertSame(boom, r.error);
  }

  @Test
  void defaultStreamHonoursCancellationBeforeCallingTheModel() {
    Recorder r = new Recorder();
    r.cancelled = true;
    Generator mustNotRun =
        request -> {
          throw new AssertionError("the model was called after cancellation");
        };
    mustNotRun.stream(GenerationRequest.ofPrompt("q"), r);
    assertEquals(List.of("complete"), r.calls);
    assertEquals(Completion.FinishReason.CANCELLED, r.completion.finishReason());
  }

  @Test
  void anEmptyCompletionStreamsNoToken() {
    Recorder r = new Recorder();
    Generator silent = request -> Completion.of("", Completion.FinishReason.LENGTH);
    silent.stream(GenerationRequest.ofPrompt("q"), r);
    assertEquals(List.of("complete"), r.calls);
  }
}
