package dev.gaia.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class UsageTailTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Optional<UsageTail.Tokens> scan(String text, int window, long seed) {
    Random random = new Random(seed);
    UsageTail tail = new UsageTail(window);
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int at = 0; at < bytes.length; ) {
      int n = Math.min(bytes.length - at, 1 + random.nextInt(40));
      tail.add(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, at, at + n)));
      at += n;
    }
    return tail.usage(JSON);
  }

  @Test
  void finds_usage_at_the_end_of_a_json_body_in_any_chunking() {
    String body = "{\"choices\":[{\"message\":{\"content\":\"" + "x".repeat(50_000)
        + "\"}}],\"usage\": {\"prompt_tokens\":12,\"completion_tokens\":5,\"total_tokens\":17},\"system_fingerprint\":\"fp\"}";
    for (long seed = 0; seed < 20; seed++) {
      assertThat(scan(body, 1024, seed)).as("seed %d", seed).contains(new UsageTail.Tokens(12, 5));
    }
  }

  @Test
  void takes_the_last_usage_of_a_stream_and_skips_escaped_ones_in_content() {
    String stream = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}\n\n"
        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}\n\n"
        + "data: {\"choices\":[{\"delta\":{\"content\":\"\\\"usage\\\":{\\\"prompt_tokens\\\":99}\"}}]}\n\n"
        + "data: [DONE]\n\n";
    assertThat(scan(stream, 4096, 1)).contains(new UsageTail.Tokens(7, 2));
  }

  @Test
  void no_usage_or_null_usage_is_empty() {
    assertThat(scan("data: {\"choices\":[]}\n\ndata: [DONE]\n\n", 4096, 2)).isEmpty();
    assertThat(scan("{\"usage\":null}", 4096, 3)).isEmpty();
    assertThat(scan("", 4096, 4)).isEmpty();
  }

  @Test
  void usage_that_starts_before_the_window_is_not_found() {
    String body = "{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1},\"pad\":\"" + "y".repeat(5000) + "\"}";
    assertThat(scan(body, 1024, 5)).isEmpty();
  }
}
