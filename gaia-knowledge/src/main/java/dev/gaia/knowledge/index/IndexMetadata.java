package dev.gaia.knowledge.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * What a reader must know about an index, kept in its commit data so an index folder explains
 * itself.
 *
 * <p>The keyword analyzer is Lucene's {@link StandardAnalyzer} (Unicode word breaks, lower case,
 * no stop words, no stemming), not the English one: knowledge bases come in any language, and
 * stemming mangles the identifiers, product names and codes that users search BM25 for; BM25's
 * IDF already discounts frequent words, and the vector side covers word forms and synonyms.
 *
 * @param layout version of the field layout in {@link ChunkFields}
 * @param analyzer name of the keyword analyzer
 * @param dimension vector width
 */
record IndexMetadata(int layout, String analyzer, int dimension) {
  static final int LAYOUT = 1;
  static final String STANDARD = "standard";

  static IndexMetadata of(int dimension) {
    return new IndexMetadata(LAYOUT, STANDARD, dimension);
  }

  /** A new analyzer (analyzers hold per-thread state, but are safe to share once built). */
  static Analyzer newAnalyzer() {
    return new StandardAnalyzer();
  }

  Map<String, String> toCommitData() {
    return Map.of(
        "gaia.layout", Integer.toString(layout),
        "gaia.analyzer", analyzer,
        "gaia.dimension", Integer.toString(dimension));
  }

  static IndexMetadata fromCommitData(Map<String, String> data) {
    String layout = data.get("gaia.layout");
    String analyzer = data.get("gaia.analyzer");
    String dimension = data.get("gaia.dimension");
    if (layout == null || analyzer == null || dimension == null) {
      throw new IllegalStateException("not a Gaia chunk index (commit data lacks gaia.* keys)");
    }
    IndexMetadata meta = new IndexMetadata(Integer.parseInt(layout), analyzer, Integer.parseInt(dimension));
    if (meta.layout != LAYOUT || !STANDARD.equals(meta.analyzer)) {
      throw new IllegalStateException(
          "index layout " + layout + " with analyzer " + analyzer + " is not supported (expected "
              + LAYOUT + " with " + STANDARD + ")");
    }
    return meta;
  }
}
