package dev.traininginputs.assemble;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.ImpressedItem;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Brings each customer's recent actions and impressed items together.
 *
 * <p>Input: a tuple with {@link #RECENT_ACTIONS} (one element per customer, from
 * {@code KeepNewestPerDay}) and {@link #IMPRESSED_ITEMS}. Output: one {@link CoGbkResult} per
 * customer that has either; read it with {@link #ACTIONS} and {@link #ITEMS}, where either side
 * may be empty.
 */
public final class JoinByCustomer
    extends PTransform<PCollectionTuple, PCollection<KV<Long, CoGbkResult>>> {

  /** Input: per customer, the actions any history can use. */
  public static final TupleTag<KV<Long, List<Action>>> RECENT_ACTIONS = new TupleTag<>() {};

  /** Input: every impressed item. */
  public static final TupleTag<ImpressedItem> IMPRESSED_ITEMS = new TupleTag<>() {};

  /** In the result: the customer's action lists. */
  public static final TupleTag<List<Action>> ACTIONS = new TupleTag<>() {};

  /** In the result: the customer's impressed items. */
  public static final TupleTag<ImpressedItem> ITEMS = new TupleTag<>() {};

  @Override
  public PCollection<KV<Long, CoGbkResult>> expand(PCollectionTuple input) {
    PCollection<KV<Long, ImpressedItem>> itemsByCustomer =
        input
            .get(IMPRESSED_ITEMS)
            .apply(
                "KeyItemsByCustomer",
                WithKeys.<Long, ImpressedItem>of(ImpressedItem::customerId)
                    .withKeyType(TypeDescriptors.longs()));
    return KeyedPCollectionTuple.of(ACTIONS, input.get(RECENT_ACTIONS))
        .and(ITEMS, itemsByCustomer)
        .apply("GroupByCustomer", CoGroupByKey.create());
  }
}
