package dev.gaia.domain.gateway;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Finds the token usage of a response without buffering it: it keeps references to the buffers
 * that make up the last {@code window} bytes passed through (no copies while streaming) and, when
 * the response has ended, looks for the last {@code "usage":{...}} object in them.
 *
 * <p>This works for both response kinds because OpenAI-shaped servers put usage at the end: a
 * JSON body ends with {@code usage} (and perhaps a short {@code system_fingerprint}), and a stream
 * with {@code stream_options.include_usage} sends it in the last chunk before {@code [DONE]}. When
 * a stream repeats usage in several chunks, the last (cumulative) one wins. A {@code "usage"}
 * inside a generated string is escaped ({@code \"usage\"}) and is skipped.
 *
 * <p>Not thread-safe: used on the event loop of one exchange.
 */
final class UsageTail {
  private static final byte[] KEY = "\"usage\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final int window;
  private final ArrayDeque<Buffer> tail = new ArrayDeque<>();
  private long held;

  /** Token counts read from a {@code usage} object. */
  record Tokens(int prompt, int completion) {}

  UsageTail(int window) {
    this.window = window;
  }

  void add(Buffer chunk) {
    if (chunk.length() == 0) {
      return;
    }
    tail.addLast(chunk);
    held += chunk.length();
    while (held - tail.peekFirst().length() >= window) {
      held -= tail.removeFirst().length();
    }
  }

  /** The last usage object in the tail, if any could be read. */
  Optional<Tokens> usage(ObjectMapper json) {
    byte[] bytes = lastBytes();
    for (int at = lastIndexOf(bytes, bytes.length - KEY.length); at >= 0; at = lastIndexOf(bytes, at - 1)) {
      if (at > 0 && bytes[at - 1] == '\\') {
        continue;
      }
      Optional<Tokens> tokens = parseAfterKey(json, bytes, at + KEY.length);
      if (tokens.isPresent()) {
        return tokens;
      }
    }
    return Optional.empty();
  }

  private byte[] lastBytes() {
    int n = (int) Math.min(held, window);
    byte[] out = new byte[n];
    int end = n;
    for (var it = tail.descendingIterator(); it.hasNext() && end > 0; ) {
      Buffer b = it.next();
      int take = Math.min(b.length(), end);
      b.getBytes(b.length() - take, b.length(), out, end - take);
      end -= take;
    }
    return out;
  }

  private static int lastIndexOf(byte[] bytes, int from) {
    outer:
    for (int i = Math.min(from, bytes.length - KEY.length); i >= 0; i--) {
      for (int k = 0; k < KEY.length; k++) {
        if (bytes[i + k] != KEY[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static Optional<Tokens> parseAfterKey(ObjectMapper json, byte[] bytes, int from) {
    int i = skipSpace(bytes, from);
    if (i >= bytes.length || bytes[i] != ':') {
      return Optional.empty();
    }
    i = skipSpace(bytes, i + 1);
    if (i >= bytes.length || bytes[i] != '{') {
      return Optional.empty();
    }
    try (JsonParser p = json.getFactory().createParser(bytes, i, bytes.length - i)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      JsonNode usage = json.readTree(p);
      JsonNode prompt = usage.get("prompt_tokens");
      JsonNode completion = usage.get("completion_tokens");
      if (prompt == null && completion == null) {
        return Optional.empty();
      }
      return Optional.of(new Tokens(
          prompt != null && prompt.canConvertToInt() ? prompt.asInt() : 0,
          completion != null && completion.canConvertToInt() ? completion.asInt() : 0));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int skipSpace(byte[] bytes, int i) {
    while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
      i++;
    }
    return i;
  }
}
