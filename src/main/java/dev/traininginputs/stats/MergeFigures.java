package dev.traininginputs.stats;

import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Partial figures in (a few per file: from the readers, the writers, the customer count), the run's
 * one {@link RunMetrics} out: exactly one element, also when there are no parts, with the first K
 * positions analysed even when no row was written.
 */
public final class MergeFigures
    extends PTransform<PCollectionList<RunMetrics>, PCollection<RunMetrics>> {
  private final int analysisPositions;

  private MergeFigures(int analysisPositions) {
    this.analysisPositions = analysisPositions;
  }

  /** Merges figures whose rows were analysed at {@code analysisPositions} positions (K). */
  public static MergeFigures analysing(int analysisPositions) {
    return new MergeFigures(analysisPositions);
  }

  /** The coder of every figure: a handful of them per file cross the wire. */
  public static FigureCoder<RunMetrics> coder() {
    return FigureCoder.of(RunMetrics.class);
  }

  @Override
  public PCollection<RunMetrics> expand(PCollectionList<RunMetrics> parts) {
    int k = analysisPositions;
    return parts
        .apply("FlattenFigures", Flatten.pCollections())
        .apply(
            "MergeAll",
            Combine.globally(
                new FoldFn<>(RunMetrics.class, () -> RunMetrics.ofRows(k), RunMetrics::mergeFrom)))
        .setCoder(coder());
  }
}
