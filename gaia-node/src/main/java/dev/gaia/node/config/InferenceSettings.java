package dev.gaia.node.config;

/**
 * How the chat engine runs.
 *
 * @param engine which engine loads the chat model
 * @param threads CPU threads for generation; 0 means all available processors, resolved at start
 *     by {@link #effectiveThreads(int)} so that a config file does not pin one machine's count
 * @param parallel concurrent generation slots; the chat context is shared among them, so each
 *     slot gets {@code chat_ctx_size / parallel} tokens
 * @param queueLimit requests allowed to wait for a free slot; beyond it the node answers 503
 *     at once, 0 means no waiting
 */
public record InferenceSettings(EngineKind engine, int threads, int parallel, int queueLimit) {
  public InferenceSettings {
    Check.present(Keys.ENGINE, engine);
    Check.nonNegative(Keys.THREADS, threads);
    Check.positive(Keys.PARALLEL, parallel);
    Check.nonNegative(Keys.QUEUE_LIMIT, queueLimit);
  }

  /** {@code threads}, or {@code availableProcessors} when it is 0 (auto). */
  public int effectiveThreads(int availableProcessors) {
    return threads > 0 ? threads : Math.max(1, availableProcessors);
  }
}
