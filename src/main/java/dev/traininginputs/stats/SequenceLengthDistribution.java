package dev.traininginputs.stats;

import dev.traininginputs.model.TrainingRow;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Training rows in, one {@link LengthHistogram} out: the number of rows for each history length.
 * Works on the pipeline's rows or on rows read back from Parquet.
 */
public final class SequenceLengthDistribution
    extends PTransform<PCollection<TrainingRow>, PCollection<LengthHistogram>> {

  @Override
  public PCollection<LengthHistogram> expand(PCollection<TrainingRow> rows) {
    return rows.apply("CountLengths",
        Combine.globally(FoldFn.ofRows(LengthHistogram.class, LengthHistogram::new)));
  }
}
