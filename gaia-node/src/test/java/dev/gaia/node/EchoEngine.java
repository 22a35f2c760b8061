package dev.gaia.node;

import dev.gaia.inference.Cancellation;
import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.ChatTurn;
import dev.gaia.inference.EngineStats;
import dev.gaia.inference.GenerationRequest;
import dev.gaia.inference.GenerationResult;
import dev.gaia.inference.ModelDescriptor;
import dev.gaia.inference.TokenPiece;
import dev.gaia.inference.TokenSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** An in-memory engine that answers "ok" and remembers the last prompt it was given. */
final class EchoEngine implements ChatEngine {
  final AtomicReference<String> lastPrompt = new AtomicReference<>();

  @Override
  public ModelDescriptor model() {
    return new ModelDescriptor("echo", Path.of("echo.gguf"), null, 0, "fake", 4096, "none");
  }

  @Override
  public int parallelSlots() {
    return 2;
  }

  @Override
  public int[] tokenize(String text) {
    return new int[text.split("\\s+").length];
  }

  @Override
  public String renderChat(List<ChatTurn> messages) {
    StringBuilder out = new StringBuilder();
    messages.forEach(m -> out.append('<').append(m.role()).append('>').append(m.content()).append('\n'));
    return out.toString();
  }

  @Override
  public GenerationResult generate(GenerationRequest request, TokenSink sink, Cancellation cancellation) {
    lastPrompt.set(request.prompt());
    sink.accept(TokenPiece.of("ok"));
    return new GenerationResult(GenerationResult.FinishReason.STOP, tokenize(request.prompt()).length, 1, Duration.ZERO, Duration.ZERO);
  }

  @Override
  public EngineStats stats() {
    return new EngineStats(0, 0, 0, 0);
  }

  @Override
  public void close() {}
}
