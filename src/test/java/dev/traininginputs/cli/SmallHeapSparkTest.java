package dev.traininginputs.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded memory, structurally (SPEC §1): a daily run whose histories, held as objects, would need
 * about twice the heap it is given still completes on the SparkRunner, because no step holds what
 * grows with the customers or the (customer, day) pairs. The job runs as a user runs it: its own
 * JVM, the command line's Spark defaults.
 */
class SmallHeapSparkTest {
  @TempDir Path dir;

  /**
   * One day, 2025-03-14, of {@code customers} customers with one impression row each (two items)
   * and ten clicks each over the 30 days before; no orders or carts.
   */
  private static void writeDay(Path data, int customers) throws IOException {
    Files.createDirectories(data);
    try (BufferedWriter impressions = Files.newBufferedWriter(data.resolve("impressions.csv"));
        BufferedWriter clicks = Files.newBufferedWriter(data.resolve("clicks.csv"))) {
      impressions.write("dt,ranking_id,customer_id,impressions\n");
      clicks.write("dt,customer_id,item_id,click_time\n");
      for (int c = 1; c <= customers; c++) {
        impressions.write(
            "2025-03-14,r"
                + c
                + ","
                + c
                + ",\"[{\"\"item_id\"\": 1, \"\"is_order\"\": false},"
                + " {\"\"item_id\"\": 2, \"\"is_order\"\": true}]\"\n");
        for (int k = 0; k < 10; k++) {
          String day = LocalDate.parse("2025-03-13").minusDays((c + 3L * k) % 30).toString();
          clicks.write(
              day + "," + c + "," + (1 + (c + k) % 5000) + "," + day + " 10:0" + k + ":00\n");
        }
      }
    }
    Files.writeString(data.resolve("add_to_carts.csv"), "dt,customer_id,config_id,occurred_at\n");
    Files.writeString(data.resolve("previous_orders.csv"), "order_date,customer_id,config_id\n");
  }

  @Test
  void aDayOfMoreHistoriesThanTheHeapCouldHoldCompletes() throws Exception {
    // 120,000 (customer, day) histories of N = 1000: two int arrays of 4 kB each, about 960 MB
    // as objects, in a 512 MB heap.
    Path data = dir.resolve("data");
    writeDay(data, 120_000);
    Path output = dir.resolve("out");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    // The flags Spark needs on Java 17, as this JVM got them from the build.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect"))
        .forEach(command::add);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--impressions=" + data.resolve("impressions.csv"),
            "--clicks=" + data.resolve("clicks.csv"),
            "--addToCarts=" + data.resolve("add_to_carts.csv"),
            "--previousOrders=" + data.resolve("previous_orders.csv"),
            "--lookbackDays=30",
            "--output=" + output,
            "--runner=SparkRunner",
            "--sparkMaster=local[2]"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("run.log").toFile())
            .start();
    int code = process.waitFor();
    String log = Files.readString(dir.resolve("run.log"), StandardCharsets.UTF_8);
    assertThat(log, code, equalTo(0));
    assertThat(log, containsString("rows written: "));

    assertThat(log, containsString("rows written: 240,000 in 1 day (2025-03-14)"));
    JsonNode metrics = new ObjectMapper().readTree(output.resolve("_metrics.json").toFile());
    assertThat(metrics.get("customers").asLong(), equalTo(120_000L));
    // Every customer has its ten clicks in the window: no empty history.
    assertThat(metrics.get("zero_history_pct").asDouble(), equalTo(0.0));
    assertThat(metrics.get("avg_history_length").asDouble(), equalTo(10.0));
  }
}
