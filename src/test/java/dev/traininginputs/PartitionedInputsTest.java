package dev.traininginputs;

import static dev.traininginputs.TestData.history;
import static dev.traininginputs.TestData.impression;
import static dev.traininginputs.TestData.ints;
import static dev.traininginputs.TestData.rows;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.traininginputs.model.History;
import dev.traininginputs.model.TrainingRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hive-partitioned CSV tables as a lake holds them (SPEC §1): each option names a table root; the
 * day comes from the {@code dt=} (or {@code order_date=}) folder, whether or not the files have the
 * column; marker, checksum, temporary and in-copy files beside the data are never read (here they
 * are garbage that would be rejected or refuse the run). N = 4, L = 10.
 */
@Tag("pipeline")
class PartitionedInputsTest {
  @TempDir Path lake;
  @TempDir Path inputs;
  @TempDir Path output;

  private void write(String file, String... lines) throws IOException {
    TestData.writeLines(lake, file, lines);
  }

  @Test
  void tablesByPartitionFolder_giveTheDayFromThePathAndCountDisagreements() throws Exception {
    write("impressions/_SUCCESS");
    write(
        "impressions/dt=2025-03-10/part-00000.csv",
        "customer_id,ranking_id,impressions",
        "1,r1," + TestData.impressionsCell(501),
        "2,r2," + TestData.impressionsCell(502));
    // This day's files carry the column too; one row says another day: the folder wins.
    write(
        "impressions/dt=2025-03-11/part-00000.csv",
        "dt,customer_id,ranking_id,impressions",
        "2025-03-11,1,r3," + TestData.impressionsCell(503),
        "2025-03-01,1,r4," + TestData.impressionsCell(504));
    write("impressions/dt=2025-03-10/.part-00000.csv.crc", "\u0000\u0001garbage");
    write("impressions/_temporary/0/dt=2025-03-12/part-00001.csv", "not,a,header", "x");
    write("impressions/dt=2025-03-10/part-00002.csv._COPYING_", "half a file");
    write(
        "clicks/dt=2025-03-09/part-00000.csv",
        "customer_id,item_id,click_time",
        "1,11,2025-03-09 10:00:00",
        "2,21,2025-03-09 11:00:00");
    // Late: timed on 03-09, in partition 03-10 (one level deeper), so eligible from 03-11 only.
    write(
        "clicks/dt=2025-03-10/hour=23/part-00000.csv",
        "customer_id,item_id,click_time",
        "1,12,2025-03-09 23:59:30");
    write(
        "impressions/dt=__HIVE_DEFAULT_PARTITION__/part-00000.csv",
        "customer_id,ranking_id,impressions",
        "1,r9," + TestData.impressionsCell(509));
    // No built day looks back to a folder without a day: never listed.
    write(
        "clicks/dt=__HIVE_DEFAULT_PARTITION__/part-00000.csv",
        "customer_id,item_id,click_time",
        "1,99,2025-03-09 12:00:00");
    write("previous_orders/order_date=2025-03-01/part-00000.csv", "customer_id,config_id", "1,19");

    PipelineRun run = new PipelineRun(inputs, output);
    run.write("add_to_carts.csv", "dt,customer_id,config_id,occurred_at");
    run.options().setImpressions(lake.resolve("impressions").toString());
    run.options().setClicks(lake.resolve("clicks").toString());
    run.options().setPreviousOrders(lake.resolve("previous_orders") + "/");
    run.run();

    List<TrainingRow> expected = new ArrayList<>();
    expected.addAll(
        rows(impression(1, "2025-03-10", "r1", 501), history(4, ints(11, 19), ints(1, 3))));
    expected.addAll(rows(impression(2, "2025-03-10", "r2", 502), history(4, ints(21), ints(1))));
    // Customer 1 on 03-11: the late click first (23:59:30), then the click and the order.
    History onMarch11 = history(4, ints(12, 11, 19), ints(1, 1, 3));
    expected.addAll(rows(impression(1, "2025-03-11", "r3", 503), onMarch11));
    expected.addAll(rows(impression(1, "2025-03-11", "r4", 504), onMarch11));
    assertThat(ParquetRows.read(output), containsInAnyOrder(expected.toArray()));

    JsonNode sources =
        new ObjectMapper().readTree(output.resolve("_metrics.json").toFile()).get("sources");
    assertThat(
        sources.get("impressions").toString(),
        equalTo("{\"read\":5,\"accepted\":4,\"rejected\":1,\"day_mismatch\":1}"));
    assertThat(
        sources.get("clicks").toString(),
        equalTo("{\"read\":3,\"accepted\":3,\"rejected\":0,\"day_mismatch\":0}"));
    assertThat(
        sources.get("previous_orders").toString(),
        equalTo("{\"read\":1,\"accepted\":1,\"rejected\":0,\"day_mismatch\":0}"));

    List<JsonNode> rejected = EndToEndTest.rejectedRecordsIn(output.resolve("_rejected"));
    assertThat(rejected, hasSize(1));
    assertThat(
        rejected.get(0).get("file").asText(),
        endsWith("/impressions/dt=__HIVE_DEFAULT_PARTITION__/part-00000.csv"));
    assertThat(rejected.get(0).get("line").asLong(), equalTo(2L));
    assertThat(
        rejected.get(0).get("reason").asText(),
        equalTo("dt: the partition folder dt=__HIVE_DEFAULT_PARTITION__ has no day (a null dt)"));
  }

  @Test
  void wholeTableRun_neverOpensAnActionPartitionOutsideEveryWindow() throws Exception {
    // No --date: the built days are 03-10 and 03-20, found from the folders; L = 10 lets them look
    // back to 02-28..03-09 and 03-10..03-19. The click partitions of 2024-01-01 and 2025-02-27
    // hold files that would stop the run if opened (no customer_id column).
    write(
        "impressions/dt=2025-03-10/part-00000.csv",
        "customer_id,ranking_id,impressions",
        "1,r1," + TestData.impressionsCell(501));
    write(
        "impressions/dt=2025-03-20/part-00000.csv",
        "customer_id,ranking_id,impressions",
        "1,r2," + TestData.impressionsCell(502));
    write("clicks/dt=2024-01-01/part-00000.csv", "not,a,header", "x,y,z");
    write("clicks/dt=2025-02-27/part-00000.csv", "not,a,header", "x,y,z");
    write(
        "clicks/dt=2025-02-28/part-00000.csv",
        "customer_id,item_id,click_time",
        "1,11,2025-02-28 10:00:00");
    write(
        "clicks/dt=2025-03-15/part-00000.csv",
        "customer_id,item_id,click_time",
        "1,12,2025-03-15 10:00:00");

    PipelineRun run = new PipelineRun(inputs, output);
    run.write("add_to_carts.csv", "dt,customer_id,config_id,occurred_at");
    run.write("previous_orders.csv", "order_date,customer_id,config_id");
    run.options().setImpressions(lake.resolve("impressions").toString());
    run.options().setClicks(lake.resolve("clicks").toString());
    run.run();

    List<TrainingRow> expected = new ArrayList<>();
    expected.addAll(rows(impression(1, "2025-03-10", "r1", 501), history(4, ints(11), ints(1))));
    expected.addAll(rows(impression(1, "2025-03-20", "r2", 502), history(4, ints(12), ints(1))));
    assertThat(ParquetRows.read(output), containsInAnyOrder(expected.toArray()));
    JsonNode sources =
        new ObjectMapper().readTree(output.resolve("_metrics.json").toFile()).get("sources");
    assertThat(
        sources.get("clicks").toString(),
        equalTo("{\"read\":2,\"accepted\":2,\"rejected\":0,\"day_mismatch\":0}"));
  }
}
