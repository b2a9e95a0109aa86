package dev.traininginputs.input;

/**
 * An input file that stopped being readable during the run (cut short, corrupt compression, gone):
 * the run fails with a message naming the source, the file and the last line read.
 */
public final class UnreadableFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnreadableFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
