package dev.gaia.cli.bench;

/**
 * One pair of the ingest benchmark, in seconds: the raw embedder, then the full build right after.
 *
 * @param rawSeconds the raw embedder alone, every chunk text, in the build's batch size
 * @param buildSeconds the whole {@code KnowledgeBuilder.build}: load, chunk, embed, index, package
 * @param loadSeconds of the build: reading and chunking the documents
 * @param embedSeconds of the build: inside the embedding model
 * @param writeSeconds of the build: writing the index and the package
 */
public record IngestRun(double rawSeconds, double buildSeconds, double loadSeconds, double embedSeconds,
    double writeSeconds) {}
