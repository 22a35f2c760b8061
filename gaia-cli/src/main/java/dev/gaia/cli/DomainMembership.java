package dev.gaia.cli;

import dev.gaia.node.config.NodeConfig;
import dev.gaia.node.config.NodeHome;
import dev.gaia.node.domain.DomainLink;
import dev.gaia.node.domain.NodeStatus;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.identity.Keystore;
import dev.gaia.protocol.identity.PassphraseSource;
import dev.gaia.protocol.identity.Signer;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The CLI's side of a node's domain membership: unlocking the home's key and joining the domain
 * named by config.json's {@code domain} field.
 *
 * <p>The passphrase comes from, in this order: the command's {@code --passphrase-env} / {@code
 * --passphrase-file} flags (join and leave), config.json's {@code passphrase_file}, the {@code
 * GAIA_PASSPHRASE} environment variable, and (join and leave only) a terminal prompt. A node
 * started in the background has no terminal, so it needs the variable or the file.
 */
final class DomainMembership {
  /** The variable a node process reads its keystore passphrase from. */
  static final String PASSPHRASE_VARIABLE = "GAIA_PASSPHRASE";

  static final Duration HEARTBEAT = Duration.ofSeconds(10);

  private DomainMembership() {}

  /**
   * The node's key when config.json names a domain; empty otherwise.
   *
   * @param flags the command's own passphrase source, if it was given one
   * @param prompt whether a terminal prompt may be the last resort
   */
  static Optional<Signer> unlockForDomain(NodeHome home, NodeConfig config, Optional<PassphraseSource> flags, boolean prompt) {
    if (config.node().domainUrl().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(unlock(home, config, flags, prompt));
  }

  static Signer unlock(NodeHome home, NodeConfig config, Optional<PassphraseSource> flags, boolean prompt) {
    Path file = IdentityCommand.keystore(home);
    if (!Files.isRegularFile(file)) {
      throw new GaiaException(ErrorKind.NOT_FOUND, "this node joins domain " + config.node().domain()
          + " but has no key at " + file + ": run 'gaia identity new' first", "keystore", "keystore_missing");
    }
    PassphraseSource source = flags.orElseGet(() -> config.node().passphraseFile()
        .<PassphraseSource>map(PassphraseSource.PassphraseFile::new)
        .orElseGet(() -> {
          String value = System.getenv(PASSPHRASE_VARIABLE);
          if ((value == null || value.isEmpty()) && prompt) {
            return new PassphraseSource.Prompt("Keystore passphrase: ");
          }
          return PassphraseSource.environment(PASSPHRASE_VARIABLE);
        }));
    char[] secret;
    try {
      secret = source.read();
    } catch (GaiaException e) {
      throw new GaiaException(e.kind(), "cannot unlock the node's key " + file + ": " + e.getMessage()
          + " (set " + PASSPHRASE_VARIABLE + " or config field passphrase_file)", null, e.code().orElse(null));
    }
    try {
      return Keystore.unlock(file, secret);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  /** A node's place in its domain: the membership link, and the tunnel when it dials out. */
  record Joined(DomainLink link, java.util.Optional<dev.gaia.node.tunnel.TunnelClient> tunnel) implements AutoCloseable {
    @Override
    public void close() {
      link.close(); // the Leave goes out while the tunnel is still up
      tunnel.ifPresent(dev.gaia.node.tunnel.TunnelClient::close);
    }
  }

  /** Joins the configured domain as {@code signer}, the node listening at {@code local}; prints the answer. */
  static Joined join(NodeConfig config, Signer signer, URI local, PrintWriter err) {
    URI domain = config.node().domainUrl().orElseThrow();
    java.util.Optional<dev.gaia.node.tunnel.TunnelClient> tunnel = java.util.Optional.empty();
    if (config.node().tunnel()) {
      URI ws = URI.create((domain.getScheme().equals("https") ? "wss" : "ws") + "://" + domain.getRawAuthority() + "/v1/domain/tunnel");
      dev.gaia.node.tunnel.TunnelClient client = dev.gaia.node.tunnel.TunnelClient.start(
          dev.gaia.node.tunnel.TunnelConfig.of(ws, local), signer, new java.util.Random());
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
      while (!client.ready() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (!client.ready()) {
        client.close();
        throw new GaiaException(ErrorKind.UNAVAILABLE, "could not open a tunnel to " + ws + " within 30 s");
      }
      err.println("Tunnel up to " + ws);
      tunnel = java.util.Optional.of(client);
    }
    try {
      return new Joined(joinDirectOrTunnelled(config, signer, local, err), tunnel);
    } catch (RuntimeException e) {
      tunnel.ifPresent(dev.gaia.node.tunnel.TunnelClient::close);
      throw e;
    }
  }

  private static DomainLink joinDirectOrTunnelled(NodeConfig config, Signer signer, URI local, PrintWriter err) {
    URI domain = config.node().domainUrl().orElseThrow();
    URI publicUrl = config.node().publicUrl().orElse(local);
    if (!config.node().tunnel() && config.node().publicUrl().isEmpty() && loopback(local) && !loopback(domain)) {
      err.println("warning: the domain " + domain + " is told to reach this node at " + local
          + ", a loopback address; set public_url (gaia node join ... --public-url URL) to an address it can reach");
    }
    DomainLink link = DomainLink.join(new DomainLink.Settings(domain, config.node().domainName(), publicUrl, HEARTBEAT,
            config.node().tunnel()),
        signer, NodeStatus.of(local), Clock.systemUTC(), new SecureRandom());
    DomainLink.Answer answer = link.answer();
    err.println("Joined domain " + domain + " as " + signer.address()
        + (config.node().tunnel() ? " (through a tunnel)" : " (reachable at " + publicUrl + ")") + ": "
        + answer.describe());
    if (answer.state().equals("pending")) {
      err.println("The domain's operator must approve this node before it gets traffic.");
    }
    return link;
  }

  private static boolean loopback(URI url) {
    String host = url.getHost() == null ? "" : url.getHost();
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
  }

  /** Sends a signed Leave to the configured domain. */
  static void leave(NodeConfig config, Signer signer) {
    URI domain = config.node().domainUrl().orElseThrow(() -> new GaiaException(ErrorKind.INVALID_REQUEST,
        "this node is not in a domain (config field domain is empty)", "domain", "no_domain"));
    if (config.node().domainName().isBlank()) {
      throw new GaiaException(ErrorKind.INVALID_REQUEST, "config field domain_name is empty; cannot address the domain",
          "domain_name", "domain_name_missing");
    }
    DomainLink.leave(domain, config.node().domainName(), signer, Clock.systemUTC(), new SecureRandom());
  }
}
