package dev.traininginputs.assemble;

import dev.traininginputs.model.Action;
import dev.traininginputs.sequence.LookbackWindow;
import dev.traininginputs.stats.Counters;
import dev.traininginputs.stats.SteppedCounter;
import java.util.List;
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
    Test test = test();
    return actions.apply(
        "KeepUsable", ParDo.of(new KeepUsableFn(test)).withSideInputs(test.sideInputs()));
  }

  /**
   * The rule as a test for another step to apply: how {@link GroupByCustomer} drops actions in the
   * step that packs them, sparing the runner's handoff of every action from one step to the next.
   */
  public Test test() {
    return new Test(window, rowsPerDay, impressed);
  }

  /**
   * Applies the rule to the actions of one step's bundles, one thread at a time, counting what it
   * drops and keeps.
   */
  public static final class Test implements GroupByCustomer.ActionTest {
    private final LookbackWindow window;
    private final PCollectionView<Map<Integer, Long>> rowsPerDay;
    private final PCollectionView<CustomerFilter> impressed;
    private final SteppedCounter outsideWindow =
        new SteppedCounter(Counters.actionsOutsideWindow());
    private final SteppedCounter notImpressed = new SteppedCounter(Counters.actionsNotImpressed());
    private final SteppedCounter kept = new SteppedCounter(Counters.actionsKept());

    /**
     * The customer filter of this bundle, this thread's own. A side input of the global window is
     * the same for every element; asking the runner for it per action costs more than the test.
     */
    private transient CustomerFilter filter;

    private transient Map<Integer, Long> cachedDays;
    private transient LookbackWindow.UsableDays usable;

    private Test(
        LookbackWindow window,
        PCollectionView<Map<Integer, Long>> rowsPerDay,
        PCollectionView<CustomerFilter> impressed) {
      this.window = window;
      this.rowsPerDay = rowsPerDay;
      this.impressed = impressed;
    }

    @Override
    public List<PCollectionView<?>> sideInputs() {
      return List.of(rowsPerDay, impressed);
    }

    /** Side inputs are read again in every bundle. */
    @Override
    public void startBundle() {
      filter = null;
    }

    /** The counters are brought up to date at the end of every bundle. */
    @Override
    public void finishBundle() {
      outsideWindow.flush();
      notImpressed.flush();
      kept.flush();
    }

    /** Whether a history can take {@code action}. */
    @Override
    public boolean keeps(Action action, DoFn<?, ?>.ProcessContext context) {
      if (filter == null) {
        filter = context.sideInput(impressed).forOneThread();
        usableDays(context.sideInput(rowsPerDay));
      }
      if (!usable.contains(action.day())) {
        outsideWindow.inc();
        return false;
      }
      if (!filter.mightBeImpressed(action.customerId())) {
        notImpressed.inc();
        return false;
      }
      kept.inc();
      return true;
    }

    /** Runners hand out the same side-input map bundle after bundle; index it once. */
    private void usableDays(Map<Integer, Long> days) {
      if (days != cachedDays) {
        usable = window.usableDays(days.keySet());
        cachedDays = days;
      }
    }
  }

  private static final class KeepUsableFn extends DoFn<Action, Action> {
    private final Test test;

    KeepUsableFn(Test test) {
      this.test = test;
    }

    @StartBundle
    public void startBundle() {
      test.startBundle();
    }

    @FinishBundle
    public void finishBundle() {
      test.finishBundle();
    }

    @ProcessElement
    public void process(ProcessContext context) {
      if (test.keeps(context.element(), context)) {
        context.output(context.element());
      }
    }
  }
}
