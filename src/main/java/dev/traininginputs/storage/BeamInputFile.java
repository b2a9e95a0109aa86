package dev.traininginputs.storage;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} over Beam's file systems, so that one reader serves local disks, HDFS
 * and S3 (their channels seek).
 */
public record BeamInputFile(MatchResult.Metadata file) implements InputFile {

  /** The file named {@code location}; fails if it is not there. */
  public static BeamInputFile of(String location) throws IOException {
    return new BeamInputFile(FileSystems.matchSingleFileSpec(location));
  }

  @Override
  public long getLength() {
    return file.sizeBytes();
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    SeekableByteChannel channel = BeamFiles.open(file.resourceId());
    return new DelegatingSeekableInputStream(Channels.newInputStream(channel)) {
      @Override
      public long getPos() throws IOException {
        return channel.position();
      }

      @Override
      public void seek(long position) throws IOException {
        if (position > channel.size()) {
          throw new EOFException("seek past the end of " + file.resourceId());
        }
        channel.position(position);
      }
    };
  }

  @Override
  public String toString() {
    return file.resourceId().toString();
  }
}
