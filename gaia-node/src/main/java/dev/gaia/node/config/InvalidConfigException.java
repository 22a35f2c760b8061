package dev.gaia.node.config;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.util.Optional;

/**
 * A node configuration that cannot be used: malformed JSON, an unknown field, or a value out of
 * range. The message always names the field (Gaia's key, e.g. {@code chat_ctx_size}) and, once the
 * value came from a file, the file; {@link #param()} carries the field alone for machine use.
 */
public final class InvalidConfigException extends GaiaException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String origin;
  private final String detail;

  /** A failure not tied to one field (unreadable JSON, a top level that is not an object). */
  InvalidConfigException(String origin, String detail, Throwable cause) {
    this(null, origin, detail, cause);
  }

  InvalidConfigException(String field, String origin, String detail, Throwable cause) {
    super(
        ErrorKind.INVALID_REQUEST,
        compose(field, origin, detail),
        field,
        "invalid_config",
        null,
        cause);
    this.field = field;
    this.origin = origin;
    this.detail = detail;
  }

  /** A bad value for {@code field}, found before any file was involved. */
  static InvalidConfigException of(String field, String detail) {
    return new InvalidConfigException(field, null, detail, null);
  }

  /** The same failure, attributed to {@code origin} (a file path or "--config text"). */
  InvalidConfigException in(String newOrigin) {
    return origin != null ? this : new InvalidConfigException(field, newOrigin, detail, getCause());
  }

  /** The same failure, reported under the name the user wrote (an alias such as {@code port}). */
  InvalidConfigException as(String spelledField) {
    return spelledField.equals(field)
        ? this
        : new InvalidConfigException(spelledField, origin, detail, getCause());
  }

  /** Gaia's key of the offending field; empty for failures of the whole document. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** Where the configuration came from; empty when it was built in code. */
  public Optional<String> origin() {
    return Optional.ofNullable(origin);
  }

  private static String compose(String field, String origin, String detail) {
    StringBuilder s = new StringBuilder();
    if (origin != null) {
      s.append(origin).append(": ");
    }
    if (field != null) {
      s.append("field '").append(field).append("': ");
    }
    return s.append(detail).toString();
  }
}
