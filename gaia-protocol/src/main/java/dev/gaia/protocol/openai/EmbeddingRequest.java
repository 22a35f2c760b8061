package dev.gaia.protocol.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /v1/embeddings}: {@code input} is a string or an array of strings;
 * {@code encoding_format} is {@code float} (default) or {@code base64}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmbeddingRequest(
    String model, JsonNode input, String encodingFormat, Integer dimensions, String user) {}
