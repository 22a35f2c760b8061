package dev.gaia.protocol.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamSenderTest {
  private final List<Frame> sent = new ArrayList<>();
  private int drained;
  private final StreamSender sender =
      new StreamSender(7, 10, bytes -> sent.add(FrameCodec.decode(bytes)), () -> drained++);

  @Test
  void sends_within_credit_and_queues_the_rest() {
    assertThat(sender.write(new byte[] {1, 2, 3, 4})).isTrue();
    assertThat(sender.write(new byte[] {5, 6, 7, 8, 9, 10, 11, 12})).isFalse();
    assertThat(sender.queuedBytes()).isEqualTo(2);
    assertThat(body()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    sender.grant(100);
    assertThat(drained).isEqualTo(1);
    assertThat(sender.blocked()).isFalse();
    assertThat(body()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
  }

  @Test
  void end_waits_for_queued_bytes() {
    sender.write(new byte[15]);
    sender.end();
    assertThat(sent).noneMatch(f -> f instanceof Frame.End);
    sender.grant(3);
    assertThat(sent).noneMatch(f -> f instanceof Frame.End);
    sender.grant(2);
    assertThat(sent.getLast()).isEqualTo(new Frame.End(7));
    assertThat(drained).isZero();
  }

  @Test
  void splits_large_writes_into_frames_of_at_most_max_data() {
    var big = new StreamSender(1, 1 << 20, bytes -> sent.add(FrameCodec.decode(bytes)), () -> {});
    big.write(new byte[3 * FrameCodec.MAX_DATA + 5]);
    assertThat(sent).hasSize(4).allMatch(f -> ((Frame.Data) f).length() <= FrameCodec.MAX_DATA);
  }

  private byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Frame f : sent) {
      if (f instanceof Frame.Data d) {
        out.writeBytes(d.bytes());
      }
    }
    return out.toByteArray();
  }
}
