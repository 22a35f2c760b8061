package dev.gaia.protocol.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
  private static final List<Frame.Header> HEADERS =
      List.of(new Frame.Header("content-type", "application/json"), new Frame.Header("x-ü", "ü€"));

  @Test
  void every_frame_type_round_trips() {
    byte[] sig = new byte[65];
    Arrays.fill(sig, (byte) 7);
    List<Frame> frames = List.of(
        new Frame.Challenge(new byte[32]),
        new Frame.Auth(sig),
        new Frame.Ready(),
        new Frame.Open(1, "POST", "/v1/chat/completions?x=1", HEADERS),
        new Frame.Open(Integer.MAX_VALUE, "GET", "/", List.of()),
        new Frame.Response(3, 200, HEADERS),
        new Frame.Data(3, new byte[] {1, 2, 3}),
        new Frame.Data(3, new byte[FrameCodec.MAX_DATA]),
        new Frame.Data(3, new byte[0]),
        new Frame.End(3),
        new Frame.Reset(3, "client went away"),
        new Frame.Window(3, 262144),
        new Frame.Ping(-1L),
        new Frame.Pong(42L));
    for (Frame frame : frames) {
      Frame back = FrameCodec.decode(FrameCodec.encode(frame));
      assertThat(back).as(frame.toString()).usingRecursiveComparison().isEqualTo(frame);
    }
  }

  @Test
  void encode_data_slice_matches_the_record_form() {
    byte[] body = {9, 8, 7, 6, 5};
    assertThat(FrameCodec.encodeData(5, body, 1, 3)).isEqualTo(FrameCodec.encode(new Frame.Data(5, new byte[] {8, 7, 6})));
  }

  @Test
  void unknown_types_decode_as_unknown() {
    assertThat(FrameCodec.decode(new byte[] {99, 1, 2})).isEqualTo(new Frame.Unknown(99));
  }

  @Test
  void every_truncation_of_a_valid_frame_is_a_clear_error() {
    for (Frame frame : List.of(
        new Frame.Open(1, "POST", "/v1/x", HEADERS),
        new Frame.Response(2, 204, HEADERS),
        new Frame.Window(3, 10),
        new Frame.Reset(4, "why"),
        new Frame.Ping(1))) {
      byte[] whole = FrameCodec.encode(frame);
      for (int n = 0; n < whole.length; n++) {
        byte[] cut = Arrays.copyOf(whole, n);
        assertThatThrownBy(() -> FrameCodec.decode(cut)).as(frame + " cut at " + n).isInstanceOf(FrameException.class);
      }
    }
  }

  @Test
  void trailing_bytes_are_refused() {
    byte[] end = FrameCodec.encode(new Frame.End(1));
    byte[] longer = Arrays.copyOf(end, end.length + 1);
    assertThatThrownBy(() -> FrameCodec.decode(longer)).isInstanceOf(FrameException.class).hasMessageContaining("trailing");
  }

  @Test
  void string_lengths_past_the_end_are_refused() {
    byte[] open = {FrameCodec.OPEN, 0, 0, 0, 1, (byte) 0xff, (byte) 0xff, 'G'};
    assertThatThrownBy(() -> FrameCodec.decode(open)).isInstanceOf(FrameException.class).hasMessageContaining("method");
  }

  @Test
  void bad_values_are_refused() {
    assertThatThrownBy(() -> FrameCodec.decode(new byte[] {FrameCodec.END, 0, 0, 0, 0}))
        .isInstanceOf(FrameException.class).hasMessageContaining("stream id");
    assertThatThrownBy(() -> FrameCodec.decode(new byte[] {FrameCodec.END, (byte) 0x80, 0, 0, 1}))
        .isInstanceOf(FrameException.class).hasMessageContaining("stream id");
    assertThatThrownBy(() -> FrameCodec.decode(new byte[] {FrameCodec.WINDOW, 0, 0, 0, 1, 0, 0, 0, 0}))
        .isInstanceOf(FrameException.class).hasMessageContaining("credit");
    assertThatThrownBy(() -> FrameCodec.decode(new byte[] {FrameCodec.RESPONSE, 0, 0, 0, 1, 0, 42, 0, 0}))
        .isInstanceOf(FrameException.class).hasMessageContaining("status");
    assertThatThrownBy(() -> FrameCodec.decode(new byte[] {FrameCodec.AUTH, 1, 2}))
        .isInstanceOf(FrameException.class).hasMessageContaining("65");
    assertThatThrownBy(() -> FrameCodec.decode(new byte[] {FrameCodec.CHALLENGE, 1}))
        .isInstanceOf(FrameException.class).hasMessageContaining("nonce");
    assertThatThrownBy(() -> FrameCodec.decode(new byte[0])).isInstanceOf(FrameException.class);
    assertThatThrownBy(() -> FrameCodec.decode(new byte[FrameCodec.MAX_FRAME + 1])).isInstanceOf(FrameException.class);
    byte[] badUtf8 = {FrameCodec.RESET, 0, 0, 0, 1, 0, 1, (byte) 0xc3};
    assertThatThrownBy(() -> FrameCodec.decode(badUtf8)).isInstanceOf(FrameException.class).hasMessageContaining("UTF-8");
  }

  @Test
  void header_count_over_the_limit_is_refused() {
    byte[] open = {FrameCodec.RESPONSE, 0, 0, 0, 1, 0, (byte) 200, (byte) 0xff, (byte) 0xff};
    assertThatThrownBy(() -> FrameCodec.decode(open)).isInstanceOf(FrameException.class).hasMessageContaining("headers");
  }
}
