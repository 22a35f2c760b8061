package dev.gaia.knowledge.index;

import dev.gaia.knowledge.Chunk;
import java.util.Arrays;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The Lucene document of one chunk: every {@link Chunk} component stored (so a hit needs no side
 * file), the unit vector for HNSW, the embedding text analysed for BM25, and the chunk's ordinal
 * (its position in the build's list) to tie documents back to the package's chunk order.
 */
final class ChunkFields {
  static final String VECTOR = "vector";
  static final String KEYWORDS = "keywords";
  static final String ORDINAL = "ordinal";
  private static final String ID = "id";
  private static final String SOURCE = "source";
  private static final String TITLE = "title";
  private static final String HEADING = "heading";
  private static final String PAGE = "page";
  private static final String START = "start";
  private static final String END = "end";
  private static final String TEXT = "text";
  // Stored only when it differs from the text (Gaia's CSV convention), to keep the index small.
  private static final String EMBEDDING_TEXT = "embedding_text";

  private ChunkFields() {}

  /**
   * Vectors are L2-normalised before indexing, so dot product equals cosine and Lucene's
   * DOT_PRODUCT similarity (the fast one) is exact for any input.
   */
  static Document document(int ordinal, Chunk chunk, float[] unitVector) {
    Document doc = new Document();
    doc.add(new StoredField(ORDINAL, ordinal));
    doc.add(new StringField(ID, chunk.id(), Field.Store.YES));
    doc.add(new StoredField(SOURCE, chunk.source()));
    doc.add(new StoredField(TITLE, chunk.title()));
    for (String heading : chunk.headings()) {
      doc.add(new StoredField(HEADING, heading));
    }
    doc.add(new StoredField(PAGE, chunk.page()));
    doc.add(new StoredField(START, chunk.start()));
    doc.add(new StoredField(END, chunk.end()));
    doc.add(new StoredField(TEXT, chunk.text()));
    if (!chunk.embeddingText().equals(chunk.text())) {
      doc.add(new StoredField(EMBEDDING_TEXT, chunk.embeddingText()));
    }
    doc.add(new TextField(KEYWORDS, chunk.embeddingText(), Field.Store.NO));
    doc.add(new KnnFloatVectorField(VECTOR, unitVector, VectorSimilarityFunction.DOT_PRODUCT));
    return doc;
  }

  static Chunk chunk(Document doc) {
    String text = doc.get(TEXT);
    String embeddingText = doc.get(EMBEDDING_TEXT);
    return new Chunk(
        doc.get(ID),
        doc.get(SOURCE),
        doc.get(TITLE),
        Arrays.asList(doc.getValues(HEADING)),
        intValue(doc, PAGE),
        intValue(doc, START),
        intValue(doc, END),
        text,
        embeddingText == null ? text : embeddingText);
  }

  static int ordinal(Document doc) {
    return intValue(doc, ORDINAL);
  }

  private static int intValue(Document doc, String name) {
    IndexableField f = doc.getField(name);
    if (f == null || f.numericValue() == null) {
      throw new IllegalStateException("index document lacks numeric field " + name);
    }
    return f.numericValue().intValue();
  }
}
