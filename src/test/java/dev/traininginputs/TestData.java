package dev.traininginputs;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.ActionType;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.History;
import dev.traininginputs.model.ImpressedItem;
import dev.traininginputs.model.Impression;
import dev.traininginputs.model.TrainingRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small builders that keep test inputs readable: {@code click(7, 11, "2025-01-09", "13:00")}. */
public final class TestData {
  private TestData() {}

  /** A click in partition {@code dt} at {@code dt time} UTC. */
  public static Action click(long customer, int item, String dt, String time) {
    return action(customer, ActionType.CLICK, item, dt, dt + "T" + time);
  }

  /** A click in partition {@code dt} whose timestamp is another day's (a late event). */
  public static Action lateClick(long customer, int item, String dt, String dateTime) {
    return action(customer, ActionType.CLICK, item, dt, dateTime);
  }

  public static Action cart(long customer, int item, String dt, String time) {
    return action(customer, ActionType.ADD_TO_CART, item, dt, dt + "T" + time);
  }

  /** An order: its time is 00:00:00 UTC of its order date. */
  public static Action order(long customer, int item, String orderDate) {
    return action(customer, ActionType.ORDER, item, orderDate, orderDate + "T00:00");
  }

  public static Action action(
      long customer, ActionType type, int item, String dt, String dateTime) {
    Instant time = LocalDateTime.parse(dateTime).toInstant(ZoneOffset.UTC);
    return new Action(customer, Days.of(dt), time.getEpochSecond(), time.getNano(), type, item);
  }

  /** An impression with items given as item ids; every other one is ordered. */
  public static Impression impression(long customer, String dt, String ranking, int... items) {
    List<Impression.Item> list = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      list.add(new Impression.Item(items[i], i % 2 == 1));
    }
    return new Impression(Days.of(dt), ranking, customer, list);
  }

  /** The history a test expects: items and types newest first, padded to {@code n}. */
  public static History history(int n, int[] items, int[] types) {
    return new History(Arrays.copyOf(items, n), Arrays.copyOf(types, n), items.length);
  }

  public static int[] ints(int... values) {
    return values;
  }

  /** The rows of an impression, all with the same history. */
  public static List<TrainingRow> rows(Impression impression, History history) {
    List<TrainingRow> rows = new ArrayList<>();
    for (int p = 0; p < impression.items().size(); p++) {
      Impression.Item item = impression.items().get(p);
      rows.add(
          new TrainingRow(
              new ImpressedItem(
                  impression.customerId(),
                  impression.day(),
                  impression.rankingId(),
                  p,
                  item.itemId(),
                  item.isOrder()),
              history));
    }
    return rows;
  }

  /** Writes {@code lines} to {@code root/file}, making its folders: a file of a test lake. */
  public static void writeLines(Path root, String file, String... lines) throws IOException {
    Path path = root.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, String.join("\n", lines) + (lines.length > 0 ? "\n" : ""));
  }

  /** An impressions CSV cell with one item that is not ordered. */
  public static String impressionsCell(int item) {
    return "\"[{\"\"item_id\"\": " + item + ", \"\"is_order\"\": false}]\"";
  }
}
