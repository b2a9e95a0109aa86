package dev.traininginputs.stats;

import static dev.traininginputs.TestData.history;
import static dev.traininginputs.TestData.ints;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import dev.traininginputs.model.History;
import dev.traininginputs.model.ImpressedItem;
import dev.traininginputs.model.Source;
import dev.traininginputs.model.TrainingRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each figure of SPEC §5 on hand-computed values, and merged from any split of the rows. */
class FiguresTest {
  private static final int N = 4;

  private static TrainingRow row(long customer, History history) {
    return new TrainingRow(new ImpressedItem(customer, 20_000, "r", 0, 5, false), history);
  }

  /** Types [1,2,0,0], [0,0,0,0] and [3,1,1,2]: lengths 2, 0 and 4. */
  private static List<TrainingRow> threeRows() {
    return List.of(
        row(1, history(N, ints(7, 8), ints(1, 2))),
        row(2, History.empty(N)),
        row(3, history(N, ints(1, 2, 3, 4), ints(3, 1, 1, 2))));
  }

  private static <A extends RowAccumulator<A>> A fold(A accumulator, List<TrainingRow> rows) {
    rows.forEach(accumulator::add);
    return accumulator;
  }

  @Test
  void historyStats_onHandComputedRows() {
    HistoryStats stats = fold(new HistoryStats(), threeRows());
    assertThat(stats.rows(), equalTo(3L));
    assertThat(stats.zeroHistoryPct(), closeTo(1 / 3.0, 1e-12));
    assertThat(stats.avgHistoryLength(), closeTo(2.0, 1e-12));
    double[] mix = stats.actionTypeDistribution();
    // 12 positions: 6 padding, 3 clicks, 2 carts, 1 order.
    assertThat(mix[0], closeTo(6 / 12.0, 1e-12));
    assertThat(mix[1], closeTo(3 / 12.0, 1e-12));
    assertThat(mix[2], closeTo(2 / 12.0, 1e-12));
    assertThat(mix[3], closeTo(1 / 12.0, 1e-12));
  }

  @Test
  void lengthHistogram_onHandComputedRows() {
    assertThat(
        fold(new LengthHistogram(), threeRows()).rowsByLength(),
        equalTo(Map.of(0, 1L, 2, 1L, 4, 1L)));
  }

  @Test
  void positionTypeCounts_onHandComputedRows() {
    PositionTypeCounts counts = fold(new PositionTypeCounts(2), threeRows());
    assertThat(counts.frequencies(0), equalTo(new double[] {1 / 3.0, 1 / 3.0, 0, 1 / 3.0}));
    assertThat(counts.frequencies(1), equalTo(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0, 0}));
  }

  @Test
  void emptyInput_givesZerosNotNaN() {
    HistoryStats stats = new HistoryStats();
    assertThat(stats.zeroHistoryPct(), equalTo(0.0));
    assertThat(stats.avgHistoryLength(), equalTo(0.0));
    assertThat(stats.actionTypeDistribution(), equalTo(new double[4]));
    assertThat(new PositionTypeCounts(3).frequencies(2), equalTo(new double[4]));
  }

  @Test
  void combineFns_giveTheSameFiguresForAnySplitAndMergeOrder() {
    Random random = new Random(3);
    List<TrainingRow> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int length = random.nextInt(N + 1);
      int[] items = new int[length];
      int[] types = new int[length];
      for (int j = 0; j < length; j++) {
        items[j] = 1 + random.nextInt(9);
        types[j] = 1 + random.nextInt(3);
      }
      rows.add(row(i % 7, history(N, items, types)));
    }
    FoldFn<TrainingRow, HistoryStats> statsFn =
        SummarizeRows.ofRows(HistoryStats.class, HistoryStats::new);
    FoldFn<TrainingRow, LengthHistogram> lengthsFn =
        SummarizeRows.ofRows(LengthHistogram.class, LengthHistogram::new);
    FoldFn<TrainingRow, PositionTypeCounts> positionsFn =
        SummarizeRows.ofRows(PositionTypeCounts.class, () -> new PositionTypeCounts(3));
    HistoryStats wholeStats = statsFn.apply(rows);
    LengthHistogram wholeLengths = lengthsFn.apply(rows);
    PositionTypeCounts wholePositions = positionsFn.apply(rows);

    for (int trial = 0; trial < 10; trial++) {
      List<TrainingRow> shuffled = new ArrayList<>(rows);
      Collections.shuffle(shuffled, random);
      List<List<TrainingRow>> splits = split(shuffled, random);
      HistoryStats stats = merged(statsFn, splits, random);
      assertThat(stats.rows(), equalTo(wholeStats.rows()));
      assertThat(stats.zeroHistoryPct(), equalTo(wholeStats.zeroHistoryPct()));
      assertThat(stats.avgHistoryLength(), equalTo(wholeStats.avgHistoryLength()));
      assertThat(stats.actionTypeDistribution(), equalTo(wholeStats.actionTypeDistribution()));
      assertThat(
          merged(lengthsFn, splits, random).rowsByLength(), equalTo(wholeLengths.rowsByLength()));
      PositionTypeCounts positions = merged(positionsFn, splits, random);
      for (int p = 0; p < 3; p++) {
        assertThat(positions.frequencies(p), equalTo(wholePositions.frequencies(p)));
      }
    }
  }

  private static List<List<TrainingRow>> split(List<TrainingRow> rows, Random random) {
    List<List<TrainingRow>> splits = new ArrayList<>();
    int from = 0;
    while (from < rows.size()) {
      int to = Math.min(rows.size(), from + random.nextInt(80));
      splits.add(rows.subList(from, to));
      from = to;
    }
    splits.add(List.of());
    return splits;
  }

  /** Accumulates each split separately, then merges the accumulators in a random order. */
  private static <A extends RowAccumulator<A>> A merged(
      FoldFn<TrainingRow, A> fn, List<List<TrainingRow>> splits, Random random) {
    List<A> accumulators = new ArrayList<>();
    for (List<TrainingRow> split : splits) {
      A accumulator = fn.createAccumulator();
      for (TrainingRow row : split) {
        accumulator = fn.addInput(accumulator, row);
      }
      accumulators.add(accumulator);
    }
    Collections.shuffle(accumulators, random);
    int half = accumulators.size() / 2;
    A left = fn.mergeAccumulators(accumulators.subList(0, half));
    A right = fn.mergeAccumulators(accumulators.subList(half, accumulators.size()));
    return fn.extractOutput(fn.mergeAccumulators(List.of(right, left)));
  }

  @Test
  void rejectionReasons_groupReasonsByKindAndRankThem() {
    RejectionReasons reasons = new RejectionReasons();
    reasons.add(rejected("clicks", "click_time: \"2025-02-30 10:00:00\" is not a date-time"));
    reasons.add(rejected("clicks", "click_time: \"x\" is not a date-time"));
    reasons.add(rejected("clicks", "row: has 3 fields, the header has 4"));
    reasons.add(
        rejected(
            "impressions",
            "impressions[12].item_id: 0 is not a valid item id (must be at least 1)"));
    reasons.add(rejected("clicks", "item_id: \"2147483648\" is out of range for a 32-bit integer"));
    RejectionReasons other = new RejectionReasons();
    other.add(rejected("clicks", "row: has 5 fields, the header has 4"));
    other.add(rejected("clicks", "row: has 5 fields, the header has 4"));
    reasons.mergeFrom(other);
    assertThat(
        reasons.top("clicks", 5),
        equalTo(
            Map.of(
                "row: has … fields, the header has …",
                3L,
                "click_time: … is not a date-time",
                2L,
                "item_id: … is out of range for a 32-bit integer",
                1L)));
    assertThat(
        List.copyOf(reasons.top("clicks", 1).keySet()),
        equalTo(List.of("row: has … fields, the header has …")));
    assertThat(
        reasons.top("impressions", 5),
        equalTo(Map.of("impressions[…].item_id: … is not a valid item id", 1L)));
  }

  private static dev.traininginputs.model.RejectedRecord rejected(String source, String reason) {
    return new dev.traininginputs.model.RejectedRecord(source, "f.csv", 2, reason, "raw");
  }

  @Test
  void runMetrics_mergePartsFromAnywhere() {
    RunMetrics metrics = new RunMetrics();
    metrics.mergeFrom(RunMetrics.ofSource(Source.CLICKS, new SourceCounts(5, 0, 0)));
    metrics.mergeFrom(RunMetrics.ofCustomers(3));
    metrics.mergeFrom(RunMetrics.ofSource(Source.CLICKS, new SourceCounts(0, 4, 0)));
    metrics.mergeFrom(RunMetrics.ofSource(Source.CLICKS, new SourceCounts(0, 0, 1)));
    RunMetrics firstFile = fold(RunMetrics.ofRows(2), threeRows());
    RunMetrics secondFile = fold(RunMetrics.ofRows(2), threeRows());
    metrics.mergeFrom(firstFile);
    metrics.mergeFrom(secondFile);
    assertThat(metrics.sources().get("clicks"), equalTo(new SourceCounts(5, 4, 1)));
    assertThat(metrics.customers(), equalTo(3L));
    assertThat(metrics.history().rows(), equalTo(6L));
    assertThat(
        metrics.positions().frequencies(0), equalTo(new double[] {1 / 3.0, 1 / 3.0, 0, 1 / 3.0}));
    // Merging copies: the parts, which may be a Combine's inputs, are unchanged.
    assertThat(firstFile.history().rows(), equalTo(3L));
    assertThat(
        firstFile.positions().frequencies(0), equalTo(new double[] {1 / 3.0, 1 / 3.0, 0, 1 / 3.0}));
  }
}
