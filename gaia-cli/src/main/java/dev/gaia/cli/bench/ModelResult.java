package dev.gaia.cli.bench;

import java.util.List;
import java.util.Objects;

/**
 * Everything measured on one model, from one load.
 *
 * @param model the model's short name
 * @param description shape and quantization, for the report
 * @param promptTokens median prompt length of the single-stream runs, BOS included
 * @param inProcess the engine called directly
 * @param http the same engine through the node's streaming HTTP API
 * @param concurrency aggregate rates per stream count, the first being the baseline; empty when
 *     the section did not run on this model
 * @param memory the process's memory after the runs, with the node still up
 */
record ModelResult(
    String model,
    String description,
    int promptTokens,
    SingleStreamResult inProcess,
    SingleStreamResult http,
    List<ConcurrencyLevel> concurrency,
    MemoryUse memory) {
  ModelResult {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(inProcess, "inProcess");
    Objects.requireNonNull(http, "http");
    concurrency = List.copyOf(concurrency);
    Objects.requireNonNull(memory, "memory");
  }
}
