package dev.traininginputs.io;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a whole file so that it appears complete or not at all: into a temporary name beside it,
 * then renamed over the final name. Writing the same file again (a retried task, a speculative
 * copy) replaces it with identical content, so the pipeline's file writes are idempotent.
 */
final class LocalFiles {
  private LocalFiles() {}

  /** What fills a file. */
  interface Content {
    void writeTo(WritableByteChannel channel) throws IOException;
  }

  static void writeAtomically(Path file, Content content) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (WritableByteChannel channel = Files.newByteChannel(temporary,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        content.writeTo(channel);
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
