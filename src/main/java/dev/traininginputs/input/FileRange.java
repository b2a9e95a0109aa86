package dev.traininginputs.input;

import java.io.Serializable;

/**
 * A piece of one input file that one worker reads: the rows of {@code file} that start in {@code
 * [start, end)} (bytes; for Parquet, the row groups that start there), the first of them numbered
 * {@code firstRow} (its line in a text file, its row in a Parquet file, from 1); {@code end} is
 * {@link Long#MAX_VALUE} for the last range of a file. {@code partition} is the file's partition
 * folder ({@link HivePaths#partition}), or {@code null}.
 */
record FileRange(String file, String partition, long start, long end, long firstRow)
    implements Serializable {

  /** The whole file. */
  static FileRange whole(String file, String partition) {
    return new FileRange(file, partition, 0, Long.MAX_VALUE, 1);
  }

  boolean isWhole() {
    return start == 0 && end == Long.MAX_VALUE;
  }
}
