package dev.traininginputs.assemble;

import static dev.traininginputs.TestData.cart;
import static dev.traininginputs.TestData.click;
import static dev.traininginputs.TestData.impression;
import static dev.traininginputs.TestData.order;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.ActionBatch;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.Impression;
import dev.traininginputs.sequence.BuildHistories;
import dev.traininginputs.sequence.LookbackWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
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
  /** Groups every action: the grouping alone, whoever the customer. */
  private static final GroupByCustomer.ActionTest EVERY_ACTION =
      new GroupByCustomer.ActionTest() {
        @Override
        public List<PCollectionView<?>> sideInputs() {
          return List.of();
        }

        @Override
        public void startBundle() {}

        @Override
        public boolean keeps(Action action, DoFn<?, ?>.ProcessContext context) {
          return true;
        }

        @Override
        public void finishBundle() {}
      };

  private static PCollection<Impression> impressions(
      org.apache.beam.sdk.Pipeline p, Impression... impressions) {
    return p.apply("Impressions", Create.of(List.of(impressions)).withCoder(Impression.Coder.of()));
  }

  private static PCollection<Action> actions(TestPipeline p, Action... actions) {
    return p.apply("Actions", Create.of(List.of(actions)).withCoder(Action.Coder.of()));
  }

  /** Emits the side input's map once, sorted by day, as {@code YYYY-MM-DD=rows} text. */
  private static final class DescribeFn extends DoFn<Integer, String> {
    private final PCollectionView<Map<Integer, Long>> view;

    DescribeFn(PCollectionView<Map<Integer, Long>> view) {
      this.view = view;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Map<String, Long> byDay = new TreeMap<>();
      c.sideInput(view).forEach((day, rows) -> byDay.put(Days.format(day), rows));
      c.output(byDay.toString());
    }
  }

  @Test
  void rowsPerDay_countsTheImpressedItemsOfEachDayThatHasAny(TestPipeline p) {
    PCollectionView<Map<Integer, Long>> rowsPerDay =
        impressions(
                p,
                impression(1, "2025-03-10", "a", 1, 2),
                impression(2, "2025-03-10", "b", 3),
                impression(3, "2025-03-11", "c", 4, 5, 6),
                impression(4, "2025-03-12", "d"))
            .apply(RowsPerDay.of());
    PCollection<String> described =
        p.apply("Once", Create.of(0))
            .apply(ParDo.of(new DescribeFn(rowsPerDay)).withSideInputs(rowsPerDay));
    // 03-12 has only an empty array: no rows, so it is not a built day.
    PAssert.that(described).containsInAnyOrder("{2025-03-10=3, 2025-03-11=3}");
    p.run().waitUntilFinish();
  }

  @Test
  void dropUnusableActions_keepsUsableDaysOfImpressedCustomersOnly(TestPipeline p) {
    // Impression days 03-10 (customer 1) and 03-20 (customer 2), L = 3: usable action days are
    // 03-07..03-09 and 03-17..03-19. Customer 3 has only an empty array; 9 no impression at all.
    PCollection<Impression> impressions =
        impressions(
            p,
            impression(1, "2025-03-10", "a", 1),
            impression(2, "2025-03-20", "b", 1),
            impression(3, "2025-03-10", "c"));
    PCollectionView<Map<Integer, Long>> days = impressions.apply("Days", RowsPerDay.of());
    PCollectionView<CustomerFilter> impressed =
        impressions.apply("Customers", ImpressedCustomers.of());
    PCollection<Action> kept =
        actions(
                p,
                click(1, 1, "2025-03-06", "10:00"),
                click(1, 2, "2025-03-07", "10:00"),
                cart(1, 3, "2025-03-09", "23:59"),
                click(1, 4, "2025-03-10", "00:00"),
                order(2, 5, "2025-03-17"),
                click(2, 6, "2025-03-15", "10:00"),
                click(3, 7, "2025-03-09", "10:00"),
                click(9, 8, "2025-03-19", "10:00"),
                click(9, 9, "2025-03-08", "10:00"))
            .apply(DropUnusableActions.usableFrom(days, impressed, new LookbackWindow(3)));
    PAssert.that(kept)
        .containsInAnyOrder(
            click(1, 2, "2025-03-07", "10:00"),
            cart(1, 3, "2025-03-09", "23:59"),
            order(2, 5, "2025-03-17"));
    p.run().waitUntilFinish();
  }

  @Test
  void dropUnusableActions_withoutImpressionsDropsEveryAction(TestPipeline p) {
    PCollection<Impression> none = impressions(p);
    PCollection<Action> kept =
        actions(p, click(1, 2, "2025-03-07", "10:00"))
            .apply(
                DropUnusableActions.usableFrom(
                    none.apply("Days", RowsPerDay.of()),
                    none.apply("Customers", ImpressedCustomers.of()),
                    new LookbackWindow(3)));
    PAssert.that(kept).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void impressedCustomers_aSideInputThatIsCheapToShip() throws Exception {
    // Every step that reads a side input carries its view, and the DirectRunner serializes a
    // step once per bundle: a view that held the empty 4.8 MB filter as its default was shipped
    // a thousand times on a table of small files.
    org.apache.beam.sdk.Pipeline pipeline = org.apache.beam.sdk.Pipeline.create();
    PCollectionView<CustomerFilter> view =
        impressions(pipeline, impression(1, "2025-03-10", "a", 1)).apply(ImpressedCustomers.of());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(view);
    }
    org.hamcrest.MatcherAssert.assertThat(bytes.size(), org.hamcrest.Matchers.lessThan(100_000));
  }

  @Test
  void groupByCustomer_bringsBothSidesTogetherEitherMayBeEmpty(TestPipeline p) {
    // Customer 1 has two impression rows (one twice) and an action; 2 only an action; 3 only an
    // impression row; 4 only a row with an empty array, which has no training rows.
    PCollection<Action> actions =
        actions(p, click(1, 11, "2025-03-09", "10:00"), order(2, 12, "2025-03-01"));
    PCollection<String> described =
        impressions(
                p,
                impression(1, "2025-03-10", "r", 5, 6),
                impression(1, "2025-03-11", "s", 8),
                impression(1, "2025-03-11", "s", 8),
                impression(3, "2025-03-10", "t", 7),
                impression(4, "2025-03-10", "u"))
            .apply(GroupByCustomer.with(actions, EVERY_ACTION))
            .apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(
                        kv -> {
                          List<String> rows = new ArrayList<>();
                          List<String> acts = new ArrayList<>();
                          for (RawUnionValue v : kv.getValue()) {
                            if (v.getUnionTag() == BuildHistories.IMPRESSION) {
                              Impression i = (Impression) v.getValue();
                              rows.add(
                                  i.rankingId()
                                      + " "
                                      + i.items().stream().map(Impression.Item::itemId).toList());
                            } else {
                              ((ActionBatch) v.getValue())
                                  .forEach(a -> acts.add("action " + a.itemId()));
                            }
                          }
                          rows.sort(null);
                          return kv.getKey() + ": " + rows + " " + acts;
                        }));
    PAssert.that(described)
        .containsInAnyOrder(
            "1: [r [5, 6], s [8], s [8]] [action 11]", "2: [] [action 12]", "3: [t [7]] []");
    p.run().waitUntilFinish();
  }

  @Test
  void groupByCustomer_aFullBufferLosesAndRepeatsNoAction(TestPipeline p) {
    // 600 actions of 3 customers through a buffer of 300 bytes: batches are handed on many times
    // within a bundle, and every action must reach its customer's group exactly once.
    List<Action> all = new ArrayList<>();
    for (int i = 1; i <= 600; i++) {
      all.add(click(i % 3 + 1, i, "2025-03-09", String.format("%02d:%02d", i / 60 % 24, i % 60)));
    }
    PCollection<String> described =
        impressions(
                p,
                impression(1, "2025-03-10", "r", 5),
                impression(2, "2025-03-10", "s", 6),
                impression(3, "2025-03-10", "t", 7))
            .apply(
                GroupByCustomer.with(actions(p, all.toArray(Action[]::new)), EVERY_ACTION)
                    .withBufferBytes(300))
            .apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(
                        kv -> {
                          List<Integer> items = new ArrayList<>();
                          int batches = 0;
                          for (RawUnionValue v : kv.getValue()) {
                            if (v.getUnionTag() == BuildHistories.ACTION) {
                              batches++;
                              ((ActionBatch) v.getValue()).forEach(a -> items.add(a.itemId()));
                            }
                          }
                          items.sort(null);
                          return kv.getKey() + ": " + items + (batches > 1 ? " in batches" : "");
                        }));
    List<String> expected = new ArrayList<>();
    for (long customer = 1; customer <= 3; customer++) {
      List<Integer> items = new ArrayList<>();
      for (Action a : all) {
        if (a.customerId() == customer) {
          items.add(a.itemId());
        }
      }
      expected.add(customer + ": " + items + " in batches");
    }
    PAssert.that(described).containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }
}
