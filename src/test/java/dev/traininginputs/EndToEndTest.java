package dev.traininginputs;

import static dev.traininginputs.TestData.history;
import static dev.traininginputs.TestData.impression;
import static dev.traininginputs.TestData.ints;
import static dev.traininginputs.TestData.rows;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.traininginputs.model.History;
import dev.traininginputs.model.Impression;
import dev.traininginputs.model.TrainingRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real pipeline on CSV files with a malformed row in each, read back from Parquet. N = 4, L =
 * 10.
 */
@Tag("pipeline")
class EndToEndTest {
  @TempDir Path inputs;
  @TempDir Path output;
  private PipelineRun run;

  @BeforeEach
  void writeInputs() {
    run =
        new PipelineRun(inputs, output)
            .write(
                "impressions.csv",
                "customer_id,dt,ranking_id,impressions,page",
                "1,2025-03-10,r1,\"[{\"\"item_id\"\": 501, \"\"is_order\"\": false}, {\"\"item_id\"\": 502, \"\"is_order\"\": true}]\",home",
                "1,dt=2025-03-11,r2,\"[{\"\"item_id\"\": 503, \"\"is_order\"\": false}]\",home",
                "2,2025-03-10,\"r,3\",\"[{\"\"item_id\"\": 504, \"\"is_order\"\": false}]\",search",
                "3,2025-03-11,r4,[],home",
                "4,2025-03-11,r5,\"[{\"\"item_id\"\": 505, \"\"is_order\"\": false}]\",home",
                "1,2025-03-10,r6,\"[{\"\"item_id\"\": \"\"x\"\", \"\"is_order\"\": false}]\",home")
            .write(
                "clicks.csv",
                "dt,customer_id,item_id,click_time",
                "2025-03-09,1,11,2025-03-09 18:30:00",
                "2025-03-09,1,11,2025-03-09 18:30:00",
                "2025-03-10,1,12,2025-03-09 23:59:30",
                "2025-03-11,1,13,2025-03-11 07:00:00",
                "2025-02-28,1,14,2025-02-28 12:00:00",
                "2025-02-27,1,15,2025-02-27 12:00:00",
                "2025-03-05,1,16,2025-03-05T00:00:00Z",
                "2025-03-09,3,31,2025-03-09 10:00:00",
                "2025-03-09,4,41,2025-03-09 10:00:00",
                "2025-03-09,4,42,2025-03-09 10:00:00",
                "2025-03-09,4,43,2025-03-09 10:00:00.001",
                "2025-03-09,4,44,2025-03-09 09:00:00",
                "2025-03-09,4,45,2025-03-09 08:00:00",
                "2025-03-09,1,17,2025-03-09 24:00:00")
            .write(
                "add_to_carts.csv",
                "simple_id,occurred_at,config_id,customer_id,dt",
                "x1,2025-03-09T12:00:00+02:00,41,4,2025-03-09",
                "x2,2025-03-08 20:00:00,18,1,2025-03-08",
                "x3,2025-03-08 20:00:00,2147483648,1,2025-03-08")
            .write(
                "previous_orders.csv",
                "order_date,customer_id,config_id",
                "2025-03-05,1,19",
                "dt=2025-03-01,2,21",
                "2025-03-01,,22");
  }

  private static List<TrainingRow> expectedRows() {
    List<TrainingRow> rows = new ArrayList<>();
    // Customer 1 on 03-10: 03-10 and later partitions excluded; 02-28 is exactly L back, 02-27 is
    // L + 1; the order at 03-05 00:00 ties with a click and wins on type.
    rows.addAll(
        rows(
            impression(1, "2025-03-10", "r1", 501, 502),
            history(4, ints(11, 11, 18, 19), ints(1, 1, 2, 3))));
    // On 03-11 the late event (partition 03-10) becomes eligible; 02-28 is now L + 1 back.
    rows.addAll(
        rows(
            single(1, "2025-03-11", "r2", 503, false),
            history(4, ints(12, 11, 11, 18), ints(1, 1, 1, 2))));
    rows.addAll(rows(single(2, "2025-03-10", "r,3", 504, false), history(4, ints(21), ints(3))));
    // Ties at 10:00:00 UTC: the cart (12:00+02:00) first, then clicks by item descending.
    rows.addAll(
        rows(
            single(4, "2025-03-11", "r5", 505, false),
            history(4, ints(43, 41, 42, 41), ints(1, 2, 1, 1))));
    return rows;
  }

  private static Impression single(
      long customer, String dt, String ranking, int item, boolean isOrder) {
    return new Impression(
        dev.traininginputs.model.Days.of(dt),
        ranking,
        customer,
        List.of(new Impression.Item(item, isOrder)));
  }

  @Test
  void run_writesExactRowsPerDayFolder() {
    TrainingInputsJob.RunSummary summary = run.run();
    assertThat(summary.days(), contains("2025-03-10", "2025-03-11"));
    assertThat(ParquetRows.read(output), containsInAnyOrder(expectedRows().toArray()));
  }

  @Test
  void run_writesEveryRejectedLineWithFileLineAndReason() throws Exception {
    run.run();
    List<JsonNode> rejected = rejectedRecords(output.resolve("_rejected"));
    List<String> described =
        rejected.stream()
            .map(
                r ->
                    r.get("source").asText()
                        + " "
                        + Path.of(r.get("file").asText()).getFileName()
                        + ":"
                        + r.get("line").asLong()
                        + " "
                        + r.get("reason").asText())
            .toList();
    assertThat(
        described,
        containsInAnyOrder(
            "impressions impressions.csv:7 impressions[0].item_id: \"x\" is not a 32-bit integer",
            "clicks clicks.csv:15 click_time: \"2025-03-09 24:00:00\" is not a date-time",
            "add_to_carts add_to_carts.csv:4 config_id: \"2147483648\" is out of range for a 32-bit integer",
            "previous_orders previous_orders.csv:4 customer_id: is empty"));
    JsonNode click =
        rejected.stream()
            .filter(r -> r.get("source").asText().equals("clicks"))
            .findFirst()
            .orElseThrow();
    assertThat(click.get("raw").asText(), equalTo("2025-03-09,1,17,2025-03-09 24:00:00"));
  }

  @Test
  void run_leavesNoStagingBehind() throws Exception {
    run.run();
    try (Stream<Path> entries = Files.list(output)) {
      assertThat(
          entries.map(p -> p.getFileName().toString()).sorted().toList(),
          contains("_metrics.json", "_rejected", "_report.html", "dt=2025-03-10", "dt=2025-03-11"));
    }
  }

  @Test
  void run_readsDirectoriesOfPartFilesAndSkipsMarkers() throws Exception {
    Path parts = Files.createDirectory(inputs.resolve("clicks"));
    Files.move(inputs.resolve("clicks.csv"), parts.resolve("part-00000.csv"));
    Files.writeString(parts.resolve("_SUCCESS"), "");
    Files.writeString(parts.resolve("part-00001.csv"), "dt,customer_id,item_id,click_time\n");
    run.options().setClicks(parts.toString());
    run.run();
    assertThat(ParquetRows.read(output), containsInAnyOrder(expectedRows().toArray()));
  }

  @Test
  void run_withAnEmptyHistoryGivesZeroArraysOfLengthN() {
    run.withoutActions();
    run.run();
    for (TrainingRow row : ParquetRows.read(output)) {
      assertThat(row.history(), equalTo(History.empty(4)));
    }
    assertThat(ParquetRows.read(output).size(), equalTo(5));
  }

  static List<JsonNode> rejectedRecordsIn(Path directory) {
    try {
      return rejectedRecords(directory);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static List<JsonNode> rejectedRecords(Path directory) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(file)) {
          records.add(json.readTree(line));
        }
      }
    }
    return records;
  }
}
