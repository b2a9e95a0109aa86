package dev.traininginputs.stats;

import dev.traininginputs.model.History;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Number of rows for each history length (SPEC §5 {@code sequence_length_distribution}). */
public final class LengthHistogram implements RowAccumulator<LengthHistogram> {
  private final TreeMap<Integer, Long> rowsByLength = new TreeMap<>();

  @Override
  public void add(int day, History history, long weight) {
    rowsByLength.merge(history.length(), weight, Long::sum);
  }

  @Override
  public void mergeFrom(LengthHistogram other) {
    other.rowsByLength.forEach((length, rows) -> rowsByLength.merge(length, rows, Long::sum));
  }

  /** History length to number of rows, shortest first. */
  public SortedMap<Integer, Long> rowsByLength() {
    return Collections.unmodifiableSortedMap(rowsByLength);
  }
}
