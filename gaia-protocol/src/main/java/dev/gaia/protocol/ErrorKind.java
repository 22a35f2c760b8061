package dev.gaia.protocol;

/**
 * The closed set of failures the system reports to clients. Each kind fixes the HTTP status and
 * the OpenAI {@code error.type}; whether a caller may retry follows from the kind alone.
 */
public enum ErrorKind {
  INVALID_REQUEST(400, "invalid_request_error", false),
  CONTEXT_OVERFLOW(400, "invalid_request_error", false),
  UNAUTHORIZED(401, "authentication_error", false),
  NOT_FOUND(404, "not_found_error", false),
  METHOD_NOT_ALLOWED(405, "invalid_request_error", false),
  PAYLOAD_TOO_LARGE(413, "invalid_request_error", false),
  UNSUPPORTED_MEDIA_TYPE(415, "invalid_request_error", false),
  RATE_LIMITED(429, "rate_limit_error", true),
  INTERNAL(500, "server_error", true),
  OVERLOADED(503, "server_overloaded", true),
  UNAVAILABLE(503, "service_unavailable", true);

  private final int status;
  private final String type;
  private final boolean retriable;

  ErrorKind(int status, String type, boolean retriable) {
    this.status = status;
    this.type = type;
    this.retriable = retriable;
  }

  public int status() {
    return status;
  }

  /** The OpenAI {@code error.type} string. */
  public String type() {
    return type;
  }

  public boolean retriable() {
    return retriable;
  }
}
