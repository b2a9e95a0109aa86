package dev.traininginputs.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;

/** Writing a file through Beam's file systems, whatever the storage: the one way files are made. */
public final class BeamFiles {
  private BeamFiles() {}

  /** A new file (replacing one of that name) to write through. */
  public static WritableByteChannel create(String file, String mimeType) throws IOException {
    return FileSystems.create(FileSystems.matchNewResource(file, false), mimeType);
  }

  /** A whole small text file in UTF-8. */
  public static void writeText(String file, String text) throws IOException {
    try (OutputStream out = Channels.newOutputStream(create(file, "text/plain"))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
