package dev.gaia.knowledge.load;

/**
 * A file that is not what its extension says, or is damaged. The message is the reason alone,
 * safe to show (no stack traces, no absolute paths); callers add the file's source name.
 */
final class UnreadableFile extends Exception {
  private static final long serialVersionUID = 1L;

  UnreadableFile(String reason) {
    super(reason);
  }

  UnreadableFile(String reason, Throwable cause) {
    super(reason, cause);
  }
}
