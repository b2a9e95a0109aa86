package dev.traininginputs.assemble;

import dev.traininginputs.model.Impression;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The days the run builds, with the training rows (impressed items) each will have, as a side
 * input: one entry per impression day with at least one item, small enough for every worker to
 * hold. The days decide which actions are usable and which histories are kept; the row counts
 * decide how many files a day is written to.
 */
public final class RowsPerDay
    extends PTransform<PCollection<Impression>, PCollectionView<Map<Integer, Long>>> {

  private RowsPerDay() {}

  public static RowsPerDay of() {
    return new RowsPerDay();
  }

  @Override
  public PCollectionView<Map<Integer, Long>> expand(PCollection<Impression> impressions) {
    return impressions
        .apply(
            "ItemsOfDay",
            FlatMapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.longs()))
                .via(
                    (Impression i) ->
                        i.items().isEmpty()
                            ? List.<KV<Integer, Long>>of()
                            : List.of(KV.of(i.day(), (long) i.items().size()))))
        .apply("SumPerDay", Sum.longsPerKey())
        .apply("AsMap", View.asMap());
  }
}
