package dev.traininginputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.ActionType;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.Impression;
import dev.traininginputs.model.TrainingRow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole pipeline, from CSV files to Parquet, against the naive histories of
 * {@link DifferentialTest}: the generated actions are written in every accepted form (plain and
 * {@code dt=} days, space or {@code T}, {@code Z} and other offsets, fractions), columns in an
 * unusual order, with a malformed line mixed in.
 */
class CsvDifferentialTest {
  @TempDir Path inputs;
  @TempDir Path output;

  @ParameterizedTest(name = "N={0} L={1}")
  @CsvSource({"5, 7, 21", "1000, 365, 22"})
  void pipelineFromCsvAgreesWithNaiveHistories(int n, int l, long seed) {
    Random random = new Random(seed);
    List<Impression> impressions = DifferentialTest.impressions(random);
    List<Action> actions = DifferentialTest.actions(random, l);

    PipelineRun run = new PipelineRun(inputs, output);
    run.options().setSequenceLength(n);
    run.options().setLookbackDays(l);
    run.write("impressions.csv", impressionLines(impressions, random).toArray(String[]::new))
        .write("clicks.csv", actionLines(actions, ActionType.CLICK, random,
            "click_time,item_id,dt,customer_id").toArray(String[]::new))
        .write("add_to_carts.csv", actionLines(actions, ActionType.ADD_TO_CART, random,
            "occurred_at,config_id,dt,customer_id").toArray(String[]::new))
        .write("previous_orders.csv", actionLines(actions, ActionType.ORDER, random,
            "config_id,order_date,customer_id").toArray(String[]::new));
    run.run();

    List<TrainingRow> expected = DifferentialTest.naive(impressions, actions, n, l);
    assertThat(ParquetRows.read(output), containsInAnyOrder(expected.toArray()));
  }

  private static List<String> impressionLines(List<Impression> impressions, Random random) {
    List<String> lines = new ArrayList<>(List.of("impressions,customer_id,dt,ranking_id"));
    for (Impression impression : impressions) {
      StringBuilder json = new StringBuilder("[");
      for (Impression.Item item : impression.items()) {
        json.append(json.length() > 1 ? ", " : "").append("{\"\"item_id\"\": ").append(item.itemId())
            .append(", \"\"is_order\"\": ").append(item.isOrder()).append('}');
      }
      lines.add("\"" + json + "]\"," + impression.customerId() + "," + day(impression.day(), random)
          + "," + impression.rankingId());
    }
    lines.add("[],1,2025-02-30,broken");
    return lines;
  }

  private static List<String> actionLines(
      List<Action> actions, ActionType type, Random random, String header) {
    List<String> lines = new ArrayList<>(List.of(header));
    for (Action a : actions) {
      if (a.type() != type) {
        continue;
      }
      String day = day(a.day(), random);
      lines.add(switch (type) {
        case CLICK, ADD_TO_CART ->
            time(a, random) + "," + a.itemId() + "," + day + "," + a.customerId();
        case ORDER -> a.itemId() + "," + day + "," + a.customerId();
      });
    }
    lines.add(type == ActionType.ORDER ? "0,2025-03-01,1" : "2025-03-01 10:00:00,0,2025-03-01,1");
    return lines;
  }

  private static String day(int epochDay, Random random) {
    return (random.nextInt(4) == 0 ? "dt=" : "") + Days.format(epochDay);
  }

  /** The action's instant written with a random separator, offset and fraction. */
  private static String time(Action a, Random random) {
    Instant instant = Instant.ofEpochSecond(a.epochSecond(), a.nano());
    int offsetHours = random.nextInt(3) - 1;
    ZoneOffset offset = ZoneOffset.ofHours(offsetHours);
    String local = instant.atOffset(offset).toLocalDateTime()
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'" + (random.nextBoolean() ? "T" : " ") + "'HH:mm:ss"));
    if (a.nano() != 0) {
      local += "." + String.format("%09d", a.nano()).replaceAll("0+$", "");
    }
    if (offsetHours == 0) {
      return local + (random.nextBoolean() ? "Z" : "");
    }
    return local + offset.getId();
  }
}
