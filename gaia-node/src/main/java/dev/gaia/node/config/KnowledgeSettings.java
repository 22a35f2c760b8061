package dev.gaia.node.config;

import dev.gaia.knowledge.rag.RagPolicy;
import java.util.Optional;

/**
 * Retrieval-augmented generation, in Gaia's terms (Gaia stores knowledge in Qdrant, hence the
 * {@code qdrant_} names; the values mean the same here).
 *
 * @param snapshot the knowledge base to load ({@code snapshot}), empty for none
 * @param collectionName the collection the snapshot fills ({@code embedding_collection_name})
 * @param limit most chunks retrieved per question ({@code qdrant_limit}), at least 1
 * @param scoreThreshold least similarity a chunk needs, in [0, 1] ({@code qdrant_score_threshold})
 * @param ragPrompt text put before the retrieved context ({@code rag_prompt})
 * @param ragPolicy where the context goes ({@code rag_policy})
 * @param contextWindow how many of the latest user messages form the retrieval query
 *     ({@code context_window}), at least 1
 */
public record KnowledgeSettings(
    Optional<ResourceRef> snapshot,
    String collectionName,
    int limit,
    double scoreThreshold,
    String ragPrompt,
    RagPolicy ragPolicy,
    int contextWindow) {
  public KnowledgeSettings {
    Check.present(Keys.SNAPSHOT, snapshot);
    Check.token(Keys.EMBEDDING_COLLECTION_NAME, collectionName, false);
    Check.positive(Keys.QDRANT_LIMIT, limit);
    Check.unitInterval(Keys.QDRANT_SCORE_THRESHOLD, scoreThreshold);
    Check.present(Keys.RAG_PROMPT, ragPrompt);
    Check.present(Keys.RAG_POLICY, ragPolicy);
    Check.positive(Keys.CONTEXT_WINDOW, contextWindow);
  }
}
