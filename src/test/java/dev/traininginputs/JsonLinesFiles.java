package dev.traininginputs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.traininginputs.model.Action;
import dev.traininginputs.model.ActionType;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.Impression;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes impressions and actions as JSON Lines, as a Kafka sink would, each value in a randomly
 * chosen accepted form: ids as numbers or digit strings, {@code impressions} as a JSON array or as
 * its JSON text in a string, days plain or {@code dt=}, times as ISO strings; fields in random
 * order, extra fields, and one malformed record at the end of every file (the same mistakes as
 * {@link CsvFiles}'s, so that both are rejected for the same reasons).
 */
final class JsonLinesFiles {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonLinesFiles() {}

  static List<String> impressions(List<Impression> impressions, Random random) {
    List<String> lines = new ArrayList<>();
    for (Impression impression : impressions) {
      ArrayNode items = NODES.arrayNode();
      for (Impression.Item item : impression.items()) {
        items.addObject().put("item_id", item.itemId()).put("is_order", item.isOrder());
      }
      ObjectNode line = NODES.objectNode();
      line.put("page", "home");
      line.put("ranking_id", impression.rankingId());
      id(line, "customer_id", impression.customerId(), random);
      if (random.nextBoolean()) {
        line.set("impressions", items);
      } else {
        line.put("impressions", items.toString());
      }
      line.put("dt", day(impression.day(), random));
      lines.add(line.toString());
    }
    lines.add(
        "{\"impressions\": [], \"customer_id\": 1, \"dt\": \"2025-02-30\", \"ranking_id\": \"broken\"}");
    return lines;
  }

  static List<String> actions(List<Action> actions, ActionType type, Random random) {
    String item = type == ActionType.CLICK ? "item_id" : "config_id";
    List<String> lines = new ArrayList<>();
    for (Action a : actions) {
      if (a.type() != type) {
        continue;
      }
      ObjectNode line = NODES.objectNode();
      id(line, item, a.itemId(), random);
      id(line, "customer_id", a.customerId(), random);
      line.put(type == ActionType.ORDER ? "order_date" : "dt", day(a.day(), random));
      if (type != ActionType.ORDER) {
        line.put(
            type == ActionType.CLICK ? "click_time" : "occurred_at",
            Instant.ofEpochSecond(a.epochSecond(), a.nano()).toString());
      }
      lines.add(line.toString());
    }
    lines.add(
        type == ActionType.ORDER
            ? "{\"config_id\": 0, \"order_date\": \"2025-03-01\", \"customer_id\": 1}"
            : "{\""
                + (type == ActionType.CLICK ? "click_time" : "occurred_at")
                + "\": \"2025-03-01 10:00:00\", \""
                + item
                + "\": 0, \"dt\": \"2025-03-01\", \"customer_id\": 1}");
    return lines;
  }

  /** An id as a JSON number or as a string of digits. */
  private static void id(ObjectNode line, String field, long id, Random random) {
    if (random.nextBoolean()) {
      line.put(field, id);
    } else {
      line.put(field, Long.toString(id));
    }
  }

  private static String day(int epochDay, Random random) {
    return (random.nextInt(4) == 0 ? "dt=" : "") + Days.format(epochDay);
  }

  static void write(Path file, List<String> lines) {
    try {
      Files.createDirectories(file.getParent());
      byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
      if (file.toString().endsWith(".gz")) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
          out.write(bytes);
        }
      } else {
        Files.write(file, bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
