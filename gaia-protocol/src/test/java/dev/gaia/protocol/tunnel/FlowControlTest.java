package dev.gaia.protocol.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlowControlTest {
  @Test
  void sender_stops_at_the_window_and_resumes_on_grant() {
    var send = new FlowControl.SendWindow(100);
    send.spend(60);
    assertThat(send.available()).isEqualTo(40);
    send.spend(40);
    assertThat(send.available()).isZero();
    assertThatThrownBy(() -> send.spend(1)).isInstanceOf(IllegalStateException.class);
    send.grant(50);
    assertThat(send.available()).isEqualTo(50);
  }

  @Test
  void overflowing_or_empty_grants_are_malformed() {
    var send = new FlowControl.SendWindow(Integer.MAX_VALUE - 1);
    assertThatThrownBy(() -> send.grant(2)).isInstanceOf(FrameException.class);
    assertThatThrownBy(() -> send.grant(0)).isInstanceOf(FrameException.class);
  }

  @Test
  void receiver_batches_grants_until_half_a_window() {
    var receive = new FlowControl.ReceiveWindow(100);
    receive.received(100);
    assertThat(receive.remaining()).isZero();
    assertThat(receive.consumed(30)).isZero();
    assertThat(receive.consumed(30)).isEqualTo(60);
    assertThat(receive.remaining()).isEqualTo(60);
  }

  @Test
  void receiver_refuses_bytes_past_the_credit() {
    var receive = new FlowControl.ReceiveWindow(100);
    receive.received(90);
    assertThatThrownBy(() -> receive.received(11)).isInstanceOf(FrameException.class).hasMessageContaining("credit");
  }

  /**
   * A sender and a receiver with a slow consumer, driven by a seeded random schedule: the bytes
   * buffered at the receiver never exceed one window, every byte arrives, and nothing stalls.
   */
  @Test
  void random_schedules_never_buffer_more_than_a_window() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    int window = 1 + random.nextInt(1000);
    var send = new FlowControl.SendWindow(window);
    var receive = new FlowControl.ReceiveWindow(window);
    long total = 100_000, sent = 0, delivered = 0;
    long buffered = 0;
    ArrayDeque<Integer> inFlightGrants = new ArrayDeque<>();
    for (int step = 0; delivered < total; step++) {
      assertThat(step).as("seed %d stalled", seed).isLessThan(10_000_000);
      switch (random.nextInt(3)) {
        case 0 -> {
          int n = (int) Math.min(Math.min(send.available(), total - sent), 1 + random.nextInt(300));
          if (n > 0) {
            send.spend(n);
            receive.received(n);
            sent += n;
            buffered += n;
          }
        }
        case 1 -> {
          int n = (int) Math.min(buffered, 1 + random.nextInt(200));
          buffered -= n;
          delivered += n;
          int grant = receive.consumed(n);
          if (grant > 0) {
            inFlightGrants.add(grant);
          }
        }
        default -> {
          if (!inFlightGrants.isEmpty()) {
            send.grant(inFlightGrants.poll());
          }
        }
      }
      assertThat(buffered).as("seed %d", seed).isLessThanOrEqualTo(window);
    }
    assertThat(delivered).isEqualTo(total);
  }
}
