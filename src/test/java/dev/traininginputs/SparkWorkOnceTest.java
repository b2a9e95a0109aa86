package dev.traininginputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.traininginputs.generate.DataGenerator;
import dev.traininginputs.model.Source;
import dev.traininginputs.model.TrainingRow;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.runners.spark.SparkRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the SparkRunner, with a storage memory so small that no cached collection fits (as when 10M
 * rows meet a 2 GB heap), every input line is parsed once and every history built once: the
 * runner's counters at the end equal the run's own figures. The second test shows that the check
 * can fail: with {@code --cacheDisabled} Spark reads the impressions again for every step that
 * reads the impression rows (several do), while the actions, whose readers have one output and one
 * consumer, are still read once.
 */
class SparkWorkOnceTest {
  @TempDir static Path inputs;
  @TempDir Path output;

  @BeforeAll
  static void generate() throws Exception {
    new DataGenerator(
            new DataGenerator.Settings(
                11,
                600,
                300,
                7,
                LocalDate.parse("2025-03-14"),
                20,
                8_000,
                1_500,
                400,
                1_000,
                1,
                5_000,
                0.01))
        .writeTo(inputs, "");
  }

  /** Runs on {@code local[2]} with about 2 MB of Spark memory; returns the counters at the end. */
  private Map<String, Long> runOnTinySparkMemory(String storageLevel, boolean cacheDisabled) {
    PipelineRun run = new PipelineRun(inputs, output);
    run.options().setSequenceLength(50);
    run.options().setLookbackDays(20);
    run.options().setRunner(SparkRunner.class);
    SparkPipelineOptions spark = run.options().as(SparkPipelineOptions.class);
    spark.setSparkMaster("local[2]");
    spark.setStorageLevel(storageLevel);
    spark.setCacheDisabled(cacheDisabled);
    // The SparkRunner makes its context from a SparkConf, which reads spark.* system properties.
    System.setProperty("spark.memory.fraction", "0.001");
    try {
      return run.run().counters();
    } finally {
      System.clearProperty("spark.memory.fraction");
    }
  }

  @Test
  void everyLineIsReadOnceAndEveryHistoryBuiltOnce() throws Exception {
    // What a command-line run gets on Spark unless told otherwise.
    Map<String, Long> counters =
        runOnTinySparkMemory(dev.traininginputs.cli.Main.SPARK_STORAGE_LEVEL, false);
    JsonNode metrics = new ObjectMapper().readTree(output.resolve("_metrics.json").toFile());
    for (Source source : Source.values()) {
      long read = metrics.get("sources").get(source.id()).get("read").asLong();
      assertThat(source.id(), read, greaterThan(100L));
      assertThat(source.id(), counters.get(source.id() + "_read"), equalTo(read));
    }
    List<TrainingRow> rows = ParquetRows.read(output);
    long pairs = rows.stream().map(r -> r.item().customerId() + "/" + r.dt()).distinct().count();
    assertThat(counters.get("histories_built"), equalTo(pairs));
    assertThat(counters.get("rows_built"), equalTo((long) rows.size()));
  }

  @Test
  void withoutCachingSparkReadsTheImpressionsAgain() throws Exception {
    Map<String, Long> counters =
        runOnTinySparkMemory(dev.traininginputs.cli.Main.SPARK_STORAGE_LEVEL, true);
    JsonNode sources =
        new ObjectMapper().readTree(output.resolve("_metrics.json").toFile()).get("sources");
    long impressions = sources.get("impressions").get("read").asLong();
    assertThat(counters.get("impressions_read"), greaterThan(impressions));
    long clicks = sources.get("clicks").get("read").asLong();
    assertThat(counters.get("clicks_read"), equalTo(clicks));
  }
}
