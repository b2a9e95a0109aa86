package dev.traininginputs.output;

import dev.traininginputs.options.RunRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One run at a time on an output: {@code OUTPUT/_lock} (hidden from Parquet readers by its
 * underscore), created atomically, holding the run id, process id, host and start time of the run
 * that holds it. A second run refuses to start and names the first. A lock whose process is gone
 * (same host, no such live process: the run was killed) is stale and taken over.
 */
final class OutputLock {
  static final String NAME = "_lock";

  private final Path file;
  private final String content;

  private OutputLock(Path file, String content) {
    this.file = file;
    this.content = content;
  }

  static OutputLock acquire(Path output, String runId) {
    Path file = output.resolve(NAME);
    ProcessHandle self = ProcessHandle.current();
    String content =
        "run="
            + runId
            + "\npid="
            + self.pid()
            + "\nhost="
            + host()
            + "\nstarted="
            + Instant.now()
            + "\n";
    try {
      Files.createDirectories(output);
      for (int attempt = 0; ; attempt++) {
        try {
          Files.writeString(
              file, content, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
          return new OutputLock(file, content);
        } catch (FileAlreadyExistsException e) {
          String holder = read(file).orElse("");
          if (attempt == 0 && isStale(holder)) {
            Files.deleteIfExists(file);
            continue;
          }
          throw new RunRefusedException(
              "--output="
                  + output
                  + " is in use by another run ("
                  + holder.strip().replace('\n', ' ')
                  + "); if that run is gone, delete "
                  + file);
        }
      }
    } catch (IOException e) {
      throw new RunRefusedException(
          "--output=" + output + " cannot be locked: " + e.getMessage(), e);
    }
  }

  /** Deletes the lock if it is still this run's. */
  void release() {
    try {
      if (read(file).map(content::equals).orElse(false)) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release " + file, e);
    }
  }

  /** Held by a process of this host that no longer runs. */
  static boolean isStale(String holder) {
    String host = field(holder, "host");
    String pid = field(holder, "pid");
    if (!host().equals(host) || pid.isEmpty()) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String field(String holder, String name) {
    for (String line : holder.split("\n")) {
      if (line.startsWith(name + "=")) {
        return line.substring(name.length() + 1).strip();
      }
    }
    return "";
  }

  private static Optional<String> read(Path file) throws IOException {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
