package dev.gaia.protocol.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.protocol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        // EIP-55's own examples: all caps, all lower, and mixed.
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
      })
  void displays_the_eip55_checksum(String checksummed) {
    assertThat(Address.parse(checksummed.toLowerCase()).toString()).isEqualTo(checksummed);
    assertThat(Address.parse(checksummed).toString()).isEqualTo(checksummed);
  }

  @Test
  void rejects_a_wrong_checksum_but_accepts_single_case() {
    assertThatThrownBy(() -> Address.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checksum");
    assertThat(Address.parse("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"))
        .isEqualTo(Address.parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
  }

  @Test
  void rejects_other_shapes() {
    assertThatThrownBy(() -> Address.parse("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Address.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Address.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equals_on_the_twenty_bytes() {
    Address a = Address.parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
    assertThat(Address.of(a.bytes())).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(a.bytes()).hasSize(20);
  }

  @Test
  void travels_as_its_checksummed_string() throws Exception {
    ObjectMapper mapper = Json.newMapper();
    Address a = Address.parse("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359");
    String json = mapper.writeValueAsString(a);
    assertThat(json).isEqualTo("\"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359\"");
    assertThat(mapper.readValue(json, Address.class)).isEqualTo(a);
  }
}
