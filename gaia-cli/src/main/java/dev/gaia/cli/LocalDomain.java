package dev.gaia.cli;

import dev.gaia.domain.store.DomainConfig;
import dev.gaia.domain.store.DomainStore;
import dev.gaia.domain.store.DomainStores;
import dev.gaia.domain.store.JoinPolicy;
import dev.gaia.node.config.NodeHome;
import dev.gaia.protocol.identity.Kdf;
import dev.gaia.protocol.identity.Keystore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code gaia up} puts in front of a local node: a domain gateway named {@code local} (open:
 * no client keys), the node's identity, and the node joined to it through a tunnel, so clients and
 * the browser use one URL, as they would with a real domain.
 *
 * <p>The node's keystore needs a passphrase at every start of a background node. Here a random one
 * is generated and kept in {@code secrets/<node>.passphrase} (owner-only) in the folder above the
 * node home, never beside the key; an operator who wants a prompt or an environment variable
 * creates the key with {@code gaia identity new} first.
 */
final class LocalDomain {
  static final String NAME = "local";

  private final NodeHome node;
  private final Path home;

  LocalDomain(NodeHome node) {
    this.node = node;
    Path root = node.root();
    this.home = root.getFileName().toString().equals("node")
        ? root.resolveSibling("domain")
        : root.resolveSibling(root.getFileName() + "-domain");
  }

  Path home() {
    return home;
  }

  /** Creates the domain home on first use; {@code port} is the one URL clients will use. */
  void initOnce(int port) {
    if (Files.exists(DomainSettings.file(home))) {
      return;
    }
    DomainSettings settings = new DomainSettings("127.0.0.1", port, "", "least-loaded", 30);
    try (DomainStore store = DomainStores.open(settings.storeTarget(home))) {
      store.saveConfig(new DomainConfig(NAME, JoinPolicy.OPEN, Set.of(), true));
    }
    settings.write(home);
  }

  /** Starts the gateway unless it runs; returns its URL. */
  String start() throws InterruptedException {
    ServiceFiles files = DomainCommand.files(home);
    if (new NodeSupervisor(files, DomainCommand.FOREGROUND).running(new ArrayList<>()).isPresent()) {
      Optional<NodeState> state = NodeState.read(files);
      if (state.isPresent()) {
        return state.get().url();
      }
    }
    return DomainCommand.Start.startBackground(home, DomainSettings.read(home)).url();
  }

  /** Gives the node a key (with a generated passphrase) unless it has one, and joins it by tunnel. */
  void joinNode(String domainUrl) {
    Path keystore = IdentityCommand.keystore(node);
    Path secret = node.root().resolveSibling("secrets").resolve(node.root().getFileName() + ".passphrase");
    if (!Files.exists(keystore)) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String passphrase = HexFormat.of().formatHex(random);
      try {
        Files.createDirectories(secret.getParent());
        Files.deleteIfExists(secret);
        Files.createFile(secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(secret, passphrase);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Keystore.generate(passphrase.toCharArray(), Kdf.Scrypt.STANDARD, new SecureRandom()).write(keystore);
      node.config().set("passphrase_file", secret.toString());
    }
    node.config().set("domain", domainUrl);
    node.config().set("domain_name", NAME);
    node.config().set("domain_tunnel", "true");
  }

  /** Stops the gateway (for {@code gaia node stop --all} and tests). */
  void stop() throws InterruptedException {
    NodeSupervisor supervisor = new NodeSupervisor(DomainCommand.files(home), DomainCommand.FOREGROUND);
    var running = supervisor.running(new ArrayList<>());
    if (running.isPresent()) {
      supervisor.stop(running.get(), java.time.Duration.ofSeconds(30));
    }
  }
}
