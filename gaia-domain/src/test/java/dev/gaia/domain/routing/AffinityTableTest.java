package dev.gaia.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AffinityTableTest {

  @Test
  void one_stripe_is_an_exact_lru() {
    AffinityTable table = new AffinityTable(3, 1);
    table.pin("k1", "a");
    table.pin("k2", "b");
    table.pin("k3", "c");
    assertThat(table.get("k1")).hasValue("a"); // k1 becomes most recent
    table.pin("k4", "d"); // evicts k2, the least recently used
    assertThat(table.get("k2")).isEmpty();
    assertThat(table.get("k1")).hasValue("a");
    assertThat(table.get("k3")).hasValue("c");
    assertThat(table.get("k4")).hasValue("d");
    table.pin("k1", "e");
    assertThat(table.get("k1")).hasValue("e");
  }

  @Test
  void stays_bounded_under_many_keys() {
    AffinityTable table = AffinityTable.create(100);
    for (int i = 0; i < 100_000; i++) {
      table.pin("key-" + i, "node");
    }
    assertThat(table.size()).isBetween(90, 112);
    assertThat(table.get("key-99999")).hasValue("node");
  }
}
