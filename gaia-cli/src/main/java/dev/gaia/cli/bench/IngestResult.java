package dev.gaia.cli.bench;

/**
 * The full build against the raw embedder on the same chunk texts; all times are medians over
 * the interleaved repeats, in seconds.
 *
 * @param documents synthetic documents built
 * @param chunks chunks the builder cut from them (and the raw embedder embedded)
 * @param rawSeconds the raw embedder alone, every chunk text, in the build's batch size
 * @param buildSeconds the whole {@code KnowledgeBuilder.build}: load, chunk, embed, index, package
 * @param loadSeconds of the build: reading and chunking the documents
 * @param embedSeconds of the build: inside the embedding model
 * @param writeSeconds of the build: writing the index and the package
 */
public record IngestResult(int documents, int chunks, int repeats, double rawSeconds, double buildSeconds,
    double loadSeconds, double embedSeconds, double writeSeconds) {

  public double rawChunksPerSecond() {
    return chunks / rawSeconds;
  }

  public double buildChunksPerSecond() {
    return chunks / buildSeconds;
  }

  /** Build throughput over raw embedder throughput: 1.00 means the build adds nothing. */
  public double ratio() {
    return rawSeconds / buildSeconds;
  }

  /** Build time outside loading, embedding and writing: batching, progress, bookkeeping. */
  public double otherSeconds() {
    return Math.max(0, buildSeconds - loadSeconds - embedSeconds - writeSeconds);
  }
}
