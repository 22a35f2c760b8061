package dev.gaia.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** OpenAI's error envelope: {@code {"error":{"message","type","param","code"}}}. */
public record ErrorBody(Detail error) {
  public ErrorBody {
    Objects.requireNonNull(error, "error");
  }

  /** param and code are always present on the wire, as null when unknown, like OpenAI's. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Detail(String message, String type, String param, String code) {
    public Detail {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(type, "type");
    }
  }

  public static ErrorBody of(GaiaException e) {
    return new ErrorBody(
        new Detail(e.getMessage(), e.kind().type(), e.param().orElse(null), e.code().orElse(null)));
  }
}
