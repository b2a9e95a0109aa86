package dev.traininginputs.report;

import static dev.traininginputs.TestData.history;
import static dev.traininginputs.TestData.ints;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.traininginputs.model.ImpressedItem;
import dev.traininginputs.model.Source;
import dev.traininginputs.model.TrainingRow;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.stats.SourceCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void render_hasExactlyTheKeysAndShapesOfTheSpec() throws Exception {
    TrainingRow row =
        new TrainingRow(
            new ImpressedItem(1, 20_000, "r", 0, 5, true), history(3, ints(9, 8), ints(3, 1)));
    RunMetrics rowFigures = RunMetrics.ofRows(2);
    rowFigures.add(row);
    RunMetrics metrics = new RunMetrics();
    for (RunMetrics part :
        List.of(
            rowFigures,
            RunMetrics.ofCustomers(1),
            RunMetrics.ofImpressionRows(2),
            RunMetrics.ofMissingPartitions(Map.of("clicks", List.of("2025-03-08", "2025-03-09"))),
            RunMetrics.ofSource(Source.IMPRESSIONS, new SourceCounts(2, 2, 0)),
            RunMetrics.ofSource(Source.CLICKS, new SourceCounts(4, 3, 1, 2)))) {
      metrics.mergeFrom(part);
    }

    JsonNode json = JSON.readTree(MetricsJson.render(metrics));
    assertThat(
        keys(json),
        containsInAnyOrder(
            "zero_history_pct",
            "avg_history_length",
            "action_type_distribution",
            "sequence_length_distribution",
            "action_type_frequency_by_position",
            "days",
            "rows",
            "impression_rows",
            "customers",
            "sources",
            "missing_partitions"));
    // ImpressedItem day 20,000 is 2024-10-04.
    assertThat(
        json.get("days").toString(),
        equalTo(
            "{\"2024-10-04\":{\"rows\":1,\"zero_history_pct\":0.0,\"avg_history_length\":2.0}}"));
    assertThat(json.get("rows").asLong(), equalTo(1L));
    assertThat(json.get("impression_rows").asLong(), equalTo(2L));
    assertThat(
        json.get("missing_partitions").toString(),
        equalTo("{\"clicks\":[\"2025-03-08\",\"2025-03-09\"]}"));
    assertThat(json.get("customers").asLong(), equalTo(1L));
    assertThat(json.get("zero_history_pct").asDouble(), equalTo(0.0));
    assertThat(json.get("avg_history_length").asDouble(), equalTo(2.0));
    assertThat(keys(json.get("action_type_distribution")), contains("0", "1", "2", "3"));
    assertThat(json.get("action_type_distribution").get("3").asDouble(), equalTo(1 / 3.0));
    assertThat(json.get("sequence_length_distribution").toString(), equalTo("{\"2\":1}"));
    JsonNode byPosition = json.get("action_type_frequency_by_position");
    assertThat(byPosition.size(), equalTo(2));
    assertThat(byPosition.get(0).toString(), equalTo("{\"0\":0.0,\"1\":0.0,\"2\":0.0,\"3\":1.0}"));
    assertThat(byPosition.get(1).toString(), equalTo("{\"0\":0.0,\"1\":1.0,\"2\":0.0,\"3\":0.0}"));
    assertThat(
        keys(json.get("sources")),
        contains("impressions", "clicks", "add_to_carts", "previous_orders"));
    assertThat(
        json.get("sources").get("clicks").toString(),
        equalTo("{\"read\":4,\"accepted\":3,\"rejected\":1,\"day_mismatch\":2}"));
    assertThat(
        json.get("sources").get("previous_orders").toString(),
        equalTo("{\"read\":0,\"accepted\":0,\"rejected\":0,\"day_mismatch\":0}"));
  }

  @Test
  void render_ofAnEmptyRunIsZerosNotNaN() {
    RunMetrics empty = new RunMetrics();
    empty.mergeFrom(RunMetrics.ofRows(2));
    String json = MetricsJson.render(empty);
    assertThat(json, not(containsString("NaN")));
    assertThat(json, containsString("\"zero_history_pct\" : 0.0"));
    assertThat(json, containsString("\"action_type_frequency_by_position\" : [ {"));
  }
}
