package dev.traininginputs.assemble;

import static dev.traininginputs.TestData.cart;
import static dev.traininginputs.TestData.click;
import static dev.traininginputs.TestData.impression;
import static dev.traininginputs.TestData.order;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.Impression;
import dev.traininginputs.sequence.BuildHistories;
import dev.traininginputs.sequence.LookbackWindow;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The assemble transforms one by one, on a few hand-made elements. */
@Tag("pipeline")
@ExtendWith(TestPipelineExtension.class)
class AssembleTest {

  private static PCollection<Impression> impressions(TestPipeline p, Impression... impressions) {
    return p.apply("Impressions", Create.of(List.of(impressions)).withCoder(Impression.Coder.of()));
  }

  private static PCollection<Action> actions(TestPipeline p, Action... actions) {
    return p.apply("Actions", Create.of(List.of(actions)).withCoder(Action.Coder.of()));
  }

  @Test
  void dropUnusableActions_keepsExactlyTheDaysSomeImpressionDayCanLookBackTo(TestPipeline p) {
    // Impression days 03-10 and 03-20, L = 3: usable action days are 03-07..03-09 and 03-17..03-19.
    PCollectionView<List<Integer>> days =
        impressions(p, impression(1, "2025-03-10", "a", 1), impression(2, "2025-03-20", "b", 1))
            .apply(ImpressionDays.of());
    PCollection<Action> kept =
        actions(
                p,
                click(1, 1, "2025-03-06", "10:00"),
                click(1, 2, "2025-03-07", "10:00"),
                cart(1, 3, "2025-03-09", "23:59"),
                click(1, 4, "2025-03-10", "00:00"),
                order(2, 5, "2025-03-17"),
                click(2, 6, "2025-03-15", "10:00"),
                click(9, 7, "2025-03-19", "10:00"),
                click(9, 8, "2025-03-20", "10:00"))
            .apply(DropUnusableActions.usableFrom(days, new LookbackWindow(3)));
    PAssert.that(kept)
        .containsInAnyOrder(
            click(1, 2, "2025-03-07", "10:00"),
            cart(1, 3, "2025-03-09", "23:59"),
            order(2, 5, "2025-03-17"),
            click(9, 7, "2025-03-19", "10:00"));
    p.run().waitUntilFinish();
  }

  @Test
  void keepNewestPerDay_keepsTheNNewestOfEachCustomerAndDay(TestPipeline p) {
    List<Action> many = new ArrayList<>();
    for (int minute = 10; minute < 50; minute++) {
      many.add(click(1, 100 + minute, "2025-03-09", "10:" + minute));
    }
    many.add(cart(1, 7, "2025-03-08", "09:00"));
    many.add(click(2, 9, "2025-03-09", "08:00"));
    PCollection<KV<Long, List<Action>>> kept =
        p.apply(Create.of(many).withCoder(Action.Coder.of())).apply(KeepNewestPerDay.of(2));
    // Days in ascending order, newest first within a day; ties would break by type, then item.
    PAssert.that(kept)
        .containsInAnyOrder(
            KV.of(
                1L,
                List.of(
                    cart(1, 7, "2025-03-08", "09:00"),
                    click(1, 149, "2025-03-09", "10:49"),
                    click(1, 148, "2025-03-09", "10:48"))),
            KV.of(2L, List.of(click(2, 9, "2025-03-09", "08:00"))));
    p.run().waitUntilFinish();
  }

  @Test
  void joinByCustomer_bringsBothSidesTogetherEitherMayBeEmpty(TestPipeline p) {
    // Customer 1 has two impression rows (one twice) and an action; 2 only an action; 3 only an
    // impression row; 4 only a row with an empty array, which has no training rows.
    PCollection<KV<Long, List<Action>>> recent =
        p.apply(
            "Recent",
            Create.of(
                    KV.of(1L, List.of(click(1, 11, "2025-03-09", "10:00"))),
                    KV.of(2L, List.of(order(2, 12, "2025-03-01"))))
                .withCoder(KvCoder.of(VarLongCoder.of(), ListCoder.of(Action.Coder.of()))));
    PCollection<KV<Long, CoGbkResult>> joined =
        impressions(
                p,
                impression(1, "2025-03-10", "r", 5, 6),
                impression(1, "2025-03-11", "s", 8),
                impression(1, "2025-03-11", "s", 8),
                impression(3, "2025-03-10", "t", 7),
                impression(4, "2025-03-10", "u"))
            .apply(JoinByCustomer.with(recent));
    PCollection<String> described =
        joined.apply(
            MapElements.into(TypeDescriptors.strings())
                .via(
                    kv -> {
                      List<String> rows = new ArrayList<>();
                      kv.getValue()
                          .getAll(BuildHistories.IMPRESSIONS)
                          .forEach(
                              i ->
                                  rows.add(
                                      i.rankingId()
                                          + " "
                                          + i.items().stream()
                                              .map(Impression.Item::itemId)
                                              .toList()));
                      rows.sort(null);
                      List<String> actions = new ArrayList<>();
                      kv.getValue()
                          .getAll(BuildHistories.ACTIONS)
                          .forEach(list -> list.forEach(x -> actions.add("action " + x.itemId())));
                      return kv.getKey() + ": " + rows + " " + actions;
                    }));
    PAssert.that(described)
        .containsInAnyOrder(
            "1: [r [5, 6], s [8], s [8]] [action 11]", "2: [] [action 12]", "3: [t [7]] []");
    p.run().waitUntilFinish();
  }
}
