package dev.traininginputs.assemble;

import dev.traininginputs.model.Impression;
import java.util.List;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The distinct impression days as a side input: a handful of values (one per training day), small
 * enough for every worker to hold.
 */
public final class ImpressionDays
    extends PTransform<PCollection<Impression>, PCollectionView<List<Integer>>> {

  private ImpressionDays() {}

  public static ImpressionDays of() {
    return new ImpressionDays();
  }

  @Override
  public PCollectionView<List<Integer>> expand(PCollection<Impression> impressions) {
    return impressions
        .apply("TakeDays", MapElements.into(TypeDescriptors.integers()).via(Impression::day))
        .apply("DistinctDays", Distinct.create())
        .apply("AsList", View.asList());
  }
}
