package dev.traininginputs.options;

/**
 * The run cannot start, or its output cannot be committed, for a reason the user can fix: a missing
 * input, a missing column, a bad option, an output that already holds a day. The message is one
 * line that names what is wrong.
 */
public final class RunRefusedException extends RuntimeException {
  public RunRefusedException(String message) {
    super(message);
  }

  public RunRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
