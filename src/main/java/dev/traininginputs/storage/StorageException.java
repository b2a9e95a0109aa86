package dev.traininginputs.storage;

import java.io.IOException;

/**
 * A storage operation that failed, with a message that names the path and the cause in one line
 * ({@code cannot write PATH: No space left on device}): what the user is told.
 */
public final class StorageException extends IOException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
