package dev.traininginputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.Impression;
import dev.traininginputs.model.TrainingRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole pipeline, from CSV files to Parquet, against the naive histories of {@link
 * DifferentialTest}: the generated data is written by {@link CsvFiles} in every accepted form, with
 * a malformed line in each file.
 */
@Tag("pipeline")
class CsvDifferentialTest {
  @TempDir Path inputs;
  @TempDir Path output;

  @ParameterizedTest(name = "N={0} L={1}")
  @CsvSource({"5, 7, 21", "1000, 365, 22"})
  void pipelineFromCsvAgreesWithNaiveHistories(int n, int l, long seed) {
    Random random = new Random(seed);
    List<Impression> impressions = DifferentialTest.impressions(random);
    List<Action> actions = DifferentialTest.actions(random, l);

    PipelineRun run = new PipelineRun(inputs, output);
    run.options().setSequenceLength(n);
    run.options().setLookbackDays(l);
    new CsvFiles(inputs).write(impressions, actions, random);
    run.run();

    List<TrainingRow> expected = DifferentialTest.naive(impressions, actions, n, l);
    assertThat(ParquetRows.read(output), containsInAnyOrder(expected.toArray()));
  }
}
