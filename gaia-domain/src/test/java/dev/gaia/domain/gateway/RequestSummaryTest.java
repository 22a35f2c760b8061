package dev.gaia.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.protocol.GaiaException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RequestSummaryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static RequestSummary chat(String body) {
    return RequestSummary.read(JSON, body.getBytes(StandardCharsets.UTF_8), true);
  }

  @Test
  void reads_model_and_stream() {
    RequestSummary s = chat("{\"model\":\"llama\",\"stream\":true,\"messages\":[]}");
    assertThat(s.model()).contains("llama");
    assertThat(s.stream()).isTrue();
    assertThat(chat("{\"messages\":[]}").model()).isEmpty();
  }

  @Test
  void a_follow_up_has_the_affinity_of_the_conversation_so_far() {
    String first = "{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"hi\"}]}";
    String other = "{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"bye\"}]}";
    String followUp = "{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"hi\"},"
        + "{\"role\":\"assistant\",\"content\":\"hello\"},{\"role\":\"user\",\"content\":\"more\"}]}";
    assertThat(chat(first).affinityKey()).isPresent().isEqualTo(chat(other).affinityKey());
    assertThat(chat(followUp).affinityKey()).isPresent().isNotEqualTo(chat(first).affinityKey());
    assertThat(chat("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").affinityKey()).isEmpty();
  }

  @Test
  void only_chat_has_affinity() {
    byte[] body = "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"s\"}]}".getBytes(StandardCharsets.UTF_8);
    assertThat(RequestSummary.read(JSON, body, false).affinityKey()).isEmpty();
  }

  @Test
  void wrong_types_and_non_objects_are_invalid_requests() {
    assertThatThrownBy(() -> chat("{\"model\":3}")).isInstanceOf(GaiaException.class).hasMessageContaining("model");
    assertThatThrownBy(() -> chat("{\"stream\":\"yes\"}")).isInstanceOf(GaiaException.class).hasMessageContaining("stream");
    assertThatThrownBy(() -> chat("[1]")).isInstanceOf(GaiaException.class);
    assertThatThrownBy(() -> chat("{oops")).isInstanceOf(GaiaException.class);
  }
}
