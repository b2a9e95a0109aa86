package dev.traininginputs.stats;

import dev.traininginputs.model.ActionType;
import dev.traininginputs.model.History;
import java.util.Arrays;

/**
 * How full and how mixed the histories are (SPEC §5): rows, rows with an empty history, the sum of
 * history lengths, and how often each action type (0 padding, 1 click, 2 cart, 3 order) fills a
 * position, over all N positions of all rows.
 */
public final class HistoryStats implements RowAccumulator<HistoryStats> {
  private long rows;
  private long zeroHistoryRows;
  private long lengthSum;
  private final long[] typeCounts = new long[ActionType.CODES];

  @Override
  public void add(int day, History history, long weight) {
    int length = history.length();
    int[] types = history.actionTypes();
    rows += weight;
    lengthSum += length * weight;
    if (length == 0) {
      zeroHistoryRows += weight;
    }
    long[] once = new long[typeCounts.length];
    for (int i = 0; i < length; i++) {
      once[types[i]]++;
    }
    // Everything past the history is padding.
    once[0] += types.length - length;
    for (int t = 0; t < typeCounts.length; t++) {
      typeCounts[t] += once[t] * weight;
    }
  }

  @Override
  public void mergeFrom(HistoryStats other) {
    rows += other.rows;
    zeroHistoryRows += other.zeroHistoryRows;
    lengthSum += other.lengthSum;
    for (int t = 0; t < typeCounts.length; t++) {
      typeCounts[t] += other.typeCounts[t];
    }
  }

  public long rows() {
    return rows;
  }

  /** Fraction of rows whose history is empty; 0 when there are no rows. */
  public double zeroHistoryPct() {
    return fraction(zeroHistoryRows, rows);
  }

  public double avgHistoryLength() {
    return fraction(lengthSum, rows);
  }

  /** Relative frequency of each type over all positions of all rows; sums to 1 (0 if no rows). */
  public double[] actionTypeDistribution() {
    long positions = Arrays.stream(typeCounts).sum();
    return Arrays.stream(typeCounts).mapToDouble(c -> fraction(c, positions)).toArray();
  }

  static double fraction(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
