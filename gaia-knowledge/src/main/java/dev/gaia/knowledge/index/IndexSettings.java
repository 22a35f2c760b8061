package dev.gaia.knowledge.index;

/**
 * How a chunk index is written. Search-time settings live in {@link ChunkIndex#open(java.nio.file.Path, int)}.
 *
 * @param maxConnections HNSW {@code M}: neighbours kept per node on the upper layers (twice as many
 *     on layer 0); more gives better recall for more memory and build time
 * @param beamWidth HNSW {@code efConstruction}: candidates examined while inserting a node
 * @param writerThreads threads that add documents and merge HNSW graphs; 1 (the default) builds on
 *     the calling thread only, and the result is the same index whatever the thread count, up to
 *     the graph's random shape
 * @param ramBufferMb indexing buffer; a build that fits in it flushes one segment and the final
 *     force-merge has nothing to do (100k chunks of 384 floats need about 160 MB)
 */
public record IndexSettings(int maxConnections, int beamWidth, int writerThreads, int ramBufferMb) {
  public IndexSettings {
    if (maxConnections < 2 || maxConnections > 512) {
      throw new IllegalArgumentException("maxConnections must be in [2, 512], was " + maxConnections);
    }
    if (beamWidth < 1 || beamWidth > 3200) {
      throw new IllegalArgumentException("beamWidth must be in [1, 3200], was " + beamWidth);
    }
    if (writerThreads < 1) {
      throw new IllegalArgumentException("writerThreads must be >= 1, was " + writerThreads);
    }
    if (ramBufferMb < 16 || ramBufferMb > 2000) {
      throw new IllegalArgumentException("ramBufferMb must be in [16, 2000], was " + ramBufferMb);
    }
  }

  /** M=16, efConstruction=100 (hnswlib's and Lucene's usual values), one thread, 256 MB buffer. */
  public static IndexSettings defaults() {
    return new IndexSettings(16, 100, 1, 256);
  }

  public IndexSettings withWriterThreads(int threads) {
    return new IndexSettings(maxConnections, beamWidth, threads, ramBufferMb);
  }
}
