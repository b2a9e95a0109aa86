package dev.traininginputs.stats;

import dev.traininginputs.model.TrainingRow;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.SerializableFunction;

/** Folds training rows into a {@link RowAccumulator}; the accumulator is also the result. */
final class RowsCombineFn<A extends RowAccumulator<A>> extends Combine.CombineFn<TrainingRow, A, A> {
  private final SerializableFunction<Void, A> empty;
  private final Class<A> type;

  RowsCombineFn(Class<A> type, SerializableFunction<Void, A> empty) {
    this.type = type;
    this.empty = empty;
  }

  @Override
  public A createAccumulator() {
    return empty.apply(null);
  }

  @Override
  public A addInput(A accumulator, TrainingRow row) {
    accumulator.add(row);
    return accumulator;
  }

  @Override
  public A mergeAccumulators(Iterable<A> accumulators) {
    A merged = createAccumulator();
    for (A accumulator : accumulators) {
      merged.mergeFrom(accumulator);
    }
    return merged;
  }

  @Override
  public A extractOutput(A accumulator) {
    return accumulator;
  }

  @Override
  public Coder<A> getAccumulatorCoder(CoderRegistry registry, Coder<TrainingRow> inputCoder) {
    return SerializableCoder.of(type);
  }

  @Override
  public Coder<A> getDefaultOutputCoder(CoderRegistry registry, Coder<TrainingRow> inputCoder) {
    return SerializableCoder.of(type);
  }
}
