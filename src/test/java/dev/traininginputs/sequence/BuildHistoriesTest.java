package dev.traininginputs.sequence;

import static dev.traininginputs.TestData.cart;
import static dev.traininginputs.TestData.click;
import static dev.traininginputs.TestData.history;
import static dev.traininginputs.TestData.impression;
import static dev.traininginputs.TestData.ints;
import static dev.traininginputs.TestData.order;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.ActionBatch;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.History;
import dev.traininginputs.model.HistoryRows;
import dev.traininginputs.model.Impression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.join.UnionCoder;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link BuildHistories} on a few hand-made groups, as {@code GroupByCustomer} hands them over. */
@Tag("pipeline")
@ExtendWith(TestPipelineExtension.class)
class BuildHistoriesTest {

  /**
   * One customer's group: impression rows and actions, in the order given, each action in a batch
   * of its own.
   */
  private static KV<Long, Iterable<RawUnionValue>> group(long customer, Object... values) {
    List<RawUnionValue> union = new ArrayList<>();
    for (Object value : values) {
      union.add(
          value instanceof Action action
              ? new RawUnionValue(BuildHistories.ACTION, ActionBatch.of(customer, List.of(action)))
              : new RawUnionValue(BuildHistories.IMPRESSION, value));
    }
    return KV.of(customer, union);
  }

  private static PCollectionView<Map<Integer, Long>> builtDays(TestPipeline p, String... days) {
    List<KV<Integer, Long>> entries = new ArrayList<>();
    for (String day : days) {
      entries.add(KV.of(Days.of(day), 1L));
    }
    return p.apply("Days", Create.of(entries)).apply(View.asMap());
  }

  @Test
  void eachImpressionDayOfACustomerGetsItsHistoryOnce(TestPipeline p) {
    Impression r1 = impression(1, "2025-03-10", "r1", 5, 6);
    Impression r2 = impression(1, "2025-03-11", "r2", 8);
    Impression r3 = impression(1, "2025-03-11", "r3", 9);
    Impression lone = impression(3, "2025-03-10", "r4", 7);
    PCollection<KV<Long, Iterable<RawUnionValue>>> groups =
        p.apply(
            Create.of(
                    group(
                        1,
                        click(1, 14, "2025-03-11", "08:00"), // the day itself: in no history
                        r1,
                        click(1, 11, "2025-03-09", "10:00"),
                        r2,
                        cart(1, 12, "2025-03-10", "09:00"),
                        order(1, 13, "2025-03-08"),
                        order(1, 15, "2025-03-01"), // beyond L = 3 days of both
                        r3),
                    // Actions without impressions (let through by the Bloom filter): no rows.
                    group(2, click(2, 21, "2025-03-09", "10:00")),
                    // Impressions without actions: an empty history.
                    group(3, lone))
                .withCoder(
                    KvCoder.of(
                        VarLongCoder.of(),
                        IterableCoder.of(
                            UnionCoder.of(
                                List.of(Impression.Coder.of(), ActionBatch.Coder.of()))))));
    PCollection<HistoryRows> built =
        groups.apply(
            BuildHistories.of(3, new LookbackWindow(3), builtDays(p, "2025-03-10", "2025-03-11")));
    PAssert.that(built)
        .containsInAnyOrder(
            new HistoryRows(history(3, ints(11, 13), ints(1, 3)), List.of(r1)),
            new HistoryRows(history(3, ints(12, 11, 13), ints(2, 1, 3)), List.of(r2, r3)),
            new HistoryRows(History.empty(3), List.of(lone)));
    p.run().waitUntilFinish();
  }
}
