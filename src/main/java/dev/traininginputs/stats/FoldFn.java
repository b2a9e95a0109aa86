package dev.traininginputs.stats;

import java.io.Serializable;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * The one shape of every figure's Combine: start from an empty figure, add inputs to it, merge
 * figures computed on any split of the inputs in any order; the figure is also the result.
 */
final class FoldFn<InputT, A extends Mergeable<A>> extends Combine.CombineFn<InputT, A, A> {

  /** Serializable forms of the two functions a fold needs. */
  interface Empty<A> extends Supplier<A>, Serializable {}

  interface Add<A, InputT> extends BiConsumer<A, InputT>, Serializable {}

  private final Class<A> type;
  private final Empty<A> empty;
  private final Add<A, InputT> add;

  FoldFn(Class<A> type, Empty<A> empty, Add<A, InputT> add) {
    this.type = type;
    this.empty = empty;
    this.add = add;
  }

  @Override
  public A createAccumulator() {
    return empty.get();
  }

  @Override
  public A addInput(A accumulator, InputT input) {
    add.accept(accumulator, input);
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
  public Coder<A> getAccumulatorCoder(CoderRegistry registry, Coder<InputT> inputCoder) {
    return FigureCoder.of(type);
  }

  @Override
  public Coder<A> getDefaultOutputCoder(CoderRegistry registry, Coder<InputT> inputCoder) {
    return FigureCoder.of(type);
  }
}
