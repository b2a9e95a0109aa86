package dev.traininginputs.stats;

import dev.traininginputs.model.TrainingRow;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Training rows in, one {@link HistoryStats} out: rows, zero-history share, mean history length,
 * action-type mix. Works on the pipeline's rows or on rows read back from Parquet; an empty input
 * gives zeros.
 */
public final class SummarizeHistories
    extends PTransform<PCollection<TrainingRow>, PCollection<HistoryStats>> {

  @Override
  public PCollection<HistoryStats> expand(PCollection<TrainingRow> rows) {
    return rows.apply("SummarizeRows",
        Combine.globally(FoldFn.ofRows(HistoryStats.class, HistoryStats::new)));
  }
}
