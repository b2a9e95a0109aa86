package dev.traininginputs.assemble;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.Impression;
import dev.traininginputs.sequence.BuildHistories;
import java.util.List;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Brings each customer's impression rows and bounded recent actions together: impression rows
 * CoGroupByKey'd with one element of actions per customer.
 *
 * <p>Input: every impression row; those with an empty impressions array have no training rows and
 * are dropped here. The recent actions (from {@link KeepNewestPerDay}, one element per customer)
 * are given to {@link #with}. Output: one {@link CoGbkResult} per customer that has either, holding
 * the impression rows under {@link BuildHistories#IMPRESSIONS} and the action lists under {@link
 * BuildHistories#ACTIONS}; either side may be empty.
 *
 * <p>The rows cross the shuffle whole rather than exploded into items: fewer and smaller elements,
 * and each layout of SPEC §4 can be written from them without a second grouping.
 */
public final class JoinByCustomer
    extends PTransform<PCollection<Impression>, PCollection<KV<Long, CoGbkResult>>> {
  private final PCollection<KV<Long, List<Action>>> recentActions;

  private JoinByCustomer(PCollection<KV<Long, List<Action>>> recentActions) {
    this.recentActions = recentActions;
  }

  /** Joins the impressed items it is applied to with these per-customer actions. */
  public static JoinByCustomer with(PCollection<KV<Long, List<Action>>> recentActions) {
    return new JoinByCustomer(recentActions);
  }

  @Override
  public PCollection<KV<Long, CoGbkResult>> expand(PCollection<Impression> impressions) {
    PCollection<KV<Long, Impression>> impressionsByCustomer =
        impressions
            .apply("DropEmptyImpressions", Filter.by(impression -> !impression.items().isEmpty()))
            .apply(
                "KeyImpressionsByCustomer",
                WithKeys.<Long, Impression>of(Impression::customerId)
                    .withKeyType(TypeDescriptors.longs()));
    return KeyedPCollectionTuple.of(BuildHistories.ACTIONS, recentActions)
        .and(BuildHistories.IMPRESSIONS, impressionsByCustomer)
        .apply("GroupByCustomer", CoGroupByKey.create());
  }
}
