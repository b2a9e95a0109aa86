package dev.traininginputs.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;

/** Writing a file through Beam's file systems, whatever the storage: the one way files are made. */
public final class BeamFiles {
  private BeamFiles() {}

  /**
   * A new file (replacing one of that name) to write through. A write or close that fails (a full
   * disk, a refused request) names the file: {@code cannot write FILE: No space left on device}.
   */
  public static WritableByteChannel create(String file, String mimeType) throws IOException {
    try {
      return new Named(
          FileSystems.create(FileSystems.matchNewResource(file, false), mimeType), file);
    } catch (IOException e) {
      throw Named.failure(file, e);
    }
  }

  /** A whole small text file in UTF-8. */
  public static void writeText(String file, String text) throws IOException {
    try (OutputStream out = Channels.newOutputStream(create(file, "text/plain"))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A channel whose failures say which file they are about. */
  private static final class Named implements WritableByteChannel {
    private final WritableByteChannel channel;
    private final String file;

    Named(WritableByteChannel channel, String file) {
      this.channel = channel;
      this.file = file;
    }

    static IOException failure(String file, IOException cause) {
      if (cause instanceof StorageException) {
        return cause;
      }
      String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      // A remote error (HDFS) carries the server's stack trace after its first line.
      return new StorageException(
          "cannot write " + file + ": " + message.lines().findFirst().orElse(""), cause);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
      try {
        return channel.write(source);
      } catch (IOException e) {
        throw failure(file, e);
      }
    }

    @Override
    public boolean isOpen() {
      return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
      try {
        channel.close();
      } catch (IOException e) {
        throw failure(file, e);
      }
    }
  }
}
