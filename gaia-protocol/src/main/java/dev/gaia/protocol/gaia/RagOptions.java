package dev.gaia.protocol.gaia;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Per-request overrides of the node's RAG settings, sent as the {@code rag} object of a chat
 * request (OpenAI clients pass it as an extra body field). Null fields keep the node's values.
 *
 * @param enabled false to answer without retrieval
 * @param limit passages to use (Gaia's {@code qdrant_limit})
 * @param scoreThreshold minimum cosine similarity (Gaia's {@code qdrant_score_threshold})
 * @param policy {@code system-message} or {@code last-user-message}
 * @param contextWindow how many recent user messages form the query
 * @param knowledgeBases names to search; all when absent
 * @param fusion {@code rrf} (default), {@code weighted}, {@code vector} or {@code keyword}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RagOptions(
    Boolean enabled,
    Integer limit,
    Double scoreThreshold,
    String policy,
    Integer contextWindow,
    List<String> knowledgeBases,
    String fusion) {}
