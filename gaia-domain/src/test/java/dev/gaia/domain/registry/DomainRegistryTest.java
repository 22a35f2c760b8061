package dev.gaia.domain.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.gaia.domain.routing.HalfLife;
import dev.gaia.domain.routing.NodePool;
import dev.gaia.domain.routing.OutlierDetector;
import dev.gaia.domain.routing.OutlierSettings;
import dev.gaia.domain.store.DomainConfig;
import dev.gaia.domain.store.DomainStore;
import dev.gaia.domain.store.DomainStores;
import dev.gaia.domain.store.JoinPolicy;
import dev.gaia.domain.store.NodeState;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.Json;
import dev.gaia.protocol.domain.DomainMessage;
import dev.gaia.protocol.identity.EnvelopeVerifier;
import dev.gaia.protocol.identity.Envelopes;
import dev.gaia.protocol.identity.SignedEnvelope;
import dev.gaia.protocol.identity.Signer;
import dev.gaia.protocol.identity.Signers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Joining a domain with signed messages, against a stub node on a real socket. */
class DomainRegistryTest {
  static final String MODEL_HASH = "ab".repeat(32);
  static final SecureRandom RANDOM = new SecureRandom(new byte[] {7});

  HttpServer node;
  URI nodeUrl;
  DomainStore store;
  NodePool pool;
  DomainRegistry registry;
  final Signer key = Signers.generate(RANDOM);
  final Clock clock = Clock.systemUTC();

  @BeforeEach
  void start() throws Exception {
    node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    node.createContext("/v1/info", ex -> reply(ex, "{\"models\":[{\"id\":\"m\",\"sha256\":\"" + MODEL_HASH + "\"}]}"));
    node.createContext("/v1/chat/completions", ex -> reply(ex, "{\"choices\":[{\"message\":{\"content\":\"OK\"}}]}"));
    node.createContext("/v1/retrieve", ex -> reply(ex, "{\"points\":[],\"sources\":[{\"source\":\"install.md\"},{\"source\":\"faq.csv\"}]}"));
    node.start();
    nodeUrl = URI.create("http://127.0.0.1:" + node.getAddress().getPort());
    store = DomainStores.inMemory();
    store.saveConfig(new DomainConfig("demo", JoinPolicy.OPEN, Set.of(MODEL_HASH), false));
    pool = NodePool.create(new HalfLife.Requests(20), OutlierDetector.create(OutlierSettings.defaults(), clock), clock);
    registry = new DomainRegistry(store, pool, EnvelopeVerifier.create(clock),
        new HttpAdmissionProbe(HttpClient.newHttpClient(), Duration.ofSeconds(5)), clock);
  }

  @AfterEach
  void stop() {
    node.stop(0);
    store.close();
  }

  static void reply(com.sun.net.httpserver.HttpExchange ex, String body) throws java.io.IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  SignedEnvelope sealed(Signer signer, DomainMessage message) {
    JsonNode payload = Json.newMapper().valueToTree(message);
    return Envelopes.seal(signer, payload, clock, Duration.ofMinutes(1), RANDOM);
  }

  DomainMessage join(String domain, String hash) {
    return new DomainMessage.Join(domain, Optional.of(nodeUrl), false,
        List.of(new DomainMessage.ServedModel("m", "chat", hash)), List.of());
  }

  @Test
  void an_open_domain_probes_then_routes_to_a_joining_node() {
    var record = registry.join(sealed(key, join("demo", MODEL_HASH)));
    assertThat(record.state()).isEqualTo(NodeState.ACTIVE);
    assertThat(pool.endpoints()).singleElement().satisfies(e -> {
      assertThat(e.address()).isEqualTo(key.address().value());
      assertThat(e.baseUrl()).isEqualTo(nodeUrl);
    });
    assertThat(store.recentProbes(key.address(), 5)).singleElement().satisfies(p -> assertThat(p.passed()).isTrue());

    registry.heartbeat(sealed(key, new DomainMessage.Heartbeat("demo", 0, 0)));
    registry.leave(sealed(key, new DomainMessage.Leave("demo")));
    assertThat(pool.endpoints()).isEmpty();
    assertThat(store.node(key.address()).orElseThrow().state()).isEqualTo(NodeState.EJECTED);
  }

  @Test
  void a_node_without_the_required_model_file_is_not_admitted() {
    node.removeContext("/v1/info");
    node.createContext("/v1/info", ex -> reply(ex, "{\"models\":[{\"id\":\"m\",\"sha256\":\"" + "cd".repeat(32) + "\"}]}"));
    var record = registry.join(sealed(key, join("demo", "cd".repeat(32))));
    assertThat(record.state()).isEqualTo(NodeState.EJECTED);
    assertThat(record.note()).hasValueSatisfying(n -> assertThat(n).contains("required model"));
    assertThat(pool.endpoints()).isEmpty();
  }

  @Test
  void forged_replayed_and_foreign_joins_change_nothing() {
    SignedEnvelope good = sealed(key, join("demo", MODEL_HASH));
    ObjectNode tampered = good.toJson();
    ((ObjectNode) tampered.get("payload")).put("domain", "demo");
    ((ObjectNode) tampered.get("payload")).put("tunnel", true);
    assertThatThrownBy(() -> registry.join(SignedEnvelope.fromJson(tampered)))
        .isInstanceOfSatisfying(GaiaException.class, e -> assertThat(e.code()).hasValue("signature_invalid"));

    registry.join(good);
    assertThatThrownBy(() -> registry.join(good))
        .isInstanceOfSatisfying(GaiaException.class, e -> assertThat(e.code()).hasValue("replayed"));

    Signer other = Signers.generate(RANDOM);
    assertThatThrownBy(() -> registry.join(sealed(other, join("elsewhere", MODEL_HASH))))
        .isInstanceOfSatisfying(GaiaException.class, e -> assertThat(e.code()).hasValue("wrong_domain"));
    assertThat(store.node(other.address())).isEmpty();
    assertThatThrownBy(() -> registry.heartbeat(sealed(other, new DomainMessage.Heartbeat("demo", 0, 0))))
        .isInstanceOf(GaiaException.class).hasMessageContaining("has not joined");
  }

  @Test
  void an_approval_domain_keeps_nodes_pending_until_the_operator_approves() {
    store.saveConfig(new DomainConfig("demo", JoinPolicy.APPROVAL, Set.of(MODEL_HASH), false));
    assertThat(registry.join(sealed(key, join("demo", MODEL_HASH))).state()).isEqualTo(NodeState.PENDING);
    assertThat(pool.endpoints()).isEmpty();
    assertThat(registry.approve(key.address()).state()).isEqualTo(NodeState.ACTIVE);
    assertThat(pool.endpoints()).hasSize(1);
    assertThat(registry.eject(key.address(), "operator").state()).isEqualTo(NodeState.EJECTED);
    assertThat(pool.endpoints()).isEmpty();
  }

  @Test
  void an_unreachable_node_fails_admission_and_the_probe_is_recorded() {
    node.stop(0);
    var record = registry.join(sealed(key, join("demo", MODEL_HASH)));
    assertThat(record.state()).isEqualTo(NodeState.EJECTED);
    assertThat(store.recentProbes(key.address(), 1).getFirst().detail()).contains("unreachable");
  }

  @Test
  void restore_reprobes_the_active_nodes_of_a_restarted_gateway() {
    registry.join(sealed(key, join("demo", MODEL_HASH)));
    NodePool fresh = NodePool.create(new HalfLife.Requests(20), OutlierDetector.create(OutlierSettings.defaults(), clock), clock);
    new DomainRegistry(store, fresh, EnvelopeVerifier.create(clock),
        new HttpAdmissionProbe(HttpClient.newHttpClient(), Duration.ofSeconds(5)), clock).restore();
    assertThat(fresh.endpoints()).hasSize(1);
    assertThat(store.recentProbes(key.address(), 5)).hasSize(2);
  }

  @Test
  void a_domain_that_requires_knowledge_admits_only_nodes_that_retrieve_the_expected_source() {
    store.saveConfig(new DomainConfig("demo", JoinPolicy.OPEN, Set.of(MODEL_HASH), false,
        Optional.of(new DomainConfig.KnowledgeCanary("How do I install a node?", "install.md"))));
    assertThat(registry.join(sealed(key, join("demo", MODEL_HASH))).state()).isEqualTo(NodeState.ACTIVE);

    Signer other = Signers.generate(RANDOM);
    store.saveConfig(new DomainConfig("demo", JoinPolicy.OPEN, Set.of(MODEL_HASH), false,
        Optional.of(new DomainConfig.KnowledgeCanary("How do I install a node?", "setup-guide.md"))));
    var refused = registry.join(sealed(other, join("demo", MODEL_HASH)));
    assertThat(refused.state()).isEqualTo(NodeState.EJECTED);
    assertThat(refused.note()).hasValueSatisfying(n -> assertThat(n).contains("setup-guide.md").contains("install.md"));
  }
}
