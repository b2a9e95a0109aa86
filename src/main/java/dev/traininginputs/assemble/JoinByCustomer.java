package dev.traininginputs.assemble;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.ImpressedItem;
import dev.traininginputs.sequence.BuildHistories;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Brings each customer's impressed items and bounded recent actions together: the design card's
 * join, exploded impressions CoGroupByKey'd with one element of actions per customer.
 *
 * <p>Input: every impressed item; the recent actions (from {@link KeepNewestPerDay}, one element
 * per customer) are given to {@link #with}. Output: one {@link CoGbkResult} per customer that has
 * either, holding the items under {@link BuildHistories#ITEMS} and the action lists under {@link
 * BuildHistories#ACTIONS}; either side may be empty.
 */
public final class JoinByCustomer
    extends PTransform<PCollection<ImpressedItem>, PCollection<KV<Long, CoGbkResult>>> {
  private final PCollection<KV<Long, List<Action>>> recentActions;

  private JoinByCustomer(PCollection<KV<Long, List<Action>>> recentActions) {
    this.recentActions = recentActions;
  }

  /** Joins the impressed items it is applied to with these per-customer actions. */
  public static JoinByCustomer with(PCollection<KV<Long, List<Action>>> recentActions) {
    return new JoinByCustomer(recentActions);
  }

  @Override
  public PCollection<KV<Long, CoGbkResult>> expand(PCollection<ImpressedItem> items) {
    PCollection<KV<Long, ImpressedItem>> itemsByCustomer =
        items.apply(
            "KeyItemsByCustomer",
            WithKeys.<Long, ImpressedItem>of(ImpressedItem::customerId)
                .withKeyType(TypeDescriptors.longs()));
    return KeyedPCollectionTuple.of(BuildHistories.ACTIONS, recentActions)
        .and(BuildHistories.ITEMS, itemsByCustomer)
        .apply("GroupByCustomer", CoGroupByKey.create());
  }
}
