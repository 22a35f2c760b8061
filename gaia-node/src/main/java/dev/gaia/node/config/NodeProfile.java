package dev.gaia.node.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who the node is and where it belongs.
 *
 * @param address the node's Ethereum-style address ({@code 0x} + 40 hex), or empty until a key
 *     exists; Gaia presets ship it empty
 * @param description free text shown in {@code /v1/info}
 * @param domain the domain the node joins: an {@code http(s)://} URL, or a bare host such as
 *     Gaia's {@code gaia.domains}, meaning {@code https://<host>}; empty for none; no whitespace
 * @param domainName the domain's own name, which every signed membership message carries (a
 *     gateway refuses a message for another name); needed when {@code domain} is set
 * @param publicUrl where the domain's gateway reaches this node; empty means {@code
 *     http://<host>:<port>} of the node itself
 * @param passphraseFile a file holding the keystore's passphrase, read at start when the node
 *     joins a domain; empty means the {@code GAIA_PASSPHRASE} environment variable. The user
 *     chooses to keep the passphrase in a file; Gaia never writes one.
 * @param tunnel join through a tunnel the node dials out to the gateway (no open port needed),
 *     instead of giving the gateway a URL to call
 */
public record NodeProfile(
    String address,
    String description,
    String domain,
    String domainName,
    Optional<URI> publicUrl,
    Optional<Path> passphraseFile,
    boolean tunnel) {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  public NodeProfile {
    Check.present(Keys.ADDRESS, address);
    if (!address.isEmpty() && !ADDRESS.matcher(address).matches()) {
      throw InvalidConfigException.of(
          Keys.ADDRESS, "must be empty or 0x followed by 40 hex digits, got \"" + address + "\"");
    }
    Check.present(Keys.DESCRIPTION, description);
    Check.token(Keys.DOMAIN, domain, true);
    domainUrl(domain); // validates
    Check.token(Keys.DOMAIN_NAME, domainName, true);
    Check.httpUrl(Keys.PUBLIC_URL, publicUrl);
    Check.present(Keys.PASSPHRASE_FILE, passphraseFile);
  }

  /** A profile with only Gaia's three fields; the rest empty. */
  public NodeProfile(String address, String description, String domain) {
    this(address, description, domain, "", Optional.empty(), Optional.empty(), false);
  }

  /** The domain's base URL: {@code domain} itself, or {@code https://<domain>} for a bare host. */
  public Optional<URI> domainUrl() {
    return domainUrl(domain);
  }

  public NodeProfile withAddress(String v) {
    return new NodeProfile(v, description, domain, domainName, publicUrl, passphraseFile, tunnel);
  }

  /** This profile joined to {@code url} (domain named {@code name}), reachable at {@code publicUrl}. */
  public NodeProfile withDomain(String url, String name, Optional<URI> publicUrl) {
    return new NodeProfile(address, description, url, name, publicUrl, passphraseFile, tunnel);
  }

  private static Optional<URI> domainUrl(String domain) {
    Objects.requireNonNull(domain, "domain");
    if (domain.isEmpty()) {
      return Optional.empty();
    }
    String text = domain.contains("://") ? domain : "https://" + domain;
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw InvalidConfigException.of(Keys.DOMAIN, "not a valid URL or host: \"" + domain + "\"");
    }
    return Check.httpUrl(Keys.DOMAIN, Optional.of(uri));
  }
}
