package dev.traininginputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.traininginputs.model.Action;
import dev.traininginputs.model.ActionType;
import dev.traininginputs.model.Impression;
import dev.traininginputs.model.TrainingRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same data in CSV and in JSON Lines (SPEC §1) gives the same rows, metrics and rejections, and
 * a dataset may mix the formats, compressed or not. N = 5, L = 7, against the naive histories of
 * {@link DifferentialTest}.
 */
@Tag("pipeline")
class FormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path csv;
  @TempDir Path jsonl;
  @TempDir Path csvOutput;
  @TempDir Path jsonlOutput;

  @Test
  void csvAndJsonLines_giveTheSameRowsMetricsAndRejections() throws Exception {
    Random random = new Random(41);
    List<Impression> impressions = DifferentialTest.impressions(random);
    List<Action> actions = DifferentialTest.actions(random, 7);

    new CsvFiles(csv).write(impressions, actions, random);
    PipelineRun fromCsv = new PipelineRun(csv, csvOutput);
    fromCsv.options().setSequenceLength(5);
    fromCsv.options().setLookbackDays(7);
    fromCsv.run();

    JsonLinesFiles.write(
        jsonl.resolve("impressions.jsonl"), JsonLinesFiles.impressions(impressions, random));
    JsonLinesFiles.write(
        jsonl.resolve("clicks.json.gz"), JsonLinesFiles.actions(actions, ActionType.CLICK, random));
    JsonLinesFiles.write(
        jsonl.resolve("add_to_carts.ndjson"),
        JsonLinesFiles.actions(actions, ActionType.ADD_TO_CART, random));
    JsonLinesFiles.write(
        jsonl.resolve("previous_orders.jsonl"),
        JsonLinesFiles.actions(actions, ActionType.ORDER, random));
    PipelineRun fromJson = new PipelineRun(jsonl, jsonlOutput);
    fromJson.options().setImpressions(jsonl.resolve("impressions.jsonl").toString());
    fromJson.options().setClicks(jsonl.resolve("clicks.json.gz").toString());
    fromJson.options().setAddToCarts(jsonl.resolve("add_to_carts.ndjson").toString());
    fromJson.options().setPreviousOrders(jsonl.resolve("previous_orders.jsonl").toString());
    fromJson.options().setSequenceLength(5);
    fromJson.options().setLookbackDays(7);
    fromJson.run();

    List<TrainingRow> expected = DifferentialTest.naive(impressions, actions, 5, 7);
    assertThat(ParquetRows.read(csvOutput), containsInAnyOrder(expected.toArray()));
    assertThat(ParquetRows.read(jsonlOutput), containsInAnyOrder(expected.toArray()));
    assertThat(
        JSON.readTree(jsonlOutput.resolve("_metrics.json").toFile()),
        equalTo(JSON.readTree(csvOutput.resolve("_metrics.json").toFile())));
    assertThat(reasons(jsonlOutput), equalTo(reasons(csvOutput)));
    assertThat(reasons(jsonlOutput), hasSize(4));
  }

  /** Each rejected record's source and reason, sorted. */
  private static List<String> reasons(Path output) {
    List<String> reasons = new ArrayList<>();
    for (JsonNode record : EndToEndTest.rejectedRecordsIn(output.resolve("_rejected"))) {
      reasons.add(record.get("source").asText() + ": " + record.get("reason").asText());
    }
    reasons.sort(null);
    return reasons;
  }

  @Test
  void oneDatasetMayMixFormats() throws Exception {
    Random random = new Random(43);
    List<Impression> impressions = DifferentialTest.impressions(random);
    List<Action> actions = DifferentialTest.actions(random, 7);
    // The impressions half in CSV, half in JSON Lines; the clicks in a gzipped JSON part file.
    Path tmp = Files.createDirectories(csv.resolve("tmp"));
    int half = impressions.size() / 2;
    new CsvFiles(tmp).write(impressions.subList(0, half), actions, random);
    Path table = Files.createDirectories(jsonl.resolve("impressions"));
    Files.move(tmp.resolve("impressions.csv"), table.resolve("part-0.csv"));
    JsonLinesFiles.write(
        table.resolve("part-1.jsonl"),
        JsonLinesFiles.impressions(impressions.subList(half, impressions.size()), random));
    JsonLinesFiles.write(
        jsonl.resolve("clicks/part-0.json.gz"),
        JsonLinesFiles.actions(actions, ActionType.CLICK, random));

    PipelineRun run = new PipelineRun(tmp, jsonlOutput);
    run.options().setImpressions(table.toString());
    run.options().setClicks(jsonl.resolve("clicks").toString());
    run.options().setSequenceLength(5);
    run.options().setLookbackDays(7);
    run.run();

    assertThat(
        ParquetRows.read(jsonlOutput),
        containsInAnyOrder(DifferentialTest.naive(impressions, actions, 5, 7).toArray()));
    JsonNode sources = JSON.readTree(jsonlOutput.resolve("_metrics.json").toFile()).get("sources");
    // One malformed record in each of the two impressions files.
    assertThat(sources.get("impressions").get("rejected").asLong(), equalTo(2L));
  }
}
