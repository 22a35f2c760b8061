package dev.gaia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gaia.domain.DomainGateway;
import dev.gaia.domain.gateway.GatewayConfig;
import dev.gaia.domain.store.DomainConfig;
import dev.gaia.domain.store.DomainStore;
import dev.gaia.domain.store.DomainStores;
import dev.gaia.domain.store.JoinPolicy;
import dev.gaia.domain.store.NodeState;
import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.gguf.GgufFile;
import dev.gaia.inference.llama.LlamaEngineConfig;
import dev.gaia.inference.llama.LlamaEngines;
import dev.gaia.node.NodeServer;
import dev.gaia.node.NodeServerConfig;
import dev.gaia.protocol.Json;
import dev.gaia.protocol.domain.DomainMessage;
import dev.gaia.protocol.identity.Envelopes;
import dev.gaia.protocol.identity.Signer;
import dev.gaia.protocol.identity.Signers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A domain of two real nodes (llama.cpp on the tiny synthetic model) behind the gateway: nodes
 * join with signed messages, the official OpenAI SDK talks to the one domain URL, a dead node is
 * failed over, and a restarted gateway still knows its nodes, keys and usage.
 */
@Timeout(180)
class DomainEndToEndTest {
  static final ObjectMapper JSON = Json.newMapper();
  static final SecureRandom RANDOM = new SecureRandom();
  @TempDir Path tmp;
  final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  record Node(NodeServer server, Signer key) {}

  Node node(Path model, String sha256) {
    ChatEngine engine = LlamaEngines.jni(new LlamaEngineConfig(
        model, "tiny", sha256, GgufFile.read(model).architecture(), 512, 1, 1, 256, 256, Optional.empty()));
    open.add(engine);
    NodeServer server = NodeServer.start(NodeServerConfig.loopback(),
        new NodeServer.NodeModels(Optional.of(engine), Optional.empty(), List.of()), java.util.Map.of(), "test");
    open.add(server);
    return new Node(server, Signers.generate(RANDOM));
  }

  static HttpResponse<String> post(URI url, String body, String... headers) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpRequest.Builder b = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
          .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body));
      for (int i = 0; i < headers.length; i += 2) {
        b.header(headers[i], headers[i + 1]);
      }
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  static String join(DomainGateway domain, Node node, String sha256) throws Exception {
    DomainMessage join = new DomainMessage.Join("demo", Optional.of(node.server().url()), false,
        List.of(new DomainMessage.ServedModel("tiny", "chat", sha256)), List.of());
    ObjectNode envelope = Envelopes.seal(node.key(), JSON.valueToTree(join), Clock.systemUTC(), Duration.ofMinutes(1), RANDOM).toJson();
    HttpResponse<String> r = post(domain.url().resolve("/v1/domain/join"), JSON.writeValueAsString(envelope));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("state").asText();
  }

  @Test
  void two_nodes_one_url_failover_and_restart() throws Exception {
    LlamaEngines.useNativeFolder(tmp.resolve("native"));
    Path model = TinyNode.model();
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model)));
    Node a = node(model, sha256);
    Node b = node(model, sha256);

    Path db = tmp.resolve("domain.db");
    DomainStore store = DomainStores.open(db.toString());
    store.saveConfig(new DomainConfig("demo", JoinPolicy.OPEN, Set.of(sha256), false));
    String secret = store.createKey("test app", Optional.empty(), Optional.empty()).secret();
    DomainGateway.Settings settings = new DomainGateway.Settings(GatewayConfig.defaults("127.0.0.1", 0),
        DomainGateway.Policy.LEAST_LOADED, Optional.empty(), Duration.ofSeconds(30));
    DomainGateway domain = DomainGateway.start(settings, store, Clock.systemUTC());

    assertThat(join(domain, a, sha256)).isEqualTo("active");
    assertThat(join(domain, b, sha256)).isEqualTo("active");

    // A forged join (payload changed after signing) is refused and admits nobody.
    Node c = node(model, sha256);
    ObjectNode forged = Envelopes.seal(c.key(), JSON.valueToTree(new DomainMessage.Join("demo",
        Optional.of(c.server().url()), false, List.of(new DomainMessage.ServedModel("tiny", "chat", sha256)), List.of())),
        Clock.systemUTC(), Duration.ofMinutes(1), RANDOM).toJson();
    ((ObjectNode) forged.get("payload")).put("tunnel", true);
    assertThat(post(domain.url().resolve("/v1/domain/join"), JSON.writeValueAsString(forged)).statusCode()).isEqualTo(401);
    assertThat(domain.pool().endpoints()).hasSize(2);

    // Keys are required: no key, 401; the SDK with the key gets answers through one URL.
    assertThat(post(domain.url().resolve("/v1/chat/completions"), "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").statusCode())
        .isEqualTo(401);
    OpenAIClient sdk = OpenAIOkHttpClient.builder().baseUrl(domain.url() + "/v1").apiKey(secret).maxRetries(0)
        .timeout(Duration.ofSeconds(60)).build();
    try {
      ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("tiny")
          .addUserMessage("hello").maxCompletionTokens(4).temperature(0.0).build();
      ChatCompletion c1 = sdk.chat().completions().create(params);
      assertThat(c1.usage().orElseThrow().completionTokens()).isEqualTo(4);
      List<ChatCompletionChunk> chunks = new ArrayList<>();
      try (StreamResponse<ChatCompletionChunk> s = sdk.chat().completions().createStreaming(params)) {
        s.stream().forEach(chunks::add);
      }
      assertThat(chunks).isNotEmpty();

      Set<String> servedBy = new HashSet<>();
      for (int i = 0; i < 6; i++) {
        HttpResponse<String> r = post(domain.url().resolve("/v1/chat/completions"),
            "{\"messages\":[{\"role\":\"user\",\"content\":\"q" + i + "\"}],\"max_tokens\":2}", "Authorization", "Bearer " + secret);
        assertThat(r.statusCode()).isEqualTo(200);
        servedBy.add(r.headers().firstValue("x-gaia-node").orElseThrow());
      }
      assertThat(servedBy).isSubsetOf(Set.of(a.key().address().value(), b.key().address().value()));

      // Node a dies: every request still succeeds, on b.
      a.server().close();
      for (int i = 0; i < 4; i++) {
        HttpResponse<String> r = post(domain.url().resolve("/v1/chat/completions"),
            "{\"messages\":[{\"role\":\"user\",\"content\":\"after\"}],\"max_tokens\":2}", "Authorization", "Bearer " + secret);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-gaia-node")).hasValue(b.key().address().value());
      }
      assertThat(sdk.models().list().data()).extracting(m -> m.id()).contains("tiny");
    } finally {
      sdk.close();
    }
    String keyId = store.keys().getFirst().id();
    domain.close();
    store.close();

    // Restart on the same database: keys, usage and nodes are still there; b is re-admitted, a
    // (dead) is not.
    DomainStore reopened = DomainStores.open(db.toString());
    assertThat(reopened.usageOfKey(keyId).requests()).isGreaterThanOrEqualTo(12);
    DomainGateway again = DomainGateway.start(settings, reopened, Clock.systemUTC());
    open.add(reopened);
    open.add(again);
    assertThat(again.pool().endpoints()).extracting(e -> e.address()).containsExactly(b.key().address().value());
    assertThat(reopened.node(a.key().address()).orElseThrow().state()).isEqualTo(NodeState.EJECTED);
    HttpResponse<String> r = post(again.url().resolve("/v1/chat/completions"),
        "{\"messages\":[{\"role\":\"user\",\"content\":\"back\"}],\"max_tokens\":2}", "Authorization", "Bearer " + secret);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(2);
  }

  @Test
  void a_node_behind_a_tunnel_joins_and_serves_through_the_domain_url() throws Exception {
    LlamaEngines.useNativeFolder(tmp.resolve("native"));
    Path model = TinyNode.model();
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model)));
    Node hidden = node(model, sha256);
    DomainStore store = DomainStores.open(tmp.resolve("domain.db").toString());
    open.add(store);
    store.saveConfig(new DomainConfig("demo", JoinPolicy.OPEN, Set.of(sha256), true));
    DomainGateway domain = DomainGateway.start(new DomainGateway.Settings(GatewayConfig.defaults("127.0.0.1", 0),
        DomainGateway.Policy.LEAST_LOADED, Optional.empty(), Duration.ofSeconds(30)), store, Clock.systemUTC());
    open.add(domain);

    // The node dials out: the gateway never connects to it directly.
    dev.gaia.node.tunnel.TunnelClient tunnel = dev.gaia.node.tunnel.TunnelClient.start(
        dev.gaia.node.tunnel.TunnelConfig.of(domain.tunnelUrl(), hidden.server().url()), hidden.key(), new java.util.Random(1));
    open.add(tunnel);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!tunnel.ready() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(tunnel.ready()).isTrue();

    DomainMessage join = new DomainMessage.Join("demo", Optional.empty(), true,
        List.of(new DomainMessage.ServedModel("tiny", "chat", sha256)), List.of());
    ObjectNode envelope = Envelopes.seal(hidden.key(), JSON.valueToTree(join), Clock.systemUTC(), Duration.ofMinutes(1), RANDOM).toJson();
    HttpResponse<String> joined = post(domain.url().resolve("/v1/domain/join"), JSON.writeValueAsString(envelope));
    assertThat(JSON.readTree(joined.body()).get("state").asText()).as(joined.body()).isEqualTo("active");

    HttpResponse<String> r = post(domain.url().resolve("/v1/chat/completions"),
        "{\"messages\":[{\"role\":\"user\",\"content\":\"through the tunnel\"}],\"max_tokens\":3,\"stream\":true}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("x-gaia-node")).hasValue(hidden.key().address().value());
    assertThat(r.body()).contains("chat.completion.chunk").endsWith("data: [DONE]\n\n");
  }
}
