package dev.traininginputs.generate;

import dev.traininginputs.model.DayRange;
import dev.traininginputs.model.Source;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the four input CSVs of SPEC §1 with realistic shape and every nasty case: Zipf-skewed
 * customers and items, timestamps on a coarse grid so that ties are common, late events (timestamp
 * on D − 1, partition D), exact duplicates, {@code dt=} dates, {@code T}, {@code Z} and offset
 * timestamps, quoted commas, empty impression arrays, optional hot customers, and an optional share
 * of malformed rows of every kind. Hot customers (ids -1, -2, ...) get a ranking every impression
 * day and the given number of clicks. One seeded generator drives everything in a fixed order, so
 * the same settings give byte-identical files.
 */
public final class DataGenerator {
  private static final double ORDER_RATE = 0.03;
  private static final double ZIPF_EXPONENT = 1.05;

  /** The settings, already checked. */
  public record Settings(
      long seed,
      int impressionRows,
      int customers,
      int impressionDays,
      LocalDate lastDay,
      int historyDays,
      int clicks,
      int addToCarts,
      int previousOrders,
      int items,
      int hotCustomers,
      int hotActions,
      double malformedShare) {}

  /** How many lines of each file were written. */
  public record Written(long impressions, long clicks, long addToCarts, long previousOrders) {}

  private final Settings settings;
  private final SplittableRandom random;
  private final Zipf customers;
  private final Zipf items;
  private final int lastDay;
  private final int firstImpressionDay;
  private final int firstActionDay;

  public DataGenerator(Settings settings) {
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
    this.customers = new Zipf(settings.customers(), ZIPF_EXPONENT);
    this.items = new Zipf(settings.items(), ZIPF_EXPONENT);
    this.lastDay = (int) settings.lastDay().toEpochDay();
    this.firstImpressionDay = lastDay - settings.impressionDays() + 1;
    this.firstActionDay = firstImpressionDay - settings.historyDays();
  }

  /**
   * The partition days a source's rows may fall on: the impression days, or for actions every day
   * from the first history day to the last impression day. A lake has a partition for each of them,
   * empty when no row fell on it.
   */
  public DayRange days(Source source) {
    return new DayRange(
        source == Source.IMPRESSIONS ? firstImpressionDay : firstActionDay, lastDay);
  }

  public Written writeTo(Path folder, String suffix) throws IOException {
    Files.createDirectories(folder);
    long impressions = write(folder.resolve("impressions" + suffix + ".csv"), this::impressions);
    long clicks = write(folder.resolve("clicks" + suffix + ".csv"), this::clicks);
    long carts = write(folder.resolve("add_to_carts" + suffix + ".csv"), this::addToCarts);
    long orders = write(folder.resolve("previous_orders" + suffix + ".csv"), this::previousOrders);
    return new Written(impressions, clicks, carts, orders);
  }

  private interface Body {
    long write(Writer out) throws IOException;
  }

  private static long write(Path file, Body body) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      return body.write(out);
    }
  }

  private long impressions(Writer out) throws IOException {
    out.write("dt,ranking_id,customer_id,impressions\n");
    long lines = 0;
    for (int row = 0; row < settings.impressionRows(); row++) {
      String ranking = random.nextInt(100) == 0 ? "\"r-" + row + ",b\"" : "r-" + row;
      StringBuilder json = new StringBuilder("\"[");
      int count = random.nextInt(11);
      for (int i = 0; i < count; i++) {
        json.append(i > 0 ? ", " : "")
            .append("{\"\"item_id\"\": ")
            .append(items.sample(random))
            .append(", \"\"is_order\"\": ")
            .append(random.nextDouble() < ORDER_RATE)
            .append('}');
      }
      json.append("]\"");
      int day = firstImpressionDay + random.nextInt(settings.impressionDays());
      out.write(date(day) + "," + ranking + "," + customer() + "," + json + "\n");
      lines++;
      lines += maybeMalformed(out, Malformed.IMPRESSIONS);
    }
    // Hot customers are shown a ranking of five items every impression day.
    for (int hot = 1; hot <= settings.hotCustomers(); hot++) {
      for (int day = firstImpressionDay; day <= lastDay; day++) {
        StringBuilder json = new StringBuilder("\"[");
        for (int i = 0; i < 5; i++) {
          json.append(i > 0 ? ", " : "")
              .append("{\"\"item_id\"\": ")
              .append(items.sample(random))
              .append(", \"\"is_order\"\": ")
              .append(i == 0)
              .append('}');
        }
        out.write(date(day) + ",hot-" + hot + "-" + day + "," + (-hot) + "," + json + "]\"\n");
        lines++;
      }
    }
    return lines;
  }

  private long clicks(Writer out) throws IOException {
    out.write("dt,customer_id,item_id,click_time\n");
    long lines = timedActions(out, settings.clicks(), Malformed.CLICKS, false);
    for (int hot = 1; hot <= settings.hotCustomers(); hot++) {
      long customer = -hot;
      for (int i = 0; i < settings.hotActions(); i++) {
        int day = actionDay();
        out.write(date(day) + "," + customer + "," + items.sample(random) + "," + time(day) + "\n");
        lines++;
      }
    }
    return lines;
  }

  private long addToCarts(Writer out) throws IOException {
    out.write("customer_id,dt,simple_id,config_id,occurred_at\n");
    return timedActions(out, settings.addToCarts(), Malformed.ADD_TO_CARTS, true);
  }

  private long timedActions(Writer out, int rows, Malformed kind, boolean carts)
      throws IOException {
    long lines = 0;
    String previous = null;
    for (int i = 0; i < rows; i++) {
      String line;
      if (previous != null && random.nextInt(50) == 0) {
        line = previous; // an exact duplicate
      } else {
        int day = actionDay();
        long customer = customer();
        int item = items.sample(random);
        String time = time(day);
        line =
            carts
                ? customer
                    + ","
                    + date(day)
                    + ","
                    + item
                    + "-"
                    + (36 + random.nextInt(10))
                    + ","
                    + item
                    + ","
                    + time
                : date(day) + "," + customer + "," + item + "," + time;
      }
      out.write(line + "\n");
      previous = line;
      lines++;
      lines += maybeMalformed(out, kind);
    }
    return lines;
  }

  private long previousOrders(Writer out) throws IOException {
    out.write("order_date,customer_id,config_id\n");
    long lines = 0;
    for (int i = 0; i < settings.previousOrders(); i++) {
      out.write(date(actionDay()) + "," + customer() + "," + items.sample(random) + "\n");
      lines++;
      lines += maybeMalformed(out, Malformed.PREVIOUS_ORDERS);
    }
    return lines;
  }

  private long customer() {
    return 100_000 + customers.sample(random);
  }

  /** Partition days from well before the look-back to the last impression day. */
  private int actionDay() {
    return firstActionDay + random.nextInt(lastDay - firstActionDay + 1);
  }

  private String date(int epochDay) {
    String date = LocalDate.ofEpochDay(epochDay).toString();
    return random.nextInt(10) == 0 ? "dt=" + date : date;
  }

  /**
   * A timestamp for partition {@code day}: mostly within the day, on a 15-minute grid a third of
   * the time (ties), 3% late events from the last minutes of the day before; written with a space
   * or {@code T}, and plain, {@code Z} or with a +02:00 offset naming the same instant.
   */
  private String time(int day) {
    long second;
    int roll = random.nextInt(100);
    if (roll < 3) {
      second = (day - 1) * 86_400L + 86_400 - 1 - random.nextInt(600);
    } else if (roll < 36) {
      second = day * 86_400L + 900L * random.nextInt(96);
    } else {
      second = day * 86_400L + random.nextInt(86_400);
    }
    int nano = random.nextInt(20) == 0 ? random.nextInt(1000) * 1_000_000 : 0;
    int style = random.nextInt(10);
    ZoneOffset offset = style == 0 ? ZoneOffset.ofHours(2) : ZoneOffset.UTC;
    LocalDateTime local = LocalDateTime.ofEpochSecond(second, nano, offset);
    String text =
        String.format(
            Locale.ROOT,
            "%sT%02d:%02d:%02d",
            local.toLocalDate(),
            local.getHour(),
            local.getMinute(),
            local.getSecond());
    if (nano != 0) {
      text += String.format(Locale.ROOT, ".%03d", nano / 1_000_000);
    }
    if (style % 2 == 1) {
      text = text.replace('T', ' ');
    }
    return switch (style) {
      case 0 -> text + "+02:00";
      case 2, 4 -> text + "Z";
      default -> text;
    };
  }

  private long maybeMalformed(Writer out, Malformed kind) throws IOException {
    if (settings.malformedShare() <= 0 || random.nextDouble() >= settings.malformedShare()) {
      return 0;
    }
    String[] lines = kind.lines;
    out.write(lines[random.nextInt(lines.length)] + "\n");
    return 1;
  }

  /** Malformed lines of every kind, per file. */
  private enum Malformed {
    IMPRESSIONS(
        "2025-03-10,r-x,101",
        "2025-03-10,r-x,101,[],extra",
        "2025-03-10,,101,[]",
        "2025-02-30,r-x,101,[]",
        "2025-13-01,r-x,101,[]",
        "2025-03-10,r-x,abc,[]",
        "2025-03-10,r-x,9223372036854775808,[]",
        "2025-03-10,r-x,101,\"[{\"\"item_id\"\": 5, \"\"is_order\"\": false}\"",
        "2025-03-10,r-x,101,\"[{\"\"item_id\"\": 5}]\"",
        "2025-03-10,r-x,101,\"[{\"\"is_order\"\": true}]\"",
        "2025-03-10,r-x,101,\"[{\"\"item_id\"\": \"\"5\"\", \"\"is_order\"\": true}]\"",
        "2025-03-10,r-x,101,\"[{\"\"item_id\"\": 0, \"\"is_order\"\": true}]\"",
        "2025-03-10,r-x,101,\"{\"\"item_id\"\": 5}\"",
        "2025-03-10,\"r-x,101,[]"),
    CLICKS(
        "2025-03-10,101,5",
        "2025-03-10,101,5,2025-03-10 10:00:00,extra",
        "2025-03-10,,5,2025-03-10 10:00:00",
        "2025-03-10,101,0,2025-03-10 10:00:00",
        "2025-03-10,101,2147483648,2025-03-10 10:00:00",
        "2025-03-10,101,x5,2025-03-10 10:00:00",
        "2025-02-30,101,5,2025-03-10 10:00:00",
        "2025-03-10,101,5,2025-03-10 25:00:00",
        "2025-03-10,101,5,2025-02-30T10:00:00Z",
        "2025-03-10,101,5,yesterday"),
    ADD_TO_CARTS(
        "101,2025-03-10,5-40,5",
        "101,2025-03-10,5-40,-5,2025-03-10T10:00:00",
        "101,2025-13-10,5-40,5,2025-03-10T10:00:00",
        "101,2025-03-10,5-40,5,2025-03-10T10:00:00+2",
        "101,2025-03-10,5-40,,2025-03-10T10:00:00"),
    PREVIOUS_ORDERS(
        "2025-03-10,101", "2025-03-32,101,5", "2025-03-10,101,0", "2025-03-10,1.5,5", ",101,5");

    private final String[] lines;

    Malformed(String... lines) {
      this.lines = lines;
    }
  }

  /** Samples 1..n with probability proportional to 1/k^s, by binary search over the CDF. */
  static final class Zipf {
    private final double[] cumulative;

    Zipf(int n, double exponent) {
      cumulative = new double[n];
      double sum = 0;
      for (int k = 1; k <= n; k++) {
        sum += 1 / Math.pow(k, exponent);
        cumulative[k - 1] = sum;
      }
      for (int k = 0; k < n; k++) {
        cumulative[k] /= sum;
      }
    }

    int sample(SplittableRandom random) {
      int i = Arrays.binarySearch(cumulative, random.nextDouble());
      return Math.min(cumulative.length, (i >= 0 ? i : -i - 1) + 1);
    }
  }
}
