package dev.traininginputs.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Reading, listing and writing files through Beam's file systems, whatever the storage: the one way
 * files are opened, matched and made. A failure names the file ({@link StorageException}),
 * including the unchecked ones some storage clients throw from the middle of a read (S3's {@code
 * 503 SlowDown}).
 */
public final class BeamFiles {
  private BeamFiles() {}

  /**
   * What a pattern matches; nothing when nothing is there. A match the store failed to answer
   * (throttled, a server error) throws, naming the pattern: it must never read as "absent", or a
   * partition would be skipped or a publish step left out for a file that is there. So must a
   * request that never got an answer (S3's client throws a reset connection unchecked).
   */
  public static List<MatchResult.Metadata> match(String pattern) throws IOException {
    MatchResult match =
        named("cannot list ", pattern, () -> FileSystems.match(pattern, EmptyMatchTreatment.ALLOW));
    if (match.status() == MatchResult.Status.NOT_FOUND) {
      return List.of();
    }
    return named("cannot list ", pattern, match::metadata);
  }

  /** An existing file to read, seekable (every storage here gives seekable channels). */
  public static SeekableByteChannel open(ResourceId file) throws IOException {
    String name = file.toString();
    return new Reads(
        named("cannot read ", name, () -> (SeekableByteChannel) FileSystems.open(file)), name);
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
    return new Writes(
        named(
            "cannot write ",
            file,
            () -> FileSystems.create(FileSystems.matchNewResource(file, false), mimeType)),
        file);
  }

  /** A whole small text file in UTF-8. */
  public static void writeText(String file, String text) throws IOException {
    try (OutputStream out = Channels.newOutputStream(create(file, "text/plain"))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Copies one file to another path (on an object store, a server-side copy). */
  public static void copy(String from, String to) throws IOException {
    transfer("copy", from, to, FileSystems::copy);
  }

  /** Moves one file to another path; the storage decides how (a rename, or a copy and a delete). */
  public static void rename(String from, String to) throws IOException {
    transfer("rename", from, to, FileSystems::rename);
  }

  /** Beam's copy or rename, of lists of files. */
  private interface Transfer {
    void apply(List<ResourceId> from, List<ResourceId> to) throws IOException;
  }

  private static void transfer(String verb, String from, String to, Transfer transfer)
      throws IOException {
    named(
        "cannot " + verb + " " + from + " to ",
        to,
        () -> {
          transfer.apply(List.of(resource(from)), List.of(resource(to)));
          return null;
        });
  }

  /** Deletes files; one already gone is no failure. */
  public static void delete(List<ResourceId> files) throws IOException {
    if (files.isEmpty()) {
      return;
    }
    String first = files.get(0).toString();
    named(
        "cannot delete ",
        files.size() == 1 ? first : first + " and " + (files.size() - 1) + " more",
        () -> {
          FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
          return null;
        });
  }

  private static ResourceId resource(String file) {
    return FileSystems.matchNewResource(file, false);
  }

  /** An operation on a file that may fail, checked or not. */
  private interface Call<T> {
    T call() throws IOException;
  }

  /**
   * Runs {@code call}; a failure becomes a {@link StorageException} saying what was being done to
   * which file, on one line (a remote error carries the server's stack trace after its first). "No
   * such file" stays what it is: an answer that callers ask for, not a fault.
   */
  private static <T> T named(String doing, String file, Call<T> call) throws IOException {
    try {
      return call.call();
    } catch (StorageException | FileNotFoundException | NoSuchFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new StorageException(doing + file + ": " + message.lines().findFirst().orElse(""), e);
    }
  }

  private static void closeNamed(String doing, String file, java.nio.channels.Channel channel)
      throws IOException {
    named(
        doing,
        file,
        () -> {
          channel.close();
          return null;
        });
  }

  /** A read channel whose failures say which file they are about. */
  private static final class Reads implements SeekableByteChannel {
    private final SeekableByteChannel channel;
    private final String file;

    Reads(SeekableByteChannel channel, String file) {
      this.channel = channel;
      this.file = file;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
      return named("cannot read ", file, () -> channel.read(target));
    }

    @Override
    public long position() throws IOException {
      return named("cannot read ", file, channel::position);
    }

    @Override
    public SeekableByteChannel position(long position) throws IOException {
      named("cannot read ", file, () -> channel.position(position));
      return this;
    }

    @Override
    public long size() throws IOException {
      return named("cannot read ", file, channel::size);
    }

    @Override
    public int write(ByteBuffer source) {
      throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
      return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
      closeNamed("cannot read ", file, channel);
    }
  }

  /** A write channel whose failures say which file they are about. */
  private static final class Writes implements WritableByteChannel {
    private final WritableByteChannel channel;
    private final String file;

    Writes(WritableByteChannel channel, String file) {
      this.channel = channel;
      this.file = file;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
      return named("cannot write ", file, () -> channel.write(source));
    }

    @Override
    public boolean isOpen() {
      return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
      closeNamed("cannot write ", file, channel);
    }
  }
}
