package dev.traininginputs.stats;

import dev.traininginputs.model.Impression;
import java.util.List;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Accepted impressions in, the {@code customers} figure of SPEC §5 out: the distinct customers of
 * impressions with at least one item. Every such customer gets rows and no other does, so this
 * equals the distinct customers of the output, counted on the small impressions side instead of
 * over all rows.
 */
public final class CountCustomers
    extends PTransform<PCollection<Impression>, PCollection<RunMetrics>> {

  private CountCustomers() {}

  public static CountCustomers of() {
    return new CountCustomers();
  }

  @Override
  public PCollection<RunMetrics> expand(PCollection<Impression> impressions) {
    return impressions
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
  }
}
