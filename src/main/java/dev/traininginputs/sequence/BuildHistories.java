package dev.traininginputs.sequence;

import dev.traininginputs.model.ActionBatch;
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
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Builds every training row of one customer from a grouping that holds the customer's impression
 * rows (tagged {@link #IMPRESSION}) and usable actions (in batches, {@link #ACTION}) in any order
 * ({@code assemble.GroupByCustomer}).
 *
 * <p>The group is read once, as a stream: impression rows are kept, actions only as far as some
 * history can use them ({@link HistoryBuilder.Histories}: at most N per built day). Each distinct
 * impression day of the customer then comes out as one {@link HistoryRows}: the history with every
 * impression row of that day. A customer with impressions and no actions gets all-zero histories; a
 * customer with actions and no impressions (one the customer filter let through) yields nothing.
 * Counters: {@link Counters#historiesBuilt()}, {@link Counters#rowsBuilt()}.
 */
public final class BuildHistories
    extends PTransform<PCollection<KV<Long, Iterable<RawUnionValue>>>, PCollection<HistoryRows>> {

  /** The union tag of an impression row ({@link Impression}, at least one item). */
  public static final int IMPRESSION = 0;

  /** The union tag of an {@link ActionBatch}: some of the customer's actions. */
  public static final int ACTION = 1;

  private final HistoryBuilder builder;
  private final PCollectionView<Map<Integer, Long>> rowsPerDay;

  private BuildHistories(HistoryBuilder builder, PCollectionView<Map<Integer, Long>> rowsPerDay) {
    this.builder = builder;
    this.rowsPerDay = rowsPerDay;
  }

  /**
   * Histories of {@code sequenceLength} actions from the days {@code window} makes eligible, for
   * the built days that are the keys of {@code rowsPerDay} ({@code assemble.RowsPerDay}).
   */
  public static BuildHistories of(
      int sequenceLength, LookbackWindow window, PCollectionView<Map<Integer, Long>> rowsPerDay) {
    return new BuildHistories(new HistoryBuilder(sequenceLength, window), rowsPerDay);
  }

  @Override
  public PCollection<HistoryRows> expand(PCollection<KV<Long, Iterable<RawUnionValue>>> grouped) {
    return grouped.apply(
        "BuildRows", ParDo.of(new BuildRowsFn(builder, rowsPerDay)).withSideInputs(rowsPerDay));
  }

  private static final class BuildRowsFn
      extends DoFn<KV<Long, Iterable<RawUnionValue>>, HistoryRows> {
    private final HistoryBuilder builder;
    private final PCollectionView<Map<Integer, Long>> rowsPerDay;
    private final Counter histories = Counters.historiesBuilt();
    private final Counter rows = Counters.rowsBuilt();
    private transient Map<Integer, Long> cachedDays;
    private transient int[] builtDays;

    BuildRowsFn(HistoryBuilder builder, PCollectionView<Map<Integer, Long>> rowsPerDay) {
      this.builder = builder;
      this.rowsPerDay = rowsPerDay;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      HistoryBuilder.Histories customerHistories =
          builder.forDays(builtDays(context.sideInput(rowsPerDay)));
      // The customer's impression rows by day; a TreeMap, so that days come out in order.
      Map<Integer, List<Impression>> impressionsByDay = new TreeMap<>();
      for (RawUnionValue value : context.element().getValue()) {
        if (value.getUnionTag() == IMPRESSION) {
          Impression impression = (Impression) value.getValue();
          impressionsByDay
              .computeIfAbsent(impression.day(), day -> new ArrayList<>())
              .add(impression);
        } else {
          ((ActionBatch) value.getValue()).forEach(customerHistories::add);
        }
      }
      impressionsByDay.forEach(
          (day, impressions) -> {
            HistoryRows built = new HistoryRows(customerHistories.historyOn(day), impressions);
            context.output(built);
            histories.inc();
            rows.inc(built.size());
          });
    }

    /** Runners hand out the same side-input map again and again; sort its days once. */
    private int[] builtDays(Map<Integer, Long> days) {
      if (days != cachedDays) {
        builtDays = days.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        cachedDays = days;
      }
      return builtDays;
    }
  }
}
