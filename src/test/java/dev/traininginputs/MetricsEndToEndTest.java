package dev.traininginputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.traininginputs.io.ReadTrainingRows;
import dev.traininginputs.model.Source;
import dev.traininginputs.model.TrainingRow;
import dev.traininginputs.stats.LengthHistogram;
import dev.traininginputs.stats.SequenceLengthDistribution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §5 on real runs: the metrics file against figures recomputed from the Parquet written. */
class MetricsEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path inputs;
  @TempDir Path output;

  /** A run over generated data (ties, duplicates, late events) with a bad line in every file. */
  private JsonNode runGenerated() throws Exception {
    Random random = new Random(31);
    PipelineRun run = new PipelineRun(inputs, output);
    run.options().setSequenceLength(6);
    run.options().setLookbackDays(5);
    run.options().setAnalysisPositions(4);
    new CsvFiles(inputs).write(DifferentialTest.impressions(random), DifferentialTest.actions(random, 5), random);
    run.run();
    return JSON.readTree(output.resolve("_metrics.json").toFile());
  }

  @Test
  void metrics_equalFiguresRecomputedFromTheParquetWritten() throws Exception {
    JsonNode metrics = runGenerated();
    List<TrainingRow> rows = ParquetRows.read(output);
    int n = 6;

    long zero = rows.stream().filter(r -> r.history().length() == 0).count();
    double lengthSum = rows.stream().mapToInt(r -> r.history().length()).sum();
    long[] types = new long[4];
    long[][] byPosition = new long[4][4];
    Map<Integer, Long> lengths = new TreeMap<>();
    for (TrainingRow row : rows) {
      int[] t = row.history().actionTypes();
      for (int i = 0; i < n; i++) {
        types[t[i]]++;
      }
      for (int p = 0; p < 4; p++) {
        byPosition[p][t[p]]++;
      }
      lengths.merge(row.history().length(), 1L, Long::sum);
    }

    assertThat(metrics.get("rows").asLong(), equalTo((long) rows.size()));
    assertThat(metrics.get("customers").asLong(),
        equalTo((long) new HashSet<>(rows.stream().map(r -> r.item().customerId()).toList()).size()));
    assertThat(metrics.get("zero_history_pct").asDouble(), closeTo((double) zero / rows.size(), 1e-12));
    assertThat(metrics.get("avg_history_length").asDouble(), closeTo(lengthSum / rows.size(), 1e-12));
    for (int t = 0; t < 4; t++) {
      assertThat(metrics.get("action_type_distribution").get(Integer.toString(t)).asDouble(),
          closeTo((double) types[t] / (rows.size() * (long) n), 1e-12));
      for (int p = 0; p < 4; p++) {
        assertThat(metrics.get("action_type_frequency_by_position").get(p).get(Integer.toString(t)).asDouble(),
            closeTo((double) byPosition[p][t] / rows.size(), 1e-12));
      }
    }
    Map<Integer, Long> reported = new TreeMap<>();
    metrics.get("sequence_length_distribution").fields()
        .forEachRemaining(e -> reported.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
    assertThat(reported, equalTo(lengths));
  }

  @Test
  void metrics_countEveryLineOfEverySource() throws Exception {
    JsonNode sources = runGenerated().get("sources");
    for (Source source : Source.values()) {
      JsonNode counts = sources.get(source.id());
      long lines = Files.readAllLines(inputs.resolve(source.id() + ".csv")).stream()
          .skip(1).filter(l -> !l.isBlank()).count();
      assertThat(source.id(), counts.get("read").asLong(), equalTo(lines));
      assertThat(source.id(), counts.get("read").asLong(),
          equalTo(counts.get("accepted").asLong() + counts.get("rejected").asLong()));
      assertThat(source.id(), counts.get("rejected").asLong(), equalTo(1L));
    }
    assertThat(runGenerated().get("impression_rows").asLong(), equalTo(sources.get("impressions").get("accepted").asLong()));
  }

  @Test
  void analyses_workOnRowsReadBackFromParquet() throws Exception {
    JsonNode metrics = runGenerated();
    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    PCollection<LengthHistogram> lengths = p
        .apply(ReadTrainingRows.from(output + "/dt=*/*.parquet"))
        .apply(new SequenceLengthDistribution());
    PAssert.thatSingleton(lengths).satisfies(histogram -> {
      Map<String, Long> mine = new TreeMap<>();
      histogram.rowsByLength().forEach((k, v) -> mine.put(k.toString(), v));
      Map<String, Long> reported = new TreeMap<>();
      metrics.get("sequence_length_distribution").fields()
          .forEachRemaining(e -> reported.put(e.getKey(), e.getValue().asLong()));
      assertThat(mine, equalTo(reported));
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void metrics_ofARunOverEmptyInputsAreZeros() throws Exception {
    new PipelineRun(inputs, output).withoutActions()
        .write("impressions.csv", "dt,ranking_id,customer_id,impressions").run();
    String text = Files.readString(output.resolve("_metrics.json"));
    assertThat(text, not(containsString("NaN")));
    JsonNode metrics = JSON.readTree(text);
    assertThat(metrics.get("rows").asLong(), equalTo(0L));
    assertThat(metrics.get("zero_history_pct").asDouble(), equalTo(0.0));
    assertThat(metrics.get("action_type_frequency_by_position").size(), equalTo(4));
    assertThat(metrics.get("sources").get("clicks").toString(),
        equalTo("{\"read\":0,\"accepted\":0,\"rejected\":0}"));
  }

  @Test
  void report_isWrittenWithTheRunsFigures() throws Exception {
    JsonNode metrics = runGenerated();
    String html = Files.readString(output.resolve("_report.html"));
    assertThat(html, containsString(String.format("<div class=\"value\">%,d</div><div class=\"label\">Rows written</div>",
        metrics.get("rows").asLong())));
    assertThat(html, containsString("<th>sequence length (N)</th><td><code>6</code></td>"));
  }
}
