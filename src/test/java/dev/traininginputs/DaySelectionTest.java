package dev.traininginputs;

import static dev.traininginputs.TestData.history;
import static dev.traininginputs.TestData.impression;
import static dev.traininginputs.TestData.ints;
import static dev.traininginputs.TestData.rows;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.traininginputs.model.History;
import dev.traininginputs.model.TrainingRow;
import java.io.IOException;
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
 * {@code --date} and {@code --startDate}/{@code --endDate} over partitioned tables (SPEC §1): only
 * the partitions a selected day can use are read (a corrupt file in any other partition changes
 * nothing: it is never opened), missing partitions inside the window are named, rows of other days
 * in unpartitioned files are accepted but not built. N = 4, L = 5.
 */
@Tag("pipeline")
class DaySelectionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path lake;
  @TempDir Path inputs;
  @TempDir Path output;

  private void write(String file, String... lines) throws IOException {
    TestData.writeLines(lake, file, lines);
  }

  /** Not CSV, not gzip: the run fails, or is refused, if it ever opens this. */
  private void corrupt(String file) throws IOException {
    Path path = lake.resolve(file);
    Files.createDirectories(path.getParent());
    Files.write(path, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0x13, 0x37, 0, 0});
  }

  @BeforeEach
  void lake() throws IOException {
    String header = "customer_id,ranking_id,impressions";
    write("impressions/dt=2025-03-09/part-0.csv", header, "1,r0," + TestData.impressionsCell(500));
    write(
        "impressions/dt=2025-03-10/part-0.csv",
        header,
        "1,r1," + TestData.impressionsCell(501),
        "2,r2," + TestData.impressionsCell(502));
    write("impressions/dt=2025-03-11/part-0.csv", header, "1,r3," + TestData.impressionsCell(503));
    corrupt("impressions/dt=2025-03-12/part-0.csv.gz");
    String clicks = "customer_id,item_id,click_time";
    corrupt("clicks/dt=2025-02-20/part-0.csv.gz");
    write("clicks/dt=2025-03-07/part-0.csv", clicks, "1,17,2025-03-07 10:00:00");
    write(
        "clicks/dt=2025-03-09/part-0.csv",
        clicks,
        "1,19,2025-03-09 10:00:00",
        "2,29,2025-03-09 11:00:00");
    write("clicks/dt=2025-03-10/part-0.csv", clicks, "1,20,2025-03-10 10:00:00");
    write("previous_orders/order_date=2025-03-05/part-0.csv", "customer_id,config_id", "2,41");
  }

  private PipelineRun run() {
    PipelineRun run = new PipelineRun(inputs, output);
    // Not partitioned: read whole; the cart of 01-01 is accepted and lies outside every window.
    run.write(
        "add_to_carts.csv",
        "dt,customer_id,config_id,occurred_at",
        "2025-03-08,1,31,2025-03-08 12:00:00",
        "2025-01-01,1,32,2025-01-01 12:00:00");
    run.options().setImpressions(lake.resolve("impressions").toString());
    run.options().setClicks(lake.resolve("clicks").toString());
    run.options().setPreviousOrders(lake.resolve("previous_orders").toString());
    run.options().setLookbackDays(5);
    return run;
  }

  private static final History CUSTOMER_1_ON_10 = history(4, ints(19, 31, 17), ints(1, 2, 1));
  private static final History CUSTOMER_2_ON_10 = history(4, ints(29, 41), ints(1, 3));

  private JsonNode metrics() throws IOException {
    return JSON.readTree(output.resolve("_metrics.json").toFile());
  }

  private List<String> dayFolders() throws IOException {
    try (Stream<Path> list = Files.list(output)) {
      return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dt=")).toList();
    }
  }

  @Test
  void date_buildsThatDayFromTheNeededPartitionsOnlyAndNamesTheMissingOnes() throws Exception {
    PipelineRun run = run();
    run.options().setDate("2025-03-10");
    run.run();

    List<TrainingRow> expected = new ArrayList<>();
    expected.addAll(rows(impression(1, "2025-03-10", "r1", 501), CUSTOMER_1_ON_10));
    expected.addAll(rows(impression(2, "2025-03-10", "r2", 502), CUSTOMER_2_ON_10));
    assertThat(ParquetRows.read(output), containsInAnyOrder(expected.toArray()));
    assertThat(dayFolders(), equalTo(List.of("dt=2025-03-10")));

    JsonNode metrics = metrics();
    assertThat(metrics.get("impression_rows").asLong(), equalTo(2L));
    // Only the partitions of the window 03-05..03-09 were read: not 02-20, not 03-10.
    assertThat(metrics.get("sources").get("clicks").get("read").asLong(), equalTo(3L));
    assertThat(metrics.get("sources").get("impressions").get("read").asLong(), equalTo(2L));
    assertThat(metrics.get("sources").get("add_to_carts").get("accepted").asLong(), equalTo(2L));
    assertThat(
        metrics.get("missing_partitions").toString(),
        equalTo(
            "{\"clicks\":[\"2025-03-05\",\"2025-03-06\",\"2025-03-08\"],"
                + "\"previous_orders\":[\"2025-03-06\",\"2025-03-07\",\"2025-03-08\",\"2025-03-09\"]}"));
    String report = Files.readString(output.resolve("_report.html"));
    assertThat(report, containsString("Missing partitions"));
    assertThat(
        report,
        containsString(
            "<tr><th>previous_orders</th><td>2025-03-06..2025-03-09 (4 days)</td></tr>"));
  }

  @Test
  void aRange_buildsEachDayOfItWithOneReadOfTheUnionWindow() throws Exception {
    PipelineRun run = run();
    run.options().setStartDate("2025-03-10");
    run.options().setEndDate("2025-03-11");
    run.run();

    List<TrainingRow> expected = new ArrayList<>();
    expected.addAll(rows(impression(1, "2025-03-10", "r1", 501), CUSTOMER_1_ON_10));
    expected.addAll(rows(impression(2, "2025-03-10", "r2", 502), CUSTOMER_2_ON_10));
    expected.addAll(
        rows(
            impression(1, "2025-03-11", "r3", 503),
            history(4, ints(20, 19, 31, 17), ints(1, 1, 2, 1))));
    assertThat(ParquetRows.read(output), containsInAnyOrder(expected.toArray()));
    assertThat(dayFolders(), containsInAnyOrder("dt=2025-03-10", "dt=2025-03-11"));
    JsonNode metrics = metrics();
    assertThat(metrics.get("impression_rows").asLong(), equalTo(3L));
    assertThat(metrics.get("sources").get("clicks").get("read").asLong(), equalTo(4L));
    assertThat(
        metrics.get("missing_partitions").get("clicks").toString(),
        equalTo("[\"2025-03-05\",\"2025-03-06\",\"2025-03-08\"]"));
  }

  @Test
  void anUnpartitionedFile_isReadWholeAndItsOtherDaysAreAcceptedButNotBuilt() throws Exception {
    PipelineRun run = run();
    run.write(
        "impressions.csv",
        "dt,customer_id,ranking_id,impressions",
        "2025-03-09,1,r0," + TestData.impressionsCell(500),
        "2025-03-10,1,r1," + TestData.impressionsCell(501));
    run.options().setImpressions(inputs.resolve("impressions.csv").toString());
    run.options().setDate("2025-03-10");
    run.run();

    assertThat(
        ParquetRows.read(output),
        containsInAnyOrder(
            rows(impression(1, "2025-03-10", "r1", 501), CUSTOMER_1_ON_10).toArray()));
    JsonNode metrics = metrics();
    assertThat(metrics.get("sources").get("impressions").get("accepted").asLong(), equalTo(2L));
    assertThat(metrics.get("impression_rows").asLong(), equalTo(1L));
    assertThat(metrics.get("customers").asLong(), equalTo(1L));
  }
}
