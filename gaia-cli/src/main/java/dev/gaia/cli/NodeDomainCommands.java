package dev.gaia.cli;

import dev.gaia.node.config.NodeConfig;
import dev.gaia.node.config.NodeConfigFile;
import dev.gaia.node.config.NodeHome;
import dev.gaia.protocol.identity.PassphraseSource;
import dev.gaia.protocol.identity.Signer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gaia node join|leave}: direct-mode domain membership. Join records the domain in
 * config.json (the node joins at every start, with a signed message); leave tells the domain with
 * a signed Leave and clears the fields.
 */
final class NodeDomainCommands {
  private NodeDomainCommands() {}

  private static Optional<PassphraseSource> flags(IdentityCommand.Passphrase p) {
    return p == null ? Optional.empty() : Optional.of(IdentityCommand.Passphrase.source(p, "Keystore passphrase: "));
  }

  private static boolean running(NodeHome h) {
    List<String> notes = new ArrayList<>();
    return new NodeSupervisor(h).running(notes).isPresent();
  }

  @Command(name = "join", description = "Join a domain (direct mode): the node joins it at every start.")
  static final class Join implements Callable<Integer> {
    @ParentCommand NodeCommand parent;
    @Mixin HomeOptions home;
    @ArgGroup(exclusive = true) IdentityCommand.Passphrase passphrase;

    @Parameters(index = "0", paramLabel = "DOMAIN_URL", description = "The domain's URL (https://... or a bare host, meaning https).")
    String domain;

    @Option(names = "--name", paramLabel = "NAME", required = true, description = "The domain's name, as its operator gave it.")
    String name;

    @Option(names = "--tunnel", description = "Dial out to the gateway through a tunnel: no open port or public URL needed.")
    boolean tunnel;

    @Option(names = "--public-url", paramLabel = "URL",
        description = "Where the domain's gateway reaches this node (default: http://<host>:<port> of the node).")
    String publicUrl;

    @Override
    public Integer call() {
      Main.Environment env = parent.root.env;
      NodeHome h = home.resolve(env);
      NodeConfig config = NodeCommand.requireConfig(h);
      NodeConfig updated = NodeConfigFile.set(NodeConfigFile.set(NodeConfigFile.set(config,
          "domain", domain), "domain_name", name), "public_url", publicUrl == null ? "" : publicUrl);
      updated = NodeConfigFile.set(updated, "domain_tunnel", Boolean.toString(tunnel));
      // Check the key now, not at the next start: no key, or a wrong passphrase, fails here.
      Signer key = DomainMembership.unlock(h, updated, flags(passphrase), true);
      new NodeConfigFile(h.configFile()).write(updated.withNode(updated.node().withAddress(key.address().value())));
      env.out().println("Domain set: " + updated.node().domainUrl().orElseThrow() + " (name " + name + "), node "
          + key.address());
      if (running(h)) {
        env.out().println("The node is running: restart it ('gaia node stop' then 'gaia node start') to join.");
      } else {
        env.out().println("The node joins at its next 'gaia node start' (passphrase from "
            + DomainMembership.PASSPHRASE_VARIABLE + " or config field passphrase_file).");
      }
      return 0;
    }
  }

  @Command(name = "leave", description = "Leave the domain (a signed Leave) and forget it in config.json.")
  static final class Leave implements Callable<Integer> {
    @ParentCommand NodeCommand parent;
    @Mixin HomeOptions home;
    @ArgGroup(exclusive = true) IdentityCommand.Passphrase passphrase;

    @Override
    public Integer call() {
      Main.Environment env = parent.root.env;
      NodeHome h = home.resolve(env);
      NodeConfig config = NodeCommand.requireConfig(h);
      if (config.node().domainUrl().isEmpty()) {
        env.out().println("This node is not in a domain.");
        return 0;
      }
      Signer key = DomainMembership.unlock(h, config, flags(passphrase), true);
      DomainMembership.leave(config, key);
      String domain = config.node().domainUrl().orElseThrow().toString();
      new NodeConfigFile(h.configFile()).write(config.withNode(config.node().withDomain("", "", Optional.empty())));
      env.out().println("Left domain " + domain + ".");
      if (running(h)) {
        env.out().println("The node still runs: restart it to stop its heartbeats.");
      }
      return 0;
    }
  }
}
