package dev.traininginputs.stats;

import dev.traininginputs.model.TrainingRow;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Training rows in, one {@link PositionTypeCounts} out: how often each action type stands at each
 * of the first K positions. Works on the pipeline's rows or on rows read back from Parquet.
 */
public final class ActionTypeFrequencyByPosition
    extends PTransform<PCollection<TrainingRow>, PCollection<PositionTypeCounts>> {
  private final int positions;

  public ActionTypeFrequencyByPosition(int positions) {
    this.positions = positions;
  }

  @Override
  public PCollection<PositionTypeCounts> expand(PCollection<TrainingRow> rows) {
    int k = positions;
    return rows.apply("CountTypesByPosition",
        Combine.globally(FoldFn.ofRows(PositionTypeCounts.class, () -> new PositionTypeCounts(k))));
  }
}
