package dev.traininginputs.assemble;

import dev.traininginputs.model.Action;
import dev.traininginputs.sequence.LookbackWindow;
import dev.traininginputs.stats.Counters;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Drops the actions that no impression day of the run can look back to, before anything is
 * shuffled: with a year of actions and a fortnight of training days, most of them. Counter: {@link
 * Counters#actionsOutsideWindow()}.
 */
public final class DropUnusableActions
    extends PTransform<PCollection<Action>, PCollection<Action>> {
  private final LookbackWindow window;
  private final PCollectionView<List<Integer>> impressionDays;

  private DropUnusableActions(
      LookbackWindow window, PCollectionView<List<Integer>> impressionDays) {
    this.window = window;
    this.impressionDays = impressionDays;
  }

  /**
   * Keeps the actions that one of {@code impressionDays} can look back to through {@code window}.
   */
  public static DropUnusableActions usableFrom(
      PCollectionView<List<Integer>> impressionDays, LookbackWindow window) {
    return new DropUnusableActions(window, impressionDays);
  }

  @Override
  public PCollection<Action> expand(PCollection<Action> actions) {
    return actions.apply(
        "KeepUsableDays",
        ParDo.of(new KeepUsableFn(window, impressionDays)).withSideInputs(impressionDays));
  }

  private static final class KeepUsableFn extends DoFn<Action, Action> {
    private final LookbackWindow window;
    private final PCollectionView<List<Integer>> impressionDays;
    private final Counter dropped = Counters.actionsOutsideWindow();
    private transient List<Integer> cachedDays;
    private transient LookbackWindow.UsableDays usable;

    KeepUsableFn(LookbackWindow window, PCollectionView<List<Integer>> impressionDays) {
      this.window = window;
      this.impressionDays = impressionDays;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      Action action = context.element();
      if (usableDays(context.sideInput(impressionDays)).contains(action.day())) {
        context.output(action);
      } else {
        dropped.inc();
      }
    }

    /** Runners hand out the same side-input list again and again; index it once. */
    private LookbackWindow.UsableDays usableDays(List<Integer> days) {
      if (days != cachedDays) {
        usable = window.usableDays(days);
        cachedDays = days;
      }
      return usable;
    }
  }
}
