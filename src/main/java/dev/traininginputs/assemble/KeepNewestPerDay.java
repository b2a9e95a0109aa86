package dev.traininginputs.assemble;

import dev.traininginputs.model.Action;
import dev.traininginputs.sequence.RecentActions;
import java.util.List;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.DelegateCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Reduces the actions of each customer to one element: for every partition day, the N newest (see
 * {@link RecentActions} for why that loses nothing).
 *
 * <p>Why a Combine before the join: a customer (or a bot) with millions of actions would otherwise
 * reach the join as a grouped iterable of millions of elements, which one worker must hold. The
 * Combine runs partly before the shuffle, so a hot customer's actions are cut down where they are
 * read, and the join sees one bounded element per customer.
 *
 * <p>Output: {@code KV<customerId, actions>}, the actions grouped by day, newest first within a
 * day; customers without usable actions do not appear.
 */
public final class KeepNewestPerDay
    extends PTransform<PCollection<Action>, PCollection<KV<Long, List<Action>>>> {
  private final int perDay;

  private KeepNewestPerDay(int perDay) {
    this.perDay = perDay;
  }

  /** Keeps, per customer and partition day, the {@code perDay} newest actions (N). */
  public static KeepNewestPerDay of(int perDay) {
    return new KeepNewestPerDay(perDay);
  }

  @Override
  public PCollection<KV<Long, List<Action>>> expand(PCollection<Action> actions) {
    return actions
        .apply(
            "KeyByCustomer",
            WithKeys.<Long, Action>of(Action::customerId).withKeyType(TypeDescriptors.longs()))
        .apply("KeepNewest", Combine.perKey(new KeepNewestFn(perDay)))
        .setCoder(KvCoder.of(VarLongCoder.of(), ListCoder.of(Action.Coder.of())));
  }

  /** The Combine: {@link RecentActions} as the accumulator. */
  static final class KeepNewestFn extends Combine.CombineFn<Action, RecentActions, List<Action>> {
    private final int perDay;

    KeepNewestFn(int perDay) {
      this.perDay = perDay;
    }

    @Override
    public RecentActions createAccumulator() {
      return new RecentActions(perDay);
    }

    @Override
    public RecentActions addInput(RecentActions accumulator, Action action) {
      accumulator.add(action);
      return accumulator;
    }

    @Override
    public RecentActions mergeAccumulators(Iterable<RecentActions> accumulators) {
      RecentActions merged = createAccumulator();
      for (RecentActions accumulator : accumulators) {
        merged.addAll(accumulator.toList());
      }
      return merged;
    }

    @Override
    public List<Action> extractOutput(RecentActions accumulator) {
      return accumulator.toList();
    }

    @Override
    public Coder<RecentActions> getAccumulatorCoder(CoderRegistry registry, Coder<Action> input)
        throws CannotProvideCoderException {
      int cap = perDay;
      return DelegateCoder.of(
          ListCoder.of(Action.Coder.of()),
          RecentActions::toList,
          actions -> {
            RecentActions decoded = new RecentActions(cap);
            decoded.addAll(actions);
            return decoded;
          });
    }
  }
}
