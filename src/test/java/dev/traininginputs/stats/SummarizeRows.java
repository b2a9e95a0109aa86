package dev.traininginputs.stats;

import dev.traininginputs.model.TrainingRow;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Training rows in, one {@link RunMetrics} with every row figure of SPEC §5 out (rows, days,
 * lengths, types, types by position); an empty input gives zeros. The pipeline gets its figures
 * from its writer, history by history; tests recompute them from the rows read back, row by row
 * ({@link dev.traininginputs.output.ReadTrainingRows}), and compare.
 */
public final class SummarizeRows
    extends PTransform<PCollection<TrainingRow>, PCollection<RunMetrics>> {
  private final int positions;

  private SummarizeRows(int positions) {
    this.positions = positions;
  }

  /** Analyses the first {@code positions} positions of every history. */
  public static SummarizeRows of(int positions) {
    return new SummarizeRows(positions);
  }

  @Override
  public PCollection<RunMetrics> expand(PCollection<TrainingRow> rows) {
    int k = positions;
    return rows.apply(
        "FoldRows", Combine.globally(ofRows(RunMetrics.class, () -> RunMetrics.ofRows(k))));
  }

  /** Folds training rows, one by one, into a {@link RowAccumulator}. */
  static <A extends RowAccumulator<A>> FoldFn<TrainingRow, A> ofRows(
      Class<A> type, FoldFn.Empty<A> empty) {
    return new FoldFn<>(type, empty, RowAccumulator::add);
  }
}
