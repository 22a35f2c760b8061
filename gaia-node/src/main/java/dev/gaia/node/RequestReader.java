package dev.gaia.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import io.vertx.ext.web.RoutingContext;
import java.util.stream.Collectors;

/** Parses a JSON request body into a wire record, turning every problem into a clear 400. */
final class RequestReader {
  private final ObjectMapper json;

  RequestReader(ObjectMapper json) {
    this.json = json;
  }

  <T> T read(RoutingContext ctx, Class<T> type) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      throw new GaiaException(
          ErrorKind.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type must be application/json, was " + contentType,
          null,
          "unsupported_media_type");
    }
    if (ctx.body() == null || ctx.body().length() == 0) {
      throw new GaiaException(
          ErrorKind.INVALID_REQUEST, "The request body is empty; send a JSON object.", null, "invalid_json");
    }
    try {
      JsonNode tree = json.readTree(ctx.body().buffer().getBytes());
      if (tree == null || !tree.isObject()) {
        throw new GaiaException(
            ErrorKind.INVALID_REQUEST, "The request body must be a JSON object.", null, "invalid_json");
      }
      return json.treeToValue(tree, type);
    } catch (JsonMappingException e) {
      String param =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      if (param.isEmpty()) {
        throw new GaiaException(
            ErrorKind.INVALID_REQUEST,
            "Malformed JSON body: " + e.getOriginalMessage(),
            null,
            "invalid_json");
      }
      throw new GaiaException(
          ErrorKind.INVALID_REQUEST,
          "Invalid type for '" + param + "': " + firstLine(e.getOriginalMessage()),
          param,
          "invalid_type");
    } catch (JsonProcessingException e) {
      throw new GaiaException(
          ErrorKind.INVALID_REQUEST,
          "Malformed JSON body: " + firstLine(e.getOriginalMessage()),
          null,
          "invalid_json");
    } catch (java.io.IOException e) {
      throw new GaiaException(ErrorKind.INVALID_REQUEST, "Unreadable body.", null, "invalid_json");
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
