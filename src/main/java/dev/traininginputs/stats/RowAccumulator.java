package dev.traininginputs.stats;

import dev.traininginputs.model.TrainingRow;

/**
 * A figure computed over training rows, built to be a Combine accumulator: rows are added in any
 * order, and partial results computed on any split of the rows merge into the same figure.
 */
public interface RowAccumulator<A extends RowAccumulator<A>> extends Mergeable<A> {

  void add(TrainingRow row);
}
