package dev.gaia.protocol.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code response_format}: {@code {"type":"text"}}, {@code {"type":"json_object"}} or
 * {@code {"type":"json_schema","json_schema":{"name":..,"schema":{..},"strict":..}}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponseFormat(String type, JsonSchemaSpec jsonSchema) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record JsonSchemaSpec(String name, JsonNode schema, Boolean strict) {}
}
