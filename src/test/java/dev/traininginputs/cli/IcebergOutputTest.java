package dev.traininginputs.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.traininginputs.ParquetRows;
import dev.traininginputs.TrainingInputsJob;
import dev.traininginputs.options.TrainingInputsOptions;
import dev.traininginputs.output.IcebergRows;
import dev.traininginputs.output.SparkIcebergReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.hadoop.HadoopTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --outputFormat=iceberg} into a path-based table on the local disk (SPEC §7 "Iceberg
 * tables"), read back by Iceberg's generic reader and by Spark 3.5 with Iceberg's runtime: a full
 * run, then an overwrite of one day, give the rows of the same two runs into a Parquet folder; time
 * travel to the first snapshot gives the first run's rows exactly.
 */
class IcebergOutputTest {
  @TempDir Path dir;

  static List<String> sample(Path output, String... more) {
    return List.of(MainTest.sampleInputs(output, more));
  }

  /** Runs the job; returns its stderr, failing unless it exits with {@code expectedCode}. */
  static String run(List<String> args, int expectedCode) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args.toArray(String[]::new),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(errors, code, equalTo(expectedCode));
    return errors;
  }

  static List<String> iceberg(Path output, String... more) {
    return icebergAt(output.toString(), List.of(), more);
  }

  /** The sample inputs into the Iceberg table at {@code output}, with the storage's options. */
  static List<String> icebergAt(String output, List<String> storage, String... more) {
    List<String> args = new ArrayList<>();
    for (String arg : sample(Path.of("unused"), more)) {
      if (!arg.startsWith("--output=")) {
        args.add(arg);
      }
    }
    args.add("--output=" + output);
    args.add("--outputFormat=iceberg");
    args.addAll(storage);
    return args;
  }

  static Table table(Path location) {
    return new HadoopTables(new Configuration()).load(location.toString());
  }

  static List<String> folderRows(Path output) {
    List<String> rows = new ArrayList<>(ParquetRows.described(output));
    rows.sort(null);
    return rows;
  }

  /** Every Parquet file under the table's {@code data/}, relative to the table. */
  static Set<String> dataFilesOnDisk(Path table) throws IOException {
    try (Stream<Path> files = Files.walk(table.resolve("data"))) {
      Set<String> names = new TreeSet<>();
      files.filter(Files::isRegularFile).forEach(p -> names.add(p.toString()));
      return names;
    }
  }

  /** Every data file some snapshot of the table added. */
  static Set<String> dataFilesOfSnapshots(Table table) {
    Set<String> names = new TreeSet<>();
    for (Snapshot snapshot : table.snapshots()) {
      for (DataFile file : snapshot.addedDataFiles(table.io())) {
        names.add(file.location());
      }
    }
    return names;
  }

  @Test
  void aFullRunThenAnOverwrite_readByIcebergAndSpark_equalTheFolderOutput() throws Exception {
    Path location = dir.resolve("table");
    Table table =
        fullRunThenOverwrite(
            dir,
            args -> run(iceberg(location, args), 0),
            () -> table(location),
            snapshot -> SparkIcebergReader.read(location.toString(), snapshot));
    // Nothing but the table, its metrics, report and rejected records; no staging left.
    try (Stream<Path> top = Files.list(location)) {
      assertThat(
          top.map(p -> p.getFileName().toString()).sorted().toList(),
          equalTo(List.of("_metrics.json", "_rejected", "_report.html", "data", "metadata")));
    }
    assertThat(dataFilesOnDisk(location), equalTo(dataFilesOfSnapshots(table)));
    // scripts/show shows the table's current snapshot as it shows the folder (rows in files: any
    // order).
    assertThat(
        shown(location).replace(location.toString(), "OUTPUT"),
        equalTo(shown(dir.resolve("folder")).replace(dir.resolve("folder").toString(), "OUTPUT")));
  }

  private static String shown(Path output) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Show.run(
            new String[] {output.toString(), "--limit=0"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertThat(code, equalTo(0));
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The readers' proof on any storage: a full run, then an overwrite of one day with another
   * look-back, each read back equal to the same runs into a local Parquet folder; time travel to
   * the first snapshot gives the first run's rows. Returns the table at the end.
   *
   * @param runIceberg runs the job into the table with these more arguments; it must succeed
   * @param sparkRead the rows Spark reads from the table at a snapshot (null: the current one)
   */
  static Table fullRunThenOverwrite(
      Path dir,
      java.util.function.Consumer<String[]> runIceberg,
      java.util.function.Supplier<Table> load,
      SparkRead sparkRead)
      throws Exception {
    Path folder = dir.resolve("folder");
    run(sample(folder), 0);
    List<String> firstRun = folderRows(folder);
    assertThat(firstRun, hasSize(greaterThan(5)));
    runIceberg.accept(new String[0]);

    Table table = load.get();
    Snapshot first = table.currentSnapshot();
    assertThat(IcebergRows.generic(table, null), equalTo(firstRun));
    assertThat(first.summary().get("training-inputs.days"), equalTo("2025-03-10,2025-03-11"));
    assertThat(first.summary().get("training-inputs.run-id"), not(equalTo(null)));
    assertThat(table.spec().fields().get(0).name(), equalTo("dt"));

    // An overwrite of one day with another look-back: that day's rows change, the other stays.
    String[] second = {"--date=2025-03-11", "--lookbackDays=1"};
    run(sample(folder, second), 0);
    runIceberg.accept(second);
    List<String> afterOverwrite = folderRows(folder);
    assertThat(afterOverwrite, not(equalTo(firstRun)));

    table = load.get();
    assertThat(table.currentSnapshot().parentId(), equalTo(first.snapshotId()));
    assertThat(
        table.currentSnapshot().summary().get("training-inputs.days"), equalTo("2025-03-11"));
    assertThat(IcebergRows.generic(table, null), equalTo(afterOverwrite));
    assertThat(IcebergRows.generic(table, first.snapshotId()), equalTo(firstRun));
    assertThat(sparkRead.rows(null), equalTo(afterOverwrite));
    assertThat(sparkRead.rows(first.snapshotId()), equalTo(firstRun));
    return table;
  }

  /** How Spark reads the table under test: by path, or through its catalog. */
  interface SparkRead {
    List<String> rows(Long snapshotId) throws Exception;
  }

  /**
   * A speculative or retried task that lost the race leaves its file in the staging folder, under
   * another attempt's name and never reported: it is not committed, and goes with the staging.
   */
  @Test
  void anUnreportedAttemptsFile_isNeverCommitted() throws Exception {
    Path location = dir.resolve("table");
    String[] args = iceberg(location).toArray(String[]::new);
    PipelineOptionsFactory.register(TrainingInputsOptions.class);
    TrainingInputsOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(TrainingInputsOptions.class);
    Main.applyRunnerDefaults(options, args);
    List<Path> strays = new ArrayList<>();
    TrainingInputsJob.run(
        options,
        PipelineResult::waitUntilFinish,
        step -> {
          if (step.equals("write the commit record")) {
            try (Stream<Path> files = Files.walk(location)) {
              Path staged =
                  files
                      .filter(p -> p.toString().contains("/.staging-"))
                      .filter(p -> p.toString().endsWith(".parquet"))
                      .findFirst()
                      .orElseThrow();
              Path stray =
                  staged.resolveSibling(
                      staged
                          .getFileName()
                          .toString()
                          .replaceAll("\\.[0-9a-f]+\\.parquet$", ".0badf00d.parquet"));
              Files.copy(staged, stray);
              strays.add(stray);
            }
          }
        });
    assertThat(strays, hasSize(1));
    Table table = table(location);
    assertThat(dataFilesOfSnapshots(table), hasSize(2)); // one file per day
    assertThat(dataFilesOnDisk(location), equalTo(dataFilesOfSnapshots(table)));
    assertThat(Files.exists(strays.get(0)), equalTo(false));
    Path folder = dir.resolve("folder");
    run(sample(folder), 0);
    assertThat(IcebergRows.generic(table, null), equalTo(folderRows(folder)));
  }

  @Test
  void appendAddsToTheDays_andErrorIfExistsRefusesBeforeAnyWork() {
    Path location = dir.resolve("table");
    run(iceberg(location), 0);
    Table table = table(location);
    List<String> once = IcebergRows.generic(table, null);

    run(iceberg(location, "--writeMode=append", "--date=2025-03-10"), 0);
    List<String> twice = IcebergRows.generic(table(location), null);
    List<String> expected = new ArrayList<>(once);
    once.stream().filter(r -> r.startsWith("dt=2025-03-10 ")).forEach(expected::add);
    expected.sort(null);
    assertThat(twice, equalTo(expected));

    long snapshots = countSnapshots(table(location));
    String refused = run(iceberg(location, "--writeMode=errorifexists"), 2);
    assertThat(refused, containsString("already holds dt=2025-03-10, dt=2025-03-11"));
    assertThat(countSnapshots(table(location)), equalTo(snapshots));
  }

  @Test
  void anotherLayoutOrAFolderOutput_isRefused() throws IOException {
    Path location = dir.resolve("table");
    run(iceberg(location), 0);
    assertThat(
        run(iceberg(location, "--layout=grouped"), 2),
        containsString("One table holds one layout"));
    assertThat(run(sample(location), 2), containsString("holds an Iceberg table"));

    Path folder = dir.resolve("folder");
    run(sample(folder), 0);
    assertThat(run(iceberg(folder), 2), containsString("holds dt= folders of Parquet files"));
    assertThat(
        run(sample(folder, "--outputTable=ml.rows"), 2),
        containsString("--outputTable needs --outputFormat=iceberg"));
    assertThat(Files.exists(folder.resolve("metadata")), equalTo(false));
  }

  @Test
  void aJdbcCatalogTable_isCreatedWhereTheCatalogSays_andReadsBackAsTheFolderOutput()
      throws Exception {
    Path warehouse = dir.resolve("warehouse");
    String catalog =
        "type=jdbc,name=lake,uri=jdbc:sqlite:"
            + dir.resolve("catalog.db")
            + ",warehouse="
            + warehouse;
    java.util.function.Function<String[], List<String>> args =
        more -> {
          List<String> all = new ArrayList<>();
          for (String arg : sample(dir.resolve("unused"), more)) {
            if (!arg.startsWith("--output=")) {
              all.add(arg);
            }
          }
          all.addAll(
              List.of(
                  "--outputFormat=iceberg",
                  "--outputTable=ml.training_rows",
                  "--icebergCatalog=" + catalog));
          return all;
        };
    run(args.apply(new String[0]), 0);
    Path folder = dir.resolve("folder");
    run(sample(folder), 0);

    org.apache.iceberg.catalog.Catalog jdbc =
        org.apache.iceberg.CatalogUtil.buildIcebergCatalog(
            "lake",
            java.util.Map.of(
                "type",
                "jdbc",
                "uri",
                "jdbc:sqlite:" + dir.resolve("catalog.db"),
                "warehouse",
                warehouse.toString()),
            new Configuration());
    Table table =
        jdbc.loadTable(org.apache.iceberg.catalog.TableIdentifier.of("ml", "training_rows"));
    assertThat(table.location(), equalTo(warehouse.resolve("ml/training_rows").toString()));
    assertThat(IcebergRows.generic(table, null), equalTo(folderRows(folder)));
    assertThat(Files.exists(warehouse.resolve("ml/training_rows/_metrics.json")), equalTo(true));
    assertThat(
        run(args.apply(new String[] {"--padding=left"}), 2),
        containsString("the Iceberg table ml.training_rows holds exploded rows, right-padded"));
  }

  private static long countSnapshots(Table table) {
    long count = 0;
    for (Snapshot ignored : table.snapshots()) {
      count++;
    }
    return count;
  }
}
