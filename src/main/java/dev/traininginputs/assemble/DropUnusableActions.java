package dev.traininginputs.assemble;

import dev.traininginputs.model.Action;
import dev.traininginputs.sequence.LookbackWindow;
import dev.traininginputs.stats.Counters;
import dev.traininginputs.stats.SteppedCounter;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Drops, before anything is shuffled, the actions that can be in no history: those whose partition
 * day no built day looks back to (with a year of actions and a fortnight of training days, most of
 * them), and those of customers without an impression on a built day (on a daily run, about 95 % of
 * the rest). Exact: the customer test is a Bloom filter ({@link CustomerFilter}) that may keep an
 * action too many, never one too few, and the grouping by customer drops what it kept in vain.
 * Counters: {@link Counters#actionsOutsideWindow()}, {@link Counters#actionsNotImpressed()}, {@link
 * Counters#actionsKept()}.
 */
public final class DropUnusableActions
    extends PTransform<PCollection<Action>, PCollection<Action>> {
  private final LookbackWindow window;
  private final PCollectionView<Map<Integer, Long>> rowsPerDay;
  private final PCollectionView<CustomerFilter> impressed;

  private DropUnusableActions(
      LookbackWindow window,
      PCollectionView<Map<Integer, Long>> rowsPerDay,
      PCollectionView<CustomerFilter> impressed) {
    this.window = window;
    this.rowsPerDay = rowsPerDay;
    this.impressed = impressed;
  }

  /**
   * Keeps the actions that one of the days of {@code rowsPerDay} ({@link RowsPerDay}) can look back
   * to through {@code window}, of customers that {@code impressed} ({@link ImpressedCustomers})
   * lets through.
   */
  public static DropUnusableActions usableFrom(
      PCollectionView<Map<Integer, Long>> rowsPerDay,
      PCollectionView<CustomerFilter> impressed,
      LookbackWindow window) {
    return new DropUnusableActions(window, rowsPerDay, impressed);
  }

  @Override
  public PCollection<Action> expand(PCollection<Action> actions) {
    return actions.apply(
        "KeepUsable",
        ParDo.of(new KeepUsableFn(window, rowsPerDay, impressed))
            .withSideInputs(rowsPerDay, impressed));
  }

  private static final class KeepUsableFn extends DoFn<Action, Action> {
    private final LookbackWindow window;
    private final PCollectionView<Map<Integer, Long>> rowsPerDay;
    private final PCollectionView<CustomerFilter> impressed;
    private final SteppedCounter outsideWindow =
        new SteppedCounter(Counters.actionsOutsideWindow());
    private final SteppedCounter notImpressed = new SteppedCounter(Counters.actionsNotImpressed());
    private final SteppedCounter kept = new SteppedCounter(Counters.actionsKept());
    private transient Map<Integer, Long> cachedDays;
    private transient LookbackWindow.UsableDays usable;

    KeepUsableFn(
        LookbackWindow window,
        PCollectionView<Map<Integer, Long>> rowsPerDay,
        PCollectionView<CustomerFilter> impressed) {
      this.window = window;
      this.rowsPerDay = rowsPerDay;
      this.impressed = impressed;
    }

    /**
     * The customer filter of this bundle, this thread's own. A side input of the global window is
     * the same for every element; asking the runner for it per action costs more than the test.
     */
    private transient CustomerFilter filter;

    @StartBundle
    public void startBundle() {
      filter = null;
    }

    @FinishBundle
    public void finishBundle() {
      outsideWindow.flush();
      notImpressed.flush();
      kept.flush();
    }

    @ProcessElement
    public void process(ProcessContext context) {
      Action action = context.element();
      if (filter == null) {
        filter = context.sideInput(impressed).forOneThread();
        usableDays(context.sideInput(rowsPerDay));
      }
      if (!usable.contains(action.day())) {
        outsideWindow.inc();
      } else if (!filter.mightBeImpressed(action.customerId())) {
        notImpressed.inc();
      } else {
        kept.inc();
        context.output(action);
      }
    }

    /** Runners hand out the same side-input map bundle after bundle; index it once. */
    private void usableDays(Map<Integer, Long> days) {
      if (days != cachedDays) {
        usable = window.usableDays(days.keySet());
        cachedDays = days;
      }
    }
  }
}
