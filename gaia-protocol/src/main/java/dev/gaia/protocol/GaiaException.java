package dev.gaia.protocol;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one unchecked exception of the system. Its message is safe to show to a client; the HTTP
 * edge maps it to an OpenAI-shaped error body exactly once ({@link ErrorBody#of(GaiaException)}).
 *
 * <p>{@code param} names the offending request field or config key (null when none), {@code code}
 * is a stable machine-readable reason such as {@code "context_length_exceeded"} (null when none),
 * and {@code retryAfter} is set for overload and rate-limit failures.
 */
public class GaiaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;
  private final String param;
  private final String code;
  private final Duration retryAfter;

  public GaiaException(ErrorKind kind, String message) {
    this(kind, message, null, null, null, null);
  }

  public GaiaException(ErrorKind kind, String message, String param, String code) {
    this(kind, message, param, code, null, null);
  }

  public GaiaException(
      ErrorKind kind, String message, String param, String code, Duration retryAfter, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.param = param;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  public static GaiaException invalid(String param, String message) {
    return new GaiaException(ErrorKind.INVALID_REQUEST, message, param, "invalid_value");
  }

  public static GaiaException notFound(String param, String message) {
    return new GaiaException(ErrorKind.NOT_FOUND, message, param, "not_found");
  }

  public static GaiaException overloaded(String message, Duration retryAfter) {
    return new GaiaException(ErrorKind.OVERLOADED, message, null, "queue_full", retryAfter, null);
  }

  public static GaiaException internal(String message, Throwable cause) {
    return new GaiaException(ErrorKind.INTERNAL, message, null, "internal_error", null, cause);
  }

  public ErrorKind kind() {
    return kind;
  }

  public Optional<String> param() {
    return Optional.ofNullable(param);
  }

  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public boolean retriable() {
    return kind.retriable();
  }
}
