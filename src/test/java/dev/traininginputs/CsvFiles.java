package dev.traininginputs;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.ActionType;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.Impression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes impressions and actions as the four CSV files, each value in a randomly chosen accepted
 * form (plain and {@code dt=} days, space or {@code T}, {@code Z} and other offsets, fractions),
 * columns in an unusual order, and one malformed line at the end of every file.
 */
final class CsvFiles {
  private final Path folder;

  CsvFiles(Path folder) {
    this.folder = folder;
  }

  void write(List<Impression> impressions, List<Action> actions, Random random) {
    write("impressions.csv", impressionLines(impressions, random));
    write(
        "clicks.csv",
        actionLines(actions, ActionType.CLICK, random, "click_time,item_id,dt,customer_id"));
    write(
        "add_to_carts.csv",
        actionLines(
            actions, ActionType.ADD_TO_CART, random, "occurred_at,config_id,dt,customer_id"));
    write(
        "previous_orders.csv",
        actionLines(actions, ActionType.ORDER, random, "config_id,order_date,customer_id"));
  }

  private void write(String file, List<String> lines) {
    try {
      Files.writeString(
          folder.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> impressionLines(List<Impression> impressions, Random random) {
    List<String> lines = new ArrayList<>(List.of("impressions,customer_id,dt,ranking_id"));
    for (Impression impression : impressions) {
      StringBuilder json = new StringBuilder("[");
      for (Impression.Item item : impression.items()) {
        json.append(json.length() > 1 ? ", " : "")
            .append("{\"\"item_id\"\": ")
            .append(item.itemId())
            .append(", \"\"is_order\"\": ")
            .append(item.isOrder())
            .append('}');
      }
      lines.add(
          "\""
              + json
              + "]\","
              + impression.customerId()
              + ","
              + day(impression.day(), random)
              + ","
              + impression.rankingId());
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
      lines.add(
          switch (type) {
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
    String local =
        instant
            .atOffset(offset)
            .toLocalDateTime()
            .format(
                DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'" + (random.nextBoolean() ? "T" : " ") + "'HH:mm:ss"));
    if (a.nano() != 0) {
      local += "." + String.format("%09d", a.nano()).replaceAll("0+$", "");
    }
    if (offsetHours == 0) {
      return local + (random.nextBoolean() ? "Z" : "");
    }
    return local + offset.getId();
  }
}
