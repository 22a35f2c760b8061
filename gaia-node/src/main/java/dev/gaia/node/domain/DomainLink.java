package dev.gaia.node.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.domain.DomainMessage;
import dev.gaia.protocol.identity.Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A node's membership of one domain in direct mode: {@link #join} sends a signed Join with what the
 * node serves, then a signed Heartbeat every {@code heartbeat} (with the node's busy and queued
 * slots) on a daemon thread, and {@link #close()} sends a signed Leave.
 *
 * <p>A failed heartbeat is retried with doubling delays up to {@link #MAX_BACKOFF}; a heartbeat the
 * domain answers 404 (it has forgotten the node) makes the link join again. Thread-safe.
 */
public final class DomainLink implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DomainLink.class.getName());
  static final Duration MAX_BACKOFF = Duration.ofMinutes(2);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(15);

  /**
   * @param domain the domain gateway's base URL
   * @param domainName the domain's name, carried by every message
   * @param publicUrl where the gateway reaches this node (unused with {@code tunnel})
   * @param tunnel the node reaches the gateway through its tunnel instead
   * @param heartbeat time between heartbeats
   */
  public record Settings(URI domain, String domainName, URI publicUrl, Duration heartbeat, boolean tunnel) {
    /** Direct mode: the gateway calls {@code publicUrl}. */
    public Settings(URI domain, String domainName, URI publicUrl, Duration heartbeat) {
      this(domain, domainName, publicUrl, heartbeat, false);
    }

    public Settings {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(domainName, "domainName");
      Objects.requireNonNull(publicUrl, "publicUrl");
      if (heartbeat.isNegative() || heartbeat.isZero()) {
        throw new IllegalArgumentException("heartbeat must be positive, got " + heartbeat);
      }
      if (domainName.isBlank()) {
        throw new GaiaException(ErrorKind.INVALID_REQUEST,
            "the domain's name is not configured; set domain_name (gaia node join URL --name NAME)",
            "domain_name", "domain_name_missing");
      }
    }
  }

  /** The domain's answer to a join: the node's id, its state there and the domain's note. */
  public record Answer(String node, String state, String note) {
    /** For people: {@code active}, or {@code ejected (admission failed: ...)}. */
    public String describe() {
      return note.isBlank() || state.equals("active") ? state : state + " (" + note + ")";
    }
  }

  private final Settings settings;
  private final MembershipClient client;
  private final NodeStatus status;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Answer answer;
  private int failures; // scheduler thread only

  private DomainLink(Settings settings, MembershipClient client, NodeStatus status) {
    this.settings = settings;
    this.client = client;
    this.status = status;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(
        r -> Thread.ofPlatform().name("domain-heartbeat").daemon().unstarted(r));
  }

  /**
   * Joins now, then keeps sending heartbeats until closed.
   *
   * @param status what the node serves and its load (reads the node's own {@code /v1/info})
   * @throws GaiaException when the domain cannot be reached or refuses the join
   */
  public static DomainLink join(Settings settings, Signer signer, NodeStatus status, Clock clock, SecureRandom random) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    DomainLink link = new DomainLink(settings, new MembershipClient(settings.domain(), signer, clock, random, http), status);
    try {
      link.answer = link.sendJoin();
    } catch (RuntimeException e) {
      link.scheduler.shutdownNow();
      http.close();
      throw e;
    }
    link.scheduler.schedule(link::beat, settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
    return link;
  }

  /** Sends one signed Leave to {@code domain} for the node that {@code signer} holds the key of. */
  public static void leave(URI domain, String domainName, Signer signer, Clock clock, SecureRandom random) {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      new MembershipClient(domain, signer, clock, random, http)
          .send("leave", new DomainMessage.Leave(domainName), SHORT_TIMEOUT);
    }
  }

  /** The domain's latest answer to a join. */
  public Answer answer() {
    return answer;
  }

  private Answer sendJoin() {
    NodeStatus.Served served = status.served();
    JsonNode reply = client.send("join", new DomainMessage.Join(settings.domainName(),
        settings.tunnel() ? Optional.empty() : Optional.of(settings.publicUrl()),
        settings.tunnel(), served.models(), served.knowledge()), JOIN_TIMEOUT);
    return new Answer(reply.path("node").asText(client.signer().address().value()), reply.path("state").asText("unknown"),
        reply.path("note").asText(""));
  }

  private void beat() {
    if (closed.get()) {
      return;
    }
    Duration next = settings.heartbeat();
    try {
      NodeStatus.Load load = status.load();
      client.send("heartbeat", new DomainMessage.Heartbeat(settings.domainName(), load.busy(), load.queued()), SHORT_TIMEOUT);
      recovered();
    } catch (GaiaException e) {
      if (e.kind() == ErrorKind.NOT_FOUND && !closed.get()) {
        next = rejoin();
      } else {
        next = backoff(e);
      }
    } catch (RuntimeException e) {
      next = backoff(e);
    }
    if (!closed.get()) {
      scheduler.schedule(this::beat, next.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private Duration rejoin() {
    LOG.log(System.Logger.Level.WARNING, "domain " + settings.domain() + " has forgotten this node; joining again");
    try {
      answer = sendJoin();
      LOG.log(System.Logger.Level.INFO, "joined domain " + settings.domain() + " again: " + answer.describe());
      recovered();
      return settings.heartbeat();
    } catch (RuntimeException e) {
      return backoff(e);
    }
  }

  private void recovered() {
    if (failures > 0) {
      LOG.log(System.Logger.Level.INFO, "domain " + settings.domain() + " answers heartbeats again");
    }
    failures = 0;
  }

  private Duration backoff(RuntimeException e) {
    failures++;
    if (failures == 1) {
      LOG.log(System.Logger.Level.WARNING, "heartbeat to domain failed, retrying with backoff: " + e.getMessage());
    }
    long factor = 1L << Math.min(failures, 10);
    Duration delay = settings.heartbeat().multipliedBy(factor);
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }

  /** Stops heartbeats and sends a signed Leave; a Leave that fails is logged, not thrown. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      client.send("leave", new DomainMessage.Leave(settings.domainName()), SHORT_TIMEOUT);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not tell domain " + settings.domain() + " that this node leaves: "
          + e.getMessage());
    }
  }
}
