package dev.gaia.node.config;

import java.util.regex.Pattern;

/**
 * Who the node is and where it belongs.
 *
 * @param address the node's Ethereum-style address ({@code 0x} + 40 hex), or empty until a key
 *     exists; Gaia presets ship it empty
 * @param description free text shown in {@code /v1/info}
 * @param domain the domain the node joins (e.g. {@code gaia.domains}), empty for none; no
 *     whitespace
 */
public record NodeProfile(String address, String description, String domain) {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  public NodeProfile {
    Check.present(Keys.ADDRESS, address);
    if (!address.isEmpty() && !ADDRESS.matcher(address).matches()) {
      throw InvalidConfigException.of(
          Keys.ADDRESS, "must be empty or 0x followed by 40 hex digits, got \"" + address + "\"");
    }
    Check.present(Keys.DESCRIPTION, description);
    Check.token(Keys.DOMAIN, domain, true);
  }
}
