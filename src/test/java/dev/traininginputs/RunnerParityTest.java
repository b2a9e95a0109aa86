package dev.traininginputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.traininginputs.generate.DataGenerator;
import dev.traininginputs.model.TrainingRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.runners.spark.SparkRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One generated dataset with every nasty case (ties, late events, duplicates, a hot customer,
 * malformed rows of every kind) on the DirectRunner and on the SparkRunner ({@code local[2]}): the
 * same rows and the same metrics. Fourteen days and several files per day spread the writes over
 * many tasks, which is where a write path that loses files under parallel finalization fails.
 */
class RunnerParityTest {
  @TempDir static Path inputs;
  @TempDir Path direct;
  @TempDir Path spark;

  @BeforeAll
  static void generate() throws Exception {
    new DataGenerator(
            new DataGenerator.Settings(
                7,
                1_000,
                400,
                14,
                LocalDate.parse("2025-03-14"),
                30,
                15_000,
                3_000,
                800,
                2_000,
                1,
                20_000,
                0.01))
        .writeTo(inputs, "");
  }

  @Test
  void directAndSparkRunnersWriteTheSameRowsAndMetrics() throws Exception {
    PipelineRun onDirect = configure(new PipelineRun(inputs, direct));
    onDirect.options().setRunner(DirectRunner.class);
    onDirect.run();

    PipelineRun onSpark = configure(new PipelineRun(inputs, spark));
    onSpark.options().setRunner(SparkRunner.class);
    onSpark.options().as(SparkPipelineOptions.class).setSparkMaster("local[2]");
    onSpark.run();

    List<TrainingRow> directRows = ParquetRows.read(direct);
    assertThat(directRows.size(), greaterThan(4_000));
    assertThat(ParquetRows.read(spark), containsInAnyOrder(directRows.toArray()));
    assertThat(
        Files.readString(spark.resolve("_metrics.json")),
        equalTo(Files.readString(direct.resolve("_metrics.json"))));
    List<JsonNode> directRejected = EndToEndTest.rejectedRecords(direct.resolve("_rejected"));
    assertThat(directRejected.size(), greaterThan(10));
    assertThat(
        EndToEndTest.rejectedRecords(spark.resolve("_rejected")),
        containsInAnyOrder(directRejected.toArray()));
  }

  private static PipelineRun configure(PipelineRun run) {
    run.options().setSequenceLength(50);
    run.options().setLookbackDays(20);
    run.options().setRowsPerFile(100);
    return run;
  }
}
