package dev.traininginputs.stats;

import dev.traininginputs.model.History;
import dev.traininginputs.model.TrainingRow;

/**
 * A figure computed over training rows, built to be a Combine accumulator: rows are added in any
 * order, and partial results computed on any split of the rows merge into the same figure.
 */
public interface RowAccumulator<A extends RowAccumulator<A>> extends Mergeable<A> {

  /**
   * Adds {@code weight} training rows of impression day {@code day} (epoch day) that share {@code
   * history}: the items of one customer and day, counted without walking the history once per row.
   */
  void add(int day, History history, long weight);

  /** Adds one training row. */
  default void add(TrainingRow row) {
    add(row.item().day(), row.history(), 1);
  }
}
