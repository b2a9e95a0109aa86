package dev.traininginputs.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Reading and writing a file through Beam's file systems, whatever the storage: the one way files
 * are opened and made. A failure names the file ({@link StorageException}), including the unchecked
 * ones some storage clients throw from the middle of a read (S3's {@code 503 SlowDown}).
 */
public final class BeamFiles {
  private BeamFiles() {}

  /**
   * What a pattern matches; nothing when nothing is there. A match the store failed to answer
   * (throttled, a server error) throws, naming the pattern: it must never read as "absent", or a
   * partition would be skipped or a publish step left out for a file that is there.
   */
  public static List<MatchResult.Metadata> match(String pattern) throws IOException {
    MatchResult match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
    if (match.status() == MatchResult.Status.NOT_FOUND) {
      return List.of();
    }
    try {
      return match.metadata();
    } catch (IOException e) {
      throw NamedReads.failure(pattern, "cannot list ", e);
    }
  }

  /** An existing file to read, seekable (every storage here gives seekable channels). */
  public static SeekableByteChannel open(ResourceId file) throws IOException {
    String name = file.toString();
    try {
      return new NamedReads((SeekableByteChannel) FileSystems.open(file), name);
    } catch (IOException | RuntimeException e) {
      throw NamedReads.failure(name, "cannot read ", e);
    }
  }

  /** {@link #open(ResourceId)} of a path or URI. */
  public static SeekableByteChannel open(String file) throws IOException {
    return open(FileSystems.matchNewResource(file, false));
  }

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

  /** A read channel whose failures, checked or not, say which file they are about. */
  private static final class NamedReads implements SeekableByteChannel {
    private final SeekableByteChannel channel;
    private final String file;

    NamedReads(SeekableByteChannel channel, String file) {
      this.channel = channel;
      this.file = file;
    }

    static IOException failure(String file, Exception cause) {
      return failure(file, "cannot read ", cause);
    }

    static IOException failure(String file, String doing, Exception cause) {
      if (cause instanceof StorageException storage) {
        return storage;
      }
      if (cause instanceof java.io.FileNotFoundException
          || cause instanceof java.nio.file.NoSuchFileException) {
        return (IOException) cause; // "no such file" is an answer, not a fault; callers ask it
      }
      String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      return new StorageException(
          doing + file + ": " + message.lines().findFirst().orElse(""), cause);
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
      try {
        return channel.read(target);
      } catch (IOException | RuntimeException e) {
        throw failure(file, e);
      }
    }

    @Override
    public int write(ByteBuffer source) {
      throw new java.nio.channels.NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
      try {
        return channel.position();
      } catch (IOException | RuntimeException e) {
        throw failure(file, e);
      }
    }

    @Override
    public SeekableByteChannel position(long position) throws IOException {
      try {
        channel.position(position);
        return this;
      } catch (IOException | RuntimeException e) {
        throw failure(file, e);
      }
    }

    @Override
    public long size() throws IOException {
      try {
        return channel.size();
      } catch (IOException | RuntimeException e) {
        throw failure(file, e);
      }
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new java.nio.channels.NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
      return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
      try {
        channel.close();
      } catch (IOException | RuntimeException e) {
        throw failure(file, e);
      }
    }
  }
}
