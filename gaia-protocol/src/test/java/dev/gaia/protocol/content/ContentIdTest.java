package dev.gaia.protocol.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class ContentIdTest {
  @Test
  void matches_the_ipfs_cid_of_a_known_raw_blob() throws Exception {
    // `ipfs add --cid-version 1 --raw-leaves` of "hello world" (no newline) gives this CID.
    byte[] digest = MessageDigest.getInstance("SHA-256").digest("hello world".getBytes(StandardCharsets.UTF_8));
    assertThat(ContentId.ofSha256(digest).value())
        .isEqualTo("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
  }

  @Test
  void round_trips_the_digest() throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(new byte[] {1, 2, 3});
    ContentId id = ContentId.ofSha256(digest);
    assertThat(ContentId.parse(id.value().toUpperCase()).sha256()).containsExactly(digest);
  }

  @Test
  void rejects_other_strings() {
    assertThatThrownBy(() -> ContentId.parse("Qm123")).isInstanceOf(IllegalArgumentException.class);
  }
}
