package dev.traininginputs.storage;

import java.io.BufferedOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * Iceberg's {@link FileIO} over Beam's file systems: an Iceberg table's metadata and data files are
 * read and written through the same storage layer, and the same options ({@code --s3Endpoint},
 * {@code --hdfsConfiguration}, ...), as everything else of a run. A catalog given no {@code
 * io-impl} of its own uses it.
 */
public final class BeamFileIO implements FileIO {

  @Override
  public InputFile newInputFile(String path) {
    return new In(path, -1);
  }

  @Override
  public InputFile newInputFile(String path, long length) {
    return new In(path, length);
  }

  @Override
  public OutputFile newOutputFile(String path) {
    return new Out(path);
  }

  @Override
  public void deleteFile(String path) {
    try {
      BeamFiles.delete(List.of(FileSystems.matchNewResource(path, false)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record In(String location, long knownLength) implements InputFile {
    @Override
    public long getLength() {
      if (knownLength >= 0) {
        return knownLength;
      }
      try {
        return FileSystems.matchSingleFileSpec(location).sizeBytes();
      } catch (FileNotFoundException e) {
        throw new NotFoundException(e, "%s does not exist", location);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot look up " + location, e);
      }
    }

    @Override
    public SeekableInputStream newStream() {
      SeekableByteChannel channel;
      try {
        channel = BeamFiles.open(location);
      } catch (FileNotFoundException e) {
        throw new NotFoundException(e, "%s does not exist", location);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new ChannelInputStream(channel);
    }

    @Override
    public boolean exists() {
      try {
        return !BeamFiles.match(location).isEmpty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private record Out(String location) implements OutputFile {
    @Override
    public PositionOutputStream create() {
      if (toInputFile().exists()) {
        throw new AlreadyExistsException("%s already exists", location);
      }
      return createOrOverwrite();
    }

    @Override
    public PositionOutputStream createOrOverwrite() {
      try {
        return new ChannelOutputStream(
            new BufferedOutputStream(
                Channels.newOutputStream(BeamFiles.create(location, "application/octet-stream")),
                1 << 16));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public InputFile toInputFile() {
      return new In(location, -1);
    }
  }

  private static final class ChannelInputStream extends SeekableInputStream {
    private final SeekableByteChannel channel;
    private final java.io.InputStream in;

    ChannelInputStream(SeekableByteChannel channel) {
      this.channel = channel;
      this.in = Channels.newInputStream(channel);
    }

    @Override
    public long getPos() throws IOException {
      return channel.position();
    }

    @Override
    public void seek(long position) throws IOException {
      channel.position(position);
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  private static final class ChannelOutputStream extends PositionOutputStream {
    private final OutputStream out;
    private long position;
    private boolean closed;

    ChannelOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      position += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    /** Once: Iceberg's writers may close twice, and S3 completes its upload at the first. */
    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        out.close();
      }
    }
  }
}
