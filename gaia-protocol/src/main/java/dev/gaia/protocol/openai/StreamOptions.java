package dev.gaia.protocol.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code stream_options}: {@code include_usage} adds a final chunk carrying usage. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamOptions(Boolean includeUsage) {
  public boolean usage() {
    return Boolean.TRUE.equals(includeUsage);
  }
}
