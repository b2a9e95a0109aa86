package dev.traininginputs.stats;

import dev.traininginputs.model.Impression;
import java.util.List;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The accepted impressions of the days the run builds in, two figures of SPEC §5 out: {@code
 * impression_rows}, and {@code customers}, the distinct customers of impressions with at least one
 * item. Every such customer gets rows and no other does, so this equals the distinct customers of
 * the output, counted on the small impressions side instead of over all rows.
 */
public final class CountImpressions
    extends PTransform<PCollection<Impression>, PCollection<RunMetrics>> {

  private CountImpressions() {}

  public static CountImpressions of() {
    return new CountImpressions();
  }

  @Override
  public PCollection<RunMetrics> expand(PCollection<Impression> impressions) {
    PCollection<RunMetrics> rows =
        impressions
            .apply("CountRows", Count.globally())
            .apply(
                "AsRowsFigure",
                MapElements.into(TypeDescriptor.of(RunMetrics.class))
                    .via(RunMetrics::ofImpressionRows))
            .setCoder(MergeFigures.coder());
    PCollection<RunMetrics> customers =
        impressions
            .apply(
                "CustomersWithItems",
                FlatMapElements.into(TypeDescriptors.longs())
                    .via(i -> i.items().isEmpty() ? List.<Long>of() : List.of(i.customerId())))
            .apply("DistinctCustomers", Distinct.create())
            .apply("CountDistinct", Count.globally())
            .apply(
                "AsFigure",
                MapElements.into(TypeDescriptor.of(RunMetrics.class)).via(RunMetrics::ofCustomers))
            .setCoder(MergeFigures.coder());
    return PCollectionList.of(rows).and(customers).apply("BothFigures", Flatten.pCollections());
  }
}
