package dev.gaia.domain.gateway;

import dev.gaia.domain.routing.NodeEndpoint;
import dev.gaia.domain.routing.Outcome;
import dev.gaia.domain.routing.RouteRequest;
import dev.gaia.domain.routing.Router;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Takes the nodes in turn, skipping excluded ones and those without the model; records feedback. */
final class RoundRobinRouter implements Router {
  record Finished(String address, Outcome outcome) {}

  private final List<NodeEndpoint> nodes;
  private final AtomicInteger next = new AtomicInteger();
  final List<String> started = new CopyOnWriteArrayList<>();
  final List<Finished> finished = new CopyOnWriteArrayList<>();

  RoundRobinRouter(List<NodeEndpoint> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  @Override
  public Optional<NodeEndpoint> choose(RouteRequest request, Set<String> excluded) {
    List<NodeEndpoint> eligible = nodes.stream()
        .filter(n -> !excluded.contains(n.address()))
        .filter(n -> request.model().map(m -> n.models().contains(m)).orElse(true))
        .toList();
    if (eligible.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(eligible.get(Math.floorMod(next.getAndIncrement(), eligible.size())));
  }

  @Override
  public void started(String address) {
    started.add(address);
  }

  @Override
  public void finished(String address, Outcome outcome) {
    finished.add(new Finished(address, outcome));
  }

  @Override
  public List<NodeEndpoint> active() {
    return nodes;
  }

  Outcome outcomeOf(String address) {
    return finished.stream().filter(f -> f.address().equals(address)).reduce((a, b) -> b).orElseThrow().outcome();
  }
}
