package dev.traininginputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.traininginputs.generate.DataGenerator;
import dev.traininginputs.generate.GenerateData;
import dev.traininginputs.model.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code scripts/generate-data --tables=csv|jsonl|parquet}: the same generated data as
 * Hive-partitioned tables (day in the folder only, markers beside the data, malformed rows
 * included) gives the same rows as the flat CSV files, and the same counts where the whole table is
 * read; of the action tables only the partitions some built day looks back to are read, as when the
 * days are selected. N = 20, L = 30.
 */
@Tag("pipeline")
class GeneratedTablesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path flat;
  @TempDir Path tables;
  @TempDir Path flatOutput;
  @TempDir Path tablesOutput;
  @TempDir Path selectedOutput;

  private static final DataGenerator.Settings SETTINGS =
      new DataGenerator.Settings(
          7, 120, 60, 4, LocalDate.parse("2025-03-14"), 40, 2400, 480, 120, 500, 0, 0, 0.05);

  private static void generate(Path folder, String tables) throws Exception {
    GenerateData.write(SETTINGS, folder, "", tables);
  }

  /** The {@code YYYY-MM-DD} days of a table's day folders, sorted. */
  private static List<String> partitionDays(Path table, String column) throws Exception {
    try (Stream<Path> folders = Files.list(table)) {
      return folders
          .map(f -> f.getFileName().toString())
          .filter(name -> name.matches(column + "=\\d{4}-\\d{2}-\\d{2}"))
          .map(name -> name.substring(column.length() + 1))
          .sorted()
          .toList();
    }
  }

  private static PipelineRun run(Path inputs, Path output, boolean asTables) {
    PipelineRun run = new PipelineRun(inputs, output);
    if (asTables) {
      run.options().setImpressions(inputs.resolve("impressions").toString());
      run.options().setClicks(inputs.resolve("clicks").toString());
      run.options().setAddToCarts(inputs.resolve("add_to_carts").toString());
      run.options().setPreviousOrders(inputs.resolve("previous_orders").toString());
    }
    run.options().setSequenceLength(20);
    run.options().setLookbackDays(30);
    return run;
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "jsonl", "parquet"})
  void tables_giveTheRowsAndCountsOfTheFlatFiles(String format) throws Exception {
    generate(flat, "none");
    generate(tables, format);
    try (Stream<Path> days = Files.list(tables.resolve("clicks"))) {
      assertThat(
          days.filter(d -> d.getFileName().toString().startsWith("dt=2")).toList(),
          hasSize(greaterThan(30)));
    }
    assertThat(Files.exists(tables.resolve("clicks/_SUCCESS")), equalTo(true));
    // A partition for every day a table's rows may fall on, empty or not, as a lake has them: 120
    // orders over 44 days leave some days without one.
    DataGenerator generator = new DataGenerator(SETTINGS);
    for (Source source : Source.values()) {
      assertThat(
          source.id(),
          partitionDays(tables.resolve(source.id()), source.dayColumn())
              .containsAll(generator.days(source).days()),
          equalTo(true));
    }
    assertThat(Files.exists(tables.resolve(".flat")), equalTo(false));

    run(flat, flatOutput, false).run();
    run(tables, tablesOutput, true).run();

    List<?> rows = ParquetRows.read(flatOutput);
    assertThat(rows, hasSize(greaterThan(100)));
    assertThat(ParquetRows.read(tablesOutput), containsInAnyOrder(rows.toArray()));
    ObjectNode expected = (ObjectNode) JSON.readTree(flatOutput.resolve("_metrics.json").toFile());
    ObjectNode got = (ObjectNode) JSON.readTree(tablesOutput.resolve("_metrics.json").toFile());
    assertThat(got.get("rows"), equalTo(expected.get("rows")));
    assertThat(got.get("days"), equalTo(expected.get("days")));
    // The impressions table is read whole, as the flat file is.
    assertThat(
        got.get("sources").get("impressions"), equalTo(expected.get("sources").get("impressions")));
    // Of the action tables, only the partitions some built day looks back to are read (SPEC §1):
    // exactly what a run selecting the same days reads.
    // The built days are the impression partitions found, those of malformed rows included.
    List<String> days = partitionDays(tables.resolve("impressions"), "dt");
    PipelineRun selecting = run(tables, selectedOutput, true);
    selecting.options().setStartDate(days.get(0));
    selecting.options().setEndDate(days.get(days.size() - 1));
    selecting.run();
    JsonNode selected = JSON.readTree(selectedOutput.resolve("_metrics.json").toFile());
    for (Source source : Source.values()) {
      if (source != Source.IMPRESSIONS) {
        JsonNode counts = selected.get("sources").get(source.id());
        assertThat(source.id(), got.get("sources").get(source.id()), equalTo(counts));
      }
    }
    assertThat(got.get("sources").get("clicks").get("rejected").asLong(), greaterThan(0L));
    // Every needed partition is there, empty ones included: nothing is reported missing.
    assertThat(got.get("missing_partitions").toString(), equalTo("{}"));
    assertThat(selected.get("missing_partitions").toString(), equalTo("{}"));
    assertThat(
        got.get("sources").get("clicks").get("read").asLong(),
        lessThan(expected.get("sources").get("clicks").get("read").asLong()));
  }
}
