package dev.traininginputs.output;

import java.io.Serializable;
import java.util.Map;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * How many Parquet files each day is written to (SPEC §4 "Files"): as many as its training rows
 * need at {@code rowsPerFile} a file, at least one and at most {@link #MAX_FILES_PER_DAY}. The row
 * counts come from the impressions ({@code assemble.RowsPerDay}), so they are known before the
 * first row is built, and each file is written by a task of its own.
 *
 * @param rowsPerDay training rows per built day (epoch day), a side input
 * @param rowsPerFile the rows a file is meant to hold
 */
public record FilesPerDay(PCollectionView<Map<Integer, Long>> rowsPerDay, int rowsPerFile)
    implements Serializable {

  /** Guards against a day spread so thin that listing it costs more than reading it. */
  public static final int MAX_FILES_PER_DAY = 10_000;

  public FilesPerDay {
    if (rowsPerFile < 1) {
      throw new IllegalArgumentException("rowsPerFile must be at least 1, was " + rowsPerFile);
    }
  }

  public static FilesPerDay of(PCollectionView<Map<Integer, Long>> rowsPerDay, int rowsPerFile) {
    return new FilesPerDay(rowsPerDay, rowsPerFile);
  }

  /** The files of a day of {@code rows} training rows. */
  public static int files(long rows, int rowsPerFile) {
    long files = (rows + rowsPerFile - 1) / rowsPerFile;
    return (int) Math.max(1, Math.min(MAX_FILES_PER_DAY, files));
  }
}
