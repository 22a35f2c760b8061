package dev.gaia.protocol.gaia;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.gaia.protocol.openai.ChatMessage;
import java.util.List;

/**
 * {@code POST /v1/retrieve}: Gaia's form ({@code messages}, the query taken from the last user
 * messages) or a plain {@code query}; optional overrides of the node's retrieval settings.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RetrieveRequest(
    List<ChatMessage> messages,
    String query,
    Integer limit,
    Double scoreThreshold,
    Integer contextWindow,
    List<String> knowledgeBases,
    String fusion) {}
