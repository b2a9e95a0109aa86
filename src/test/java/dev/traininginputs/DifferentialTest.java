package dev.traininginputs;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.ActionType;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.History;
import dev.traininginputs.model.ImpressedItem;
import dev.traininginputs.model.Impression;
import dev.traininginputs.model.TrainingRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pipeline's core against a deliberately naive reading of SPEC §3 (for every impressed item:
 * filter the customer's actions by day, sort, cut, pad) on generated data dense in ties,
 * duplicates, late events, boundary days and one hot customer.
 */
@Tag("pipeline")
class DifferentialTest {
  private static final int FIRST_DAY = Days.of("2025-03-01");

  @ParameterizedTest(name = "N={0} L={1} seed={2}")
  @CsvSource({"1, 1, 1", "3, 0, 2", "5, 7, 3", "40, 3, 4", "1000, 365, 5"})
  void pipelineAgreesWithNaiveHistories(int n, int l, long seed) {
    Random random = new Random(seed);
    List<Impression> impressions = impressions(random);
    List<Action> actions = actions(random, l);

    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    PCollection<TrainingRow> rows =
        TrainingInputsPipeline.buildRows(
            p.apply("Impressions", Create.of(impressions).withCoder(Impression.Coder.of())),
            p.apply("Actions", Create.of(actions).withCoder(Action.Coder.of())),
            n,
            l);
    PAssert.that(rows).containsInAnyOrder(naive(impressions, actions, n, l));
    p.run().waitUntilFinish();
  }

  /** 40 customers on 4 days; some rankings empty, some items repeated. */
  static List<Impression> impressions(Random random) {
    List<Impression> impressions = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      long customer = 1 + random.nextInt(40);
      int day = FIRST_DAY + 10 + random.nextInt(4);
      List<Impression.Item> items = new ArrayList<>();
      for (int k = random.nextInt(4); k > 0; k--) {
        items.add(new Impression.Item(1 + random.nextInt(30), random.nextBoolean()));
      }
      impressions.add(new Impression(day, "r" + i, customer, items));
    }
    return impressions;
  }

  /** About 3,000 actions: customer 1 is hot; times from a coarse grid so that ties abound. */
  static List<Action> actions(Random random, int lookback) {
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      long customer = random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(45);
      // Partition days from well before the look-back to after the last impression day.
      int day = FIRST_DAY + 10 - lookback - 2 + random.nextInt(lookback + 8);
      // Mostly on the partition day, sometimes a late event from the day before, or later.
      int timeDay = day + (random.nextInt(6) == 0 ? -1 : random.nextInt(10) == 0 ? 1 : 0);
      long second = timeDay * 86_400L + 3_600L * random.nextInt(3);
      int nano = random.nextInt(8) == 0 ? 500_000_000 : 0;
      ActionType type = ActionType.fromCode(1 + random.nextInt(3));
      if (type == ActionType.ORDER) {
        second = day * 86_400L;
        nano = 0;
      }
      Action action = new Action(customer, day, second, nano, type, 1 + random.nextInt(6));
      actions.add(action);
      if (random.nextInt(10) == 0) {
        actions.add(action);
      }
    }
    return actions;
  }

  static List<TrainingRow> naive(List<Impression> impressions, List<Action> actions, int n, int l) {
    List<TrainingRow> rows = new ArrayList<>();
    for (Impression impression : impressions) {
      int d = impression.day();
      List<Action> eligible = new ArrayList<>();
      for (Action a : actions) {
        if (a.customerId() == impression.customerId() && a.day() >= d - l && a.day() <= d - 1) {
          eligible.add(a);
        }
      }
      eligible.sort(
          (x, y) -> {
            if (x.epochSecond() != y.epochSecond()) {
              return x.epochSecond() > y.epochSecond() ? -1 : 1;
            }
            if (x.nano() != y.nano()) {
              return x.nano() > y.nano() ? -1 : 1;
            }
            if (x.type() != y.type()) {
              return x.type().code() > y.type().code() ? -1 : 1;
            }
            return Integer.compare(y.itemId(), x.itemId());
          });
      int[] items = new int[n];
      int[] types = new int[n];
      int length = Math.min(n, eligible.size());
      for (int i = 0; i < length; i++) {
        items[i] = eligible.get(i).itemId();
        types[i] = eligible.get(i).type().code();
      }
      History history = new History(items, types, length);
      for (int position = 0; position < impression.items().size(); position++) {
        Impression.Item item = impression.items().get(position);
        rows.add(
            new TrainingRow(
                new ImpressedItem(
                    impression.customerId(),
                    d,
                    impression.rankingId(),
                    position,
                    item.itemId(),
                    item.isOrder()),
                history));
      }
    }
    return rows;
  }
}
