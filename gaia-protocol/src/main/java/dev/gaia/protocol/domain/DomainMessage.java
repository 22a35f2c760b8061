package dev.gaia.protocol.domain;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state-changing messages a node sends its domain, always inside a
 * {@link dev.gaia.protocol.identity.SignedEnvelope} signed by the node's key (the envelope's
 * signer is the node's id). The {@code type} field tells them apart on the wire.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DomainMessage.Join.class, name = "join"),
  @JsonSubTypes.Type(value = DomainMessage.Heartbeat.class, name = "heartbeat"),
  @JsonSubTypes.Type(value = DomainMessage.Leave.class, name = "leave")
})
public sealed interface DomainMessage {

  /** The domain this message is meant for: a message for one domain is refused by any other. */
  String domain();

  /**
   * Asks to join. {@code url} is where the gateway can reach the node (direct mode), empty when
   * the node dials out through a tunnel.
   */
  record Join(String domain, Optional<URI> url, boolean tunnel, List<ServedModel> models, List<ServedKnowledge> knowledge)
      implements DomainMessage {
    public Join {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(url, "url");
      models = List.copyOf(models);
      knowledge = List.copyOf(knowledge);
      if (!tunnel && url.isEmpty()) {
        throw new IllegalArgumentException("a node that is not tunnelled must give a URL");
      }
    }
  }

  /** I am alive; {@code busy} and {@code queued} are the node's slot load at sending time. */
  record Heartbeat(String domain, int busy, int queued) implements DomainMessage {
    public Heartbeat {
      Objects.requireNonNull(domain, "domain");
    }
  }

  /** Stop sending me traffic and forget me. */
  record Leave(String domain) implements DomainMessage {
    public Leave {
      Objects.requireNonNull(domain, "domain");
    }
  }

  /** A model the node serves: its id and the SHA-256 of its file (what admission checks). */
  record ServedModel(String id, String type, String sha256) {
    public ServedModel {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(type, "type");
    }
  }

  /** A knowledge base the node serves. */
  record ServedKnowledge(String name, String contentId) {
    public ServedKnowledge {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(contentId, "contentId");
    }
  }
}
