package dev.gaia.knowledge.index;

import dev.gaia.knowledge.Chunk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.FSDirectory;

/** Writes a new index folder: one document per chunk, force-merged to one segment. */
final class IndexBuilder {
  private IndexBuilder() {}

  static void build(Path dir, List<Chunk> chunks, List<float[]> vectors, IndexSettings settings) {
    if (chunks.size() != vectors.size()) {
      throw new IllegalArgumentException(chunks.size() + " chunks but " + vectors.size() + " vectors");
    }
    if (chunks.isEmpty()) {
      throw new IllegalArgumentException("an index needs at least one chunk");
    }
    int dimension = vectors.getFirst().length;
    Vectors.requireDimension(vectors, dimension);
    int threads = settings.writerThreads();
    ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads);
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, config(settings, pool))) {
      if (pool == null) {
        addRange(writer, chunks, vectors, 0, chunks.size());
      } else {
        addInParallel(writer, chunks, vectors, pool, threads);
      }
      writer.forceMerge(1);
      writer.setLiveCommitData(IndexMetadata.of(dimension).toCommitData().entrySet());
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build index in " + dir + ": " + e.getMessage(), e);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private static IndexWriterConfig config(IndexSettings settings, ExecutorService pool) {
    KnnVectorsFormat hnsw =
        pool == null
            ? new Lucene99HnswVectorsFormat(settings.maxConnections(), settings.beamWidth())
            : new Lucene99HnswVectorsFormat(
                settings.maxConnections(), settings.beamWidth(), settings.writerThreads(), pool);
    // Readers find the vectors format by the name written in each segment, so they need no
    // knowledge of M or beam width: this codec only matters while writing.
    Codec codec =
        new Lucene104Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return hnsw;
          }
        };
    IndexWriterConfig config = new IndexWriterConfig(IndexMetadata.newAnalyzer());
    config.setCodec(codec);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(settings.ramBufferMb());
    config.setMergeScheduler(pool == null ? new SerialMergeScheduler() : new ConcurrentMergeScheduler());
    config.setCommitOnClose(true);
    return config;
  }

  private static void addInParallel(
      IndexWriter writer, List<Chunk> chunks, List<float[]> vectors, ExecutorService pool, int threads)
      throws IOException {
    int n = chunks.size();
    List<Future<Void>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int from = (int) ((long) n * t / threads);
      int to = (int) ((long) n * (t + 1) / threads);
      parts.add(pool.submit(() -> {
        addRange(writer, chunks, vectors, from, to);
        return null;
      }));
    }
    for (Future<Void> part : parts) {
      try {
        part.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while indexing", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IOException("indexing failed: " + e.getCause(), e.getCause());
      }
    }
  }

  private static void addRange(IndexWriter writer, List<Chunk> chunks, List<float[]> vectors, int from, int to)
      throws IOException {
    for (int i = from; i < to; i++) {
      writer.addDocument(ChunkFields.document(i, chunks.get(i), Vectors.unit(vectors.get(i))));
    }
  }

}
