package dev.gaia.protocol.openai;

import com.fasterxml.jackson.databind.JsonNode;

/** The generation fields chat and legacy completion requests share; both records implement it. */
public interface SamplingFields {
  Double temperature();

  Double topP();

  Integer topK();

  Double minP();

  Long seed();

  JsonNode stop();

  Double presencePenalty();

  Double frequencyPenalty();

  Double repeatPenalty();

  Integer n();

  StreamOptions streamOptions();

  boolean streaming();
}
