package dev.traininginputs;

import static dev.traininginputs.TestData.cart;
import static dev.traininginputs.TestData.click;
import static dev.traininginputs.TestData.history;
import static dev.traininginputs.TestData.impression;
import static dev.traininginputs.TestData.ints;
import static dev.traininginputs.TestData.lateClick;
import static dev.traininginputs.TestData.order;
import static dev.traininginputs.TestData.rows;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.History;
import dev.traininginputs.model.Impression;
import dev.traininginputs.model.TrainingRow;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The core of the pipeline, {@link TrainingInputsPipeline#buildRows}, on hand-made inputs. */
@Tag("pipeline")
@ExtendWith(TestPipelineExtension.class)
class BuildRowsTest {
  private static final int N = 3;
  private static final int L = 10;

  private static PCollection<TrainingRow> build(
      TestPipeline p, List<Impression> impressions, List<Action> actions) {
    return TrainingInputsPipeline.buildRows(
        p.apply("Impressions", Create.of(impressions).withCoder(Impression.Coder.of())),
        p.apply("Actions", Create.of(actions).withCoder(Action.Coder.of())),
        N,
        L);
  }

  @Test
  void rows_oneForEveryImpressedItemWithTheCustomersHistory(TestPipeline p) {
    Impression monday = impression(1, "2025-03-10", "r1", 501, 502);
    Impression tuesday = impression(1, "2025-03-11", "r2", 503);
    PCollection<TrainingRow> rows =
        build(
            p,
            List.of(monday, tuesday),
            List.of(
                click(1, 11, "2025-03-09", "18:30"),
                lateClick(1, 12, "2025-03-10", "2025-03-09T23:59:30"),
                click(1, 13, "2025-03-11", "07:00"),
                order(1, 14, "2025-03-05")));

    List<TrainingRow> expected = new ArrayList<>();
    expected.addAll(rows(monday, history(N, ints(11, 14), ints(1, 3))));
    expected.addAll(rows(tuesday, history(N, ints(12, 11, 14), ints(1, 1, 3))));
    PAssert.that(rows).containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }

  @Test
  void rows_ofCustomersWithoutActionsHaveZeroHistories(TestPipeline p) {
    Impression impression = impression(2, "2025-03-10", "r1", 7, 8, 9);
    PCollection<TrainingRow> rows =
        build(p, List.of(impression), List.of(click(3, 11, "2025-03-09", "10:00")));
    PAssert.that(rows).containsInAnyOrder(rows(impression, History.empty(N)));
    p.run().waitUntilFinish();
  }

  @Test
  void rows_noneForEmptyImpressionArraysOrCustomersWithoutImpressions(TestPipeline p) {
    PCollection<TrainingRow> rows =
        build(
            p,
            List.of(impression(1, "2025-03-10", "empty")),
            List.of(click(1, 11, "2025-03-09", "10:00"), click(2, 12, "2025-03-09", "10:00")));
    PAssert.that(rows).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void rows_takeTheNewestAcrossDaysWhenOneDayHasMoreThanN(TestPipeline p) {
    // Day 03-08 alone has N + 1 actions; its late event sorts newest of all.
    Impression impression = impression(1, "2025-03-10", "r1", 5);
    PCollection<TrainingRow> rows =
        build(
            p,
            List.of(impression),
            List.of(
                click(1, 1, "2025-03-08", "09:00"), click(1, 2, "2025-03-08", "10:00"),
                click(1, 3, "2025-03-08", "11:00"),
                    lateClick(1, 4, "2025-03-08", "2025-03-09T23:00:00"),
                cart(1, 5, "2025-03-09", "12:00"), click(1, 6, "2025-03-09", "08:00")));
    PAssert.that(rows)
        .containsInAnyOrder(rows(impression, history(N, ints(4, 5, 6), ints(1, 2, 1))));
    p.run().waitUntilFinish();
  }

  @Test
  void rows_respectTheLookbackBoundaries(TestPipeline p) {
    // L = 10: 2025-02-28 is exactly L days before 2025-03-10, 2025-02-27 is L + 1.
    Impression impression = impression(1, "2025-03-10", "r1", 5);
    PCollection<TrainingRow> rows =
        build(
            p,
            List.of(impression),
            List.of(
                click(1, 1, "2025-02-27", "23:00"),
                order(1, 2, "2025-02-28"),
                click(1, 3, "2025-03-10", "00:00")));
    PAssert.that(rows).containsInAnyOrder(rows(impression, history(N, ints(2), ints(3))));
    p.run().waitUntilFinish();
  }

  @Test
  void rows_onlyImpressedCustomersActionsCountEachForItsOwnDays(TestPipeline p) {
    // Built days 03-10 and 03-20, L = 10. Customer 1 is impressed on 03-10 only, 2 on 03-20 only,
    // 3 on 03-20 with actions only later (an empty window), 4 never (its actions go nowhere).
    Impression one = impression(1, "2025-03-10", "r1", 5);
    Impression two = impression(2, "2025-03-20", "r2", 6, 7);
    Impression three = impression(3, "2025-03-20", "r3", 8);
    PCollection<TrainingRow> rows =
        build(
            p,
            List.of(one, two, three),
            List.of(
                click(1, 11, "2025-03-09", "10:00"),
                click(1, 12, "2025-03-15", "10:00"),
                click(2, 21, "2025-03-05", "10:00"),
                cart(2, 22, "2025-03-12", "10:00"),
                order(2, 23, "2025-03-19"),
                click(3, 31, "2025-03-25", "10:00"),
                click(4, 41, "2025-03-09", "10:00"),
                click(4, 42, "2025-03-19", "10:00")));
    List<TrainingRow> expected = new ArrayList<>(rows(one, history(N, ints(11), ints(1))));
    expected.addAll(rows(two, history(N, ints(23, 22), ints(3, 2))));
    expected.addAll(rows(three, History.empty(N)));
    PAssert.that(rows).containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }

  @Test
  void rows_ofSeveralRankingsOnOneDayShareOneHistory(TestPipeline p) {
    Impression first = impression(1, "2025-03-10", "r1", 5, 6);
    Impression second = impression(1, "2025-03-10", "r2", 6, 5);
    PCollection<TrainingRow> rows =
        build(
            p,
            List.of(first, second),
            List.of(click(1, 9, "2025-03-09", "10:00"), click(1, 9, "2025-03-09", "10:00")));
    History h = history(N, ints(9, 9), ints(1, 1));
    List<TrainingRow> expected = new ArrayList<>(rows(first, h));
    expected.addAll(rows(second, h));
    PAssert.that(rows).containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }
}
