package dev.traininginputs.sequence;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.HistoryRows;
import dev.traininginputs.model.Impression;
import dev.traininginputs.stats.Counters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Builds every training row of one customer from a join that put the customer's action lists under
 * {@link #ACTIONS} and impression rows under {@link #IMPRESSIONS} ({@code
 * assemble.JoinByCustomer}).
 *
 * <p>Each distinct impression day of the customer gets its history built once, and comes out as one
 * {@link HistoryRows}: the history with every impression row of that day, each impressed item of
 * which is a training row sharing it. A customer with impressions and no actions gets all-zero
 * histories; a customer with actions and no impressions yields nothing. Counters: {@link
 * Counters#historiesBuilt()}, {@link Counters#rowsBuilt()}.
 */
public final class BuildHistories
    extends PTransform<PCollection<KV<Long, CoGbkResult>>, PCollection<HistoryRows>> {

  /** In the joined input: the customer's action lists, each from {@code KeepNewestPerDay}. */
  public static final TupleTag<List<Action>> ACTIONS = new TupleTag<>() {};

  /** In the joined input: the customer's impression rows, each with at least one item. */
  public static final TupleTag<Impression> IMPRESSIONS = new TupleTag<>() {};

  private final HistoryBuilder builder;

  private BuildHistories(HistoryBuilder builder) {
    this.builder = builder;
  }

  /** Histories of {@code sequenceLength} actions from the days {@code window} makes eligible. */
  public static BuildHistories of(int sequenceLength, LookbackWindow window) {
    return new BuildHistories(new HistoryBuilder(sequenceLength, window));
  }

  @Override
  public PCollection<HistoryRows> expand(PCollection<KV<Long, CoGbkResult>> joined) {
    return joined.apply("BuildRows", ParDo.of(new BuildRowsFn(builder)));
  }

  private static final class BuildRowsFn extends DoFn<KV<Long, CoGbkResult>, HistoryRows> {
    private final HistoryBuilder builder;
    private final Counter histories = Counters.historiesBuilt();
    private final Counter rows = Counters.rowsBuilt();

    BuildRowsFn(HistoryBuilder builder) {
      this.builder = builder;
    }

    @ProcessElement
    public void process(@Element KV<Long, CoGbkResult> customer, OutputReceiver<HistoryRows> out) {
      CoGbkResult joined = customer.getValue();
      // The customer's impression rows by day; a TreeMap, so that days come out in order.
      Map<Integer, List<Impression>> impressionsByDay = new TreeMap<>();
      for (Impression impression : joined.getAll(IMPRESSIONS)) {
        impressionsByDay
            .computeIfAbsent(impression.day(), day -> new ArrayList<>())
            .add(impression);
      }
      if (impressionsByDay.isEmpty()) {
        return;
      }
      List<Action> actions = new ArrayList<>();
      joined.getAll(ACTIONS).forEach(actions::addAll);
      HistoryBuilder.CustomerActions customerActions = builder.of(actions);
      impressionsByDay.forEach(
          (day, impressions) -> {
            HistoryRows built = new HistoryRows(customerActions.historyOn(day), impressions);
            out.output(built);
            histories.inc();
            rows.inc(built.size());
          });
    }
  }
}
