package dev.traininginputs.output;

import dev.traininginputs.layout.RowLayout;
import dev.traininginputs.options.OutputFormat;
import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.storage.BeamFiles;
import dev.traininginputs.storage.BeamInputFile;
import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.parquet.hadoop.ParquetFileReader;

/**
 * What an output folder already holds. One folder holds one layout: a reader of {@code dt=*} must
 * not meet two schemas, or lists padded two ways, so a run whose output has rows in another layout
 * is refused before any work.
 */
public final class ExistingRows {
  private ExistingRows() {}

  /**
   * Refuses to write {@code layout} into {@code output} when a Parquet file there says, in its
   * footer, that it was written in another layout, padding or sequence length. Files written before
   * the footer said so hold exploded, right-padded rows.
   */
  public static void refuseAnotherLayout(String output, RowLayout layout) {
    String file;
    Map<String, String> theirs;
    try {
      List<MatchResult.Metadata> files =
          BeamFiles.match(OutputStore.join(output, StagedOutput.DAY_PREFIX + "*/*.parquet"));
      if (files.isEmpty()) {
        return;
      }
      MatchResult.Metadata last =
          files.stream().max(Comparator.comparing(m -> m.resourceId().toString())).orElseThrow();
      file = last.resourceId().toString();
      theirs = footerMetadata(last);
    } catch (IOException e) {
      throw new RunRefusedException(
          "cannot tell the layout of the rows already in " + output + ": " + e.getMessage(), e);
    }
    Map<String, String> ours = layout.fileMetadata();
    String theirLayout = theirs.getOrDefault(RowLayout.LAYOUT_KEY, "exploded");
    String theirPadding = theirs.getOrDefault(RowLayout.PADDING_KEY, "right");
    String theirLength = theirs.get(RowLayout.SEQUENCE_LENGTH_KEY);
    if (!theirLayout.equals(ours.get(RowLayout.LAYOUT_KEY))
        || !theirPadding.equals(ours.get(RowLayout.PADDING_KEY))
        || (theirLength != null && !theirLength.equals(ours.get(RowLayout.SEQUENCE_LENGTH_KEY)))) {
      throw new RunRefusedException(
          String.format(
              "%s holds %s rows, %s-padded%s (%s); this run writes %s rows, %s-padded to N = %d."
                  + " One output folder holds one layout: run with the same --layout, --padding"
                  + " and --sequenceLength, or write to another --output",
              output,
              theirLayout,
              theirPadding,
              theirLength == null ? "" : " to N = " + theirLength,
              file,
              layout.layout(),
              layout.padding(),
              layout.sequenceLength()));
    }
  }

  /**
   * Refuses to write {@code format} where the other one is: Parquet folders into an Iceberg table's
   * location (its {@code metadata/}), or an Iceberg table where {@code dt=} folders are.
   */
  public static void refuseAnotherFormat(String output, OutputFormat format) {
    String theirs;
    try {
      if (format == OutputFormat.PARQUET
          && !BeamFiles.match(OutputStore.join(output, "metadata/*.metadata.json")).isEmpty()) {
        theirs = "an Iceberg table";
      } else if (format == OutputFormat.ICEBERG
          && !BeamFiles.match(OutputStore.join(output, StagedOutput.DAY_PREFIX + "*/*.parquet"))
              .isEmpty()) {
        theirs = "dt= folders of Parquet files";
      } else {
        return;
      }
    } catch (IOException e) {
      throw new RunRefusedException("cannot look into " + output + ": " + e.getMessage(), e);
    }
    throw new RunRefusedException(
        output
            + " holds "
            + theirs
            + "; this run writes --outputFormat="
            + format
            + ". Write it to another --output, or use the format that is there");
  }

  private static Map<String, String> footerMetadata(MatchResult.Metadata file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new BeamInputFile(file))) {
      return reader.getFooter().getFileMetaData().getKeyValueMetaData();
    }
  }
}
