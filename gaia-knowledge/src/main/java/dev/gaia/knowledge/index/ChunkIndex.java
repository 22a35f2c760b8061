package dev.gaia.knowledge.index;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Fusion;
import dev.gaia.knowledge.Hit;
import dev.gaia.knowledge.Query;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.VectorUtil;

/**
 * A chunk index opened for search: HNSW over unit vectors plus BM25 over the embedding text, in
 * one Lucene index of one segment. See {@link Fuser} for what scores mean.
 *
 * <p>Thread-safe: the reader and searcher are opened once (memory-mapped, read-only) and shared;
 * each search takes its own per-call views of stored fields and vectors. Searches run on the
 * caller's thread.
 */
public final class ChunkIndex implements AutoCloseable {
  /**
   * HNSW candidates explored per vector search (Lucene's {@code k}, hnswlib's {@code ef}) when
   * the query asks for fewer; 100 gives recall@10 around 0.97–0.99 on 100k 384-dim vectors.
   */
  public static final int DEFAULT_EF_SEARCH = 100;

  // A long query (a whole chat turn) must not exceed BooleanQuery's clause limit; the first
  // distinct terms carry the question.
  private static final int MAX_KEYWORD_TERMS = 256;

  private final MMapDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final int dimension;
  private final int efSearch;

  private ChunkIndex(MMapDirectory directory, DirectoryReader reader, int dimension, int efSearch) {
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    // Nothing repeats often enough to cache, and the cache would be shared mutable state.
    this.searcher.setQueryCache(null);
    this.analyzer = IndexMetadata.newAnalyzer();
    this.dimension = dimension;
    this.efSearch = efSearch;
  }

  /**
   * Writes a new index of {@code chunks} into {@code dir} (created if missing, replaced if it
   * holds an index). {@code vectors.get(i)} is the embedding of {@code chunks.get(i)}; vectors
   * are normalised on the way in. Blocks until written, merged to one segment and committed.
   */
  public static void build(Path dir, List<Chunk> chunks, List<float[]> vectors, IndexSettings settings) {
    IndexBuilder.build(dir, chunks, vectors, settings);
  }

  public static ChunkIndex open(Path dir) {
    return open(dir, DEFAULT_EF_SEARCH);
  }

  /** Opens an index written by {@link #build}; {@code efSearch} as {@link #DEFAULT_EF_SEARCH}. */
  public static ChunkIndex open(Path dir, int efSearch) {
    if (efSearch < 1) {
      throw new IllegalArgumentException("efSearch must be >= 1, was " + efSearch);
    }
    MMapDirectory directory = null;
    try {
      directory = new MMapDirectory(dir);
      DirectoryReader reader = DirectoryReader.open(directory);
      try {
        IndexMetadata meta = IndexMetadata.fromCommitData(reader.getIndexCommit().getUserData());
        return new ChunkIndex(directory, reader, meta.dimension(), efSearch);
      } catch (RuntimeException e) {
        reader.close();
        throw e;
      }
    } catch (IOException e) {
      closeQuietly(directory);
      throw new UncheckedIOException("cannot open index " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(directory);
      throw e;
    }
  }

  /** Number of chunks. */
  public int size() {
    return reader.numDocs();
  }

  public int dimension() {
    return dimension;
  }

  /** Best chunks for the query, best first; see {@link Fuser} for scores and thresholds. */
  public List<Hit> search(Query query) {
    if (query.vector().length != dimension) {
      throw new IllegalArgumentException(
          "query vector has " + query.vector().length + " dimensions, the index " + dimension);
    }
    float[] unit = Vectors.unit(query.vector());
    int limit = query.limit();
    try {
      List<Fuser.Candidate> vector = List.of();
      List<Fuser.Candidate> keyword = List.of();
      switch (query.fusion()) {
        case Fusion.VectorOnly v -> vector = nearest(unit, limit);
        case Fusion.KeywordOnly k -> keyword = keywords(query.text(), limit);
        case Fusion.ReciprocalRank r -> {
          vector = nearest(unit, r.candidates());
          keyword = keywords(query.text(), r.candidates());
        }
        case Fusion.Weighted w -> {
          vector = nearest(unit, w.candidates());
          keyword = keywords(query.text(), w.candidates());
        }
      }
      List<Fuser.Fused> fused =
          Fuser.fuse(query.fusion(), vector, keyword, doc -> exactCosine(unit, doc), limit, query.scoreThreshold());
      StoredFields stored = searcher.storedFields();
      List<Hit> hits = new ArrayList<>(fused.size());
      for (Fuser.Fused f : fused) {
        hits.add(new Hit(ChunkFields.chunk(stored.document(f.doc())), f.score(), f.vectorRank(), f.keywordRank()));
      }
      return hits;
    } catch (IOException e) {
      throw GaiaException.internal("knowledge index read failed: " + e.getMessage(), e);
    }
  }

  /** Receives every chunk once, in document order, with its stored unit vector. */
  public interface ChunkVisitor {
    void visit(int ordinal, Chunk chunk, float[] unitVector);
  }

  /** Walks all chunks: for checking an index against its package, not for serving. */
  public void forEachChunk(ChunkVisitor visitor) {
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        FloatVectorValues values = leaf.reader().getFloatVectorValues(ChunkFields.VECTOR);
        KnnVectorValues.DocIndexIterator it = values.iterator();
        for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          org.apache.lucene.document.Document d = stored.document(doc);
          visitor.visit(ChunkFields.ordinal(d), ChunkFields.chunk(d), values.vectorValue(it.index()).clone());
        }
      }
    } catch (IOException e) {
      throw GaiaException.internal("knowledge index read failed: " + e.getMessage(), e);
    }
  }

  /**
   * The {@code n} nearest chunks by the HNSW graph alone: no stored fields, no fusion. Package
   * access for {@link IndexBenchmark}, which times it apart from {@link #search}.
   */
  List<Fuser.Candidate> nearest(float[] unit, int n) throws IOException {
    int k = Math.max(n, efSearch);
    TopDocs top = searcher.search(new KnnFloatVectorQuery(ChunkFields.VECTOR, unit, k), k);
    List<Fuser.Candidate> out = new ArrayList<>(Math.min(n, top.scoreDocs.length));
    for (ScoreDoc sd : top.scoreDocs) {
      if (out.size() == n) {
        break;
      }
      // DOT_PRODUCT scores are (1 + cos) / 2 for unit vectors; undo it to report raw cosine.
      out.add(new Fuser.Candidate(sd.doc, 2.0 * sd.score - 1.0));
    }
    return out;
  }

  private List<Fuser.Candidate> keywords(String text, int n) throws IOException {
    Set<String> terms = terms(text);
    if (terms.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (String term : terms) {
      q.add(new TermQuery(new Term(ChunkFields.KEYWORDS, term)), BooleanClause.Occur.SHOULD);
    }
    TopDocs top = searcher.search(q.build(), n);
    List<Fuser.Candidate> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      out.add(new Fuser.Candidate(sd.doc, sd.score));
    }
    return out;
  }

  private Set<String> terms(String text) throws IOException {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream(ChunkFields.KEYWORDS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && terms.size() < MAX_KEYWORD_TERMS) {
        terms.add(term.toString());
      }
      ts.end();
    }
    return terms;
  }

  private double exactCosine(float[] unit, int doc) {
    try {
      List<LeafReaderContext> leaves = reader.leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      FloatVectorValues values = leaf.reader().getFloatVectorValues(ChunkFields.VECTOR);
      KnnVectorValues.DocIndexIterator it = values.iterator();
      int target = doc - leaf.docBase;
      if (it.advance(target) != target) {
        return 0;
      }
      return VectorUtil.dotProduct(unit, values.vectorValue(it.index()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close index: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(MMapDirectory directory) {
    if (directory != null) {
      try {
        directory.close();
      } catch (IOException ignored) {
        // Already failing; the first error is the one to report.
      }
    }
  }
}
