package dev.traininginputs.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a whole file so that it appears complete or not at all: into a temporary name beside it,
 * then renamed over the final name. Writing the same file again (a retried task, a speculative
 * copy) replaces it with identical content, so the pipeline's file writes are idempotent.
 */
final class LocalFiles {
  private LocalFiles() {}

  /** What fills a file: writes the temporary path it is given. */
  interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  static void writeAtomically(Path file, Content content) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary =
        file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      content.writeTo(temporary);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
