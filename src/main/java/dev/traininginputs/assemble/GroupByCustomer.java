package dev.traininginputs.assemble;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.Impression;
import dev.traininginputs.sequence.BuildHistories;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.join.UnionCoder;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Brings each customer's impression rows and usable actions together in one grouping: both sides
 * tagged ({@link BuildHistories#IMPRESSION}, {@link BuildHistories#ACTION}), flattened and grouped
 * by customer.
 *
 * <p>Input: every impression row of the built days; those with an empty impressions array have no
 * training rows and are dropped here. The actions, already cut to the usable ones ({@link
 * DropUnusableActions}), are given to {@link #with}. Output: per customer, its rows and actions in
 * no particular order, meant to be read once ({@link BuildHistories} streams them).
 *
 * <p>Why one plain grouping rather than a Combine per customer and a join: a Combine's map side
 * holds an accumulator for every customer of its partition, and a join's group is materialized in
 * memory; a grouping read once is streamed from the sorted shuffle on the SparkRunner (with {@code
 * --preferGroupByKeyToHandleHugeValues}, which the command line sets), so no step's memory grows
 * with customers or with one customer's actions.
 */
public final class GroupByCustomer
    extends PTransform<PCollection<Impression>, PCollection<KV<Long, Iterable<RawUnionValue>>>> {
  private final PCollection<Action> actions;

  private GroupByCustomer(PCollection<Action> actions) {
    this.actions = actions;
  }

  /** Groups the impression rows it is applied to with these actions. */
  public static GroupByCustomer with(PCollection<Action> actions) {
    return new GroupByCustomer(actions);
  }

  @Override
  public PCollection<KV<Long, Iterable<RawUnionValue>>> expand(
      PCollection<Impression> impressions) {
    KvCoder<Long, RawUnionValue> tagged =
        KvCoder.of(
            VarLongCoder.of(), UnionCoder.of(List.of(Impression.Coder.of(), Action.Coder.of())));
    TypeDescriptor<KV<Long, RawUnionValue>> type =
        TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptor.of(RawUnionValue.class));
    PCollection<KV<Long, RawUnionValue>> impressionsByCustomer =
        impressions
            .apply("DropEmptyImpressions", Filter.by(impression -> !impression.items().isEmpty()))
            .apply(
                "TagImpressions",
                MapElements.into(type)
                    .via(
                        i ->
                            KV.of(i.customerId(), new RawUnionValue(BuildHistories.IMPRESSION, i))))
            .setCoder(tagged);
    PCollection<KV<Long, RawUnionValue>> actionsByCustomer =
        actions
            .apply(
                "TagActions",
                MapElements.into(type)
                    .via(a -> KV.of(a.customerId(), new RawUnionValue(BuildHistories.ACTION, a))))
            .setCoder(tagged);
    return PCollectionList.of(impressionsByCustomer)
        .and(actionsByCustomer)
        .apply("FlattenBothSides", Flatten.pCollections())
        .apply("GroupByCustomerId", GroupByKey.create());
  }
}
