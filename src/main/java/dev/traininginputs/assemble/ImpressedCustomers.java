package dev.traininginputs.assemble;

import dev.traininginputs.model.Impression;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The customers with at least one impressed item on a day the run builds, as a {@link
 * CustomerFilter} side input: what lets {@link DropUnusableActions} drop the actions of everyone
 * else before anything is shuffled (SPEC §1, "Only the customers that matter").
 */
public final class ImpressedCustomers
    extends PTransform<PCollection<Impression>, PCollectionView<CustomerFilter>> {

  private ImpressedCustomers() {}

  public static ImpressedCustomers of() {
    return new ImpressedCustomers();
  }

  @Override
  public PCollectionView<CustomerFilter> expand(PCollection<Impression> impressions) {
    // Not Combine.globally(fn).asSingletonView(): that view carries the empty filter (4 MB) as
    // its encoded default value, serialized with every step that reads it, and the DirectRunner
    // serializes a step once per bundle (per input file): minutes on a lake of small files. Here
    // the empty filter is made at run time, when there are no impressions.
    return impressions
        .apply("IntoFilter", Combine.globally(new IntoFilterFn()))
        .apply("AsSideInput", View.asSingleton());
  }

  /** Combines impressions into one filter of their customers; partial filters merge by union. */
  static final class IntoFilterFn
      extends Combine.CombineFn<Impression, CustomerFilter, CustomerFilter> {
    @Override
    public CustomerFilter createAccumulator() {
      return CustomerFilter.empty();
    }

    @Override
    public CustomerFilter addInput(CustomerFilter filter, Impression impression) {
      if (!impression.items().isEmpty()) {
        filter.add(impression.customerId());
      }
      return filter;
    }

    @Override
    public CustomerFilter mergeAccumulators(Iterable<CustomerFilter> filters) {
      CustomerFilter merged = CustomerFilter.empty();
      filters.forEach(merged::addAll);
      return merged;
    }

    @Override
    public CustomerFilter extractOutput(CustomerFilter filter) {
      return filter;
    }

    @Override
    public Coder<CustomerFilter> getAccumulatorCoder(
        CoderRegistry registry, Coder<Impression> input) {
      return CustomerFilter.Coder.of();
    }

    @Override
    public Coder<CustomerFilter> getDefaultOutputCoder(
        CoderRegistry registry, Coder<Impression> input) {
      return CustomerFilter.Coder.of();
    }
  }
}
