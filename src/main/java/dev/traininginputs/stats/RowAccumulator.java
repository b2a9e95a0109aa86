package dev.traininginputs.stats;

import dev.traininginputs.model.TrainingRow;
import java.io.Serializable;

/**
 * A figure computed over training rows, built to be a Combine accumulator: rows are added in any
 * order, and partial results computed on any split of the rows merge into the same figure.
 */
public interface RowAccumulator<A extends RowAccumulator<A>> extends Serializable {

  void add(TrainingRow row);

  void mergeFrom(A other);
}
