package dev.traininginputs.stats;

import dev.traininginputs.model.ActionType;
import dev.traininginputs.model.History;

/**
 * For each of the first K positions, how often each action type stands there (SPEC §5 {@code
 * action_type_frequency_by_position}): the bias of the most recent actions.
 */
public final class PositionTypeCounts implements RowAccumulator<PositionTypeCounts> {
  private final long[][] counts;
  private long rows;

  public PositionTypeCounts(int positions) {
    if (positions < 0) {
      throw new IllegalArgumentException("positions must be at least 0, was " + positions);
    }
    this.counts = new long[positions][ActionType.CODES];
  }

  @Override
  public void add(int day, History history, long weight) {
    int[] types = history.actionTypes();
    rows += weight;
    for (int p = 0; p < counts.length && p < types.length; p++) {
      counts[p][types[p]] += weight;
    }
  }

  @Override
  public void mergeFrom(PositionTypeCounts other) {
    if (other.counts.length != counts.length) {
      throw new IllegalArgumentException(
          "cannot merge " + other.counts.length + " positions into " + counts.length);
    }
    rows += other.rows;
    for (int p = 0; p < counts.length; p++) {
      for (int t = 0; t < ActionType.CODES; t++) {
        counts[p][t] += other.counts[p][t];
      }
    }
  }

  public int positions() {
    return counts.length;
  }

  /** Fractions of rows with type 0..3 at {@code position}; 0 when there are no rows. */
  public double[] frequencies(int position) {
    double[] f = new double[ActionType.CODES];
    for (int t = 0; t < ActionType.CODES; t++) {
      f[t] = HistoryStats.fraction(counts[position][t], rows);
    }
    return f;
  }
}
