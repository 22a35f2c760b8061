package dev.gaia.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping used on every wire: snake_case names (OpenAI's), nulls left out unless a record
 * says otherwise, and strict scalars (a string is not silently read as a number, so wrong types
 * are reported), and {@code Optional} fields as their value or absent.
 */
public final class Json {
  private Json() {}

  /** A new, fully configured mapper. Mappers are thread-safe once built: share one per server. */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
        .build();
  }
}
