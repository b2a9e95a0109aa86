package dev.traininginputs.storage;

import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Lists input folders on any storage through the same {@link OutputStore}s that publish: a whole
 * tree at once, which Beam's globs cannot do on HDFS ({@code **} is one level there).
 */
public final class Listing {
  private Listing() {}

  /** Every file under {@code directory} at any depth, full paths, sorted; none if absent. */
  public static List<String> filesUnder(String directory, PipelineOptions options)
      throws IOException {
    return OutputStore.of(directory, options).filesUnder(directory);
  }
}
