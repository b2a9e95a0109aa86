package dev.traininginputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.traininginputs.layout.RowLayout;
import dev.traininginputs.model.Source;
import dev.traininginputs.model.TrainingRow;
import dev.traininginputs.output.ReadTrainingRows;
import dev.traininginputs.report.MetricsJson;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.stats.SummarizeRows;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §5 on real runs: the metrics file against figures recomputed from the Parquet written. */
@Tag("pipeline")
class MetricsEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path generatedInputs;
  @TempDir static Path generatedOutput;
  @TempDir Path inputs;
  @TempDir Path output;

  /** The metrics of one run over generated data (ties, duplicates, late events, bad lines). */
  private static JsonNode metrics;

  @BeforeAll
  static void runGenerated() throws Exception {
    Random random = new Random(31);
    PipelineRun run = new PipelineRun(generatedInputs, generatedOutput);
    run.options().setSequenceLength(6);
    run.options().setLookbackDays(5);
    run.options().setAnalysisPositions(4);
    new CsvFiles(generatedInputs)
        .write(DifferentialTest.impressions(random), DifferentialTest.actions(random, 5), random);
    run.run();
    metrics = JSON.readTree(generatedOutput.resolve("_metrics.json").toFile());
  }

  @Test
  void metrics_equalFiguresRecomputedFromTheParquetWritten() throws Exception {
    List<TrainingRow> rows = ParquetRows.read(generatedOutput);
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
    assertThat(
        metrics.get("customers").asLong(),
        equalTo(
            (long) new HashSet<>(rows.stream().map(r -> r.item().customerId()).toList()).size()));
    assertThat(
        metrics.get("zero_history_pct").asDouble(), closeTo((double) zero / rows.size(), 1e-12));
    assertThat(
        metrics.get("avg_history_length").asDouble(), closeTo(lengthSum / rows.size(), 1e-12));
    for (int t = 0; t < 4; t++) {
      assertThat(
          metrics.get("action_type_distribution").get(Integer.toString(t)).asDouble(),
          closeTo((double) types[t] / (rows.size() * (long) n), 1e-12));
      for (int p = 0; p < 4; p++) {
        assertThat(
            metrics
                .get("action_type_frequency_by_position")
                .get(p)
                .get(Integer.toString(t))
                .asDouble(),
            closeTo((double) byPosition[p][t] / rows.size(), 1e-12));
      }
    }
    Map<Integer, Long> reported = new TreeMap<>();
    metrics
        .get("sequence_length_distribution")
        .fields()
        .forEachRemaining(e -> reported.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
    assertThat(reported, equalTo(lengths));
  }

  @Test
  void days_equalFiguresRecomputedPerDayFromTheParquetWritten() throws Exception {
    List<TrainingRow> rows = ParquetRows.read(generatedOutput);
    Map<String, List<TrainingRow>> byDay = new TreeMap<>();
    rows.forEach(r -> byDay.computeIfAbsent(r.dt(), d -> new java.util.ArrayList<>()).add(r));
    JsonNode days = metrics.get("days");
    assertThat(days.size(), equalTo(byDay.size()));
    assertThat(byDay.size(), greaterThan(1));
    byDay.forEach(
        (day, dayRows) -> {
          JsonNode figures = days.get(day);
          long zero = dayRows.stream().filter(r -> r.history().length() == 0).count();
          double lengthSum = dayRows.stream().mapToInt(r -> r.history().length()).sum();
          assertThat(day, figures.get("rows").asLong(), equalTo((long) dayRows.size()));
          assertThat(
              day,
              figures.get("zero_history_pct").asDouble(),
              closeTo((double) zero / dayRows.size(), 1e-12));
          assertThat(
              day,
              figures.get("avg_history_length").asDouble(),
              closeTo(lengthSum / dayRows.size(), 1e-12));
        });
  }

  @Test
  void metrics_countEveryLineOfEverySource() throws Exception {
    JsonNode sources = metrics.get("sources");
    for (Source source : Source.values()) {
      JsonNode counts = sources.get(source.id());
      long lines =
          Files.readAllLines(generatedInputs.resolve(source.id() + ".csv")).stream()
              .skip(1)
              .filter(l -> !l.isBlank())
              .count();
      assertThat(source.id(), counts.get("read").asLong(), equalTo(lines));
      assertThat(
          source.id(),
          counts.get("read").asLong(),
          equalTo(counts.get("accepted").asLong() + counts.get("rejected").asLong()));
      assertThat(source.id(), counts.get("rejected").asLong(), equalTo(1L));
    }
    assertThat(
        metrics.get("impression_rows").asLong(),
        equalTo(sources.get("impressions").get("accepted").asLong()));
  }

  @Test
  void analyses_ofRowsReadBackGiveTheRunsRowFigures() throws Exception {
    // The run took its figures file by file in the writer and merged them; here one fold over
    // the rows read back must give the same numbers for every row figure.
    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    PCollection<RunMetrics> figures =
        p.apply(ReadTrainingRows.from(generatedOutput + "/dt=*/*.parquet", RowLayout.exploded(6)))
            .apply(SummarizeRows.of(4));
    JsonNode expected = metrics;
    PAssert.thatSingleton(figures)
        .satisfies(
            mine -> {
              JsonNode json = readJson(MetricsJson.render(mine));
              for (String key :
                  List.of(
                      "rows",
                      "zero_history_pct",
                      "avg_history_length",
                      "action_type_distribution",
                      "sequence_length_distribution",
                      "action_type_frequency_by_position",
                      "days")) {
                assertThat(key, json.get(key), equalTo(expected.get(key)));
              }
              return null;
            });
    p.run().waitUntilFinish();
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void metrics_ofARunOverEmptyInputsAreZeros() throws Exception {
    new PipelineRun(inputs, output)
        .withoutActions()
        .write("impressions.csv", "dt,ranking_id,customer_id,impressions")
        .run();
    String text = Files.readString(output.resolve("_metrics.json"));
    assertThat(text, not(containsString("NaN")));
    JsonNode metrics = JSON.readTree(text);
    assertThat(metrics.get("rows").asLong(), equalTo(0L));
    assertThat(metrics.get("zero_history_pct").asDouble(), equalTo(0.0));
    assertThat(metrics.get("action_type_frequency_by_position").size(), equalTo(4));
    assertThat(
        metrics.get("sources").get("clicks").toString(),
        equalTo("{\"read\":0,\"accepted\":0,\"rejected\":0,\"day_mismatch\":0}"));
    assertThat(metrics.get("missing_partitions").toString(), equalTo("{}"));
  }

  @Test
  void report_isWrittenWithTheRunsFigures() throws Exception {
    String html = Files.readString(generatedOutput.resolve("_report.html"));
    assertThat(
        html,
        containsString(
            String.format(
                "<div class=\"value\">%,d</div><div class=\"label\">Rows written</div>",
                metrics.get("rows").asLong())));
    assertThat(html, containsString("<th>sequence length (N)</th><td><code>6</code></td>"));
  }
}
