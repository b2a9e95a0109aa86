package dev.traininginputs.output;

import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;

/**
 * One run at a time on an output: {@code OUTPUT/_lock} (hidden from Parquet readers by its
 * underscore), created only if absent, holding the run id, process id, host and start time of the
 * run that holds it. A second run refuses to start and names the first. A lock whose process is
 * gone (same host, no such live process: the run was killed) is stale and taken over; a lock of
 * another host is never guessed stale.
 */
final class OutputLock {
  static final String NAME = "_lock";
  private static final int RELEASE_ATTEMPTS = 5;

  private final OutputStore store;
  private final String file;
  private final String content;

  private OutputLock(OutputStore store, String file, String content) {
    this.store = store;
    this.file = file;
    this.content = content;
  }

  static OutputLock acquire(OutputStore store, String output, String runId) {
    String file = OutputStore.join(output, NAME);
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
      for (int attempt = 0; ; attempt++) {
        if (store.createNew(file, content)) {
          return new OutputLock(store, file, content);
        }
        String holder = holder(store, file);
        if (attempt == 0 && isStale(holder)) {
          store.delete(file);
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
    } catch (IOException e) {
      // The lock may have been written before the failure (a write that succeeded, its read-back
      // that failed): take it away again if it is ours, or it would keep every later run out.
      try {
        new OutputLock(store, file, content).release();
      } catch (UncheckedIOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw new RunRefusedException(
          "--output="
              + output
              + " cannot be locked: "
              + e.getMessage().lines().findFirst().orElse(""),
          e);
    }
  }

  /**
   * What the lock says of the run that holds it. A lock that a run is creating at this instant may
   * still be empty (on local disks and HDFS a file is created, then written): read it again, for up
   * to a second, until it says.
   */
  private static String holder(OutputStore store, String file) throws IOException {
    String holder = "";
    for (int attempt = 0; attempt < 20 && holder.isEmpty(); attempt++) {
      if (attempt > 0) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while reading " + file, e);
        }
      }
      holder = store.read(file).orElse("");
    }
    return holder;
  }

  /**
   * Deletes the lock if it is still this run's. A storage that fails the request is asked again, a
   * few times: a lock left behind would keep every later run out until someone deletes it.
   */
  void release() {
    for (int attempt = 1; ; attempt++) {
      try {
        if (store.read(file).map(content::equals).orElse(false)) {
          store.delete(file);
        }
        return;
      } catch (IOException e) {
        if (attempt == RELEASE_ATTEMPTS) {
          throw new UncheckedIOException(
              "cannot release " + file + " (delete it before the next run): " + e.getMessage(), e);
        }
        try {
          Thread.sleep(200L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new UncheckedIOException("interrupted while releasing " + file, e);
        }
      }
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

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
