package dev.traininginputs.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.traininginputs.ParquetRows;
import dev.traininginputs.generate.DataGenerator;
import dev.traininginputs.generate.GenerateData;
import dev.traininginputs.layout.RowLayout;
import dev.traininginputs.model.Source;
import dev.traininginputs.model.TrainingRow;
import dev.traininginputs.options.OutputLayout;
import dev.traininginputs.options.Padding;
import dev.traininginputs.output.SparkIcebergReader;
import dev.traininginputs.output.TestStorage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.hadoop.HadoopTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real job, as a user runs it, with its inputs and every output on HDFS (a MiniDFSCluster in
 * this JVM; S3: {@link S3RunsTest}): twice in {@code overwrite} mode, each time giving exactly the
 * rows, rejected records and metrics of the same run on local files, and nothing else in the
 * output; then once more with the rejected records, metrics and report on the local disk; then in
 * the grouped layout without padding, which reads back as the same training rows.
 */
class StorageRunsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void onHdfs_twiceInOverwriteMode_theOutputEqualsALocalRun(@TempDir Path local)
      throws IOException {
    check(TestStorage.hdfs(), local);
  }

  /**
   * {@code --outputFormat=iceberg} into a path-based table on HDFS: read back by Iceberg's generic
   * reader and by Spark, after a full run and an overwrite, and at the first snapshot.
   */
  @Test
  void onHdfs_anIcebergTable_readsBackAsTheFolderOutput(@TempDir Path local) throws Exception {
    TestStorage storage = TestStorage.hdfs();
    String location = storage.newRoot() + "/table";
    IcebergOutputTest.fullRunThenOverwrite(
        local,
        more ->
            IcebergOutputTest.run(
                IcebergOutputTest.icebergAt(location, storage.arguments(), more), 0),
        () -> new HadoopTables(new Configuration()).load(location),
        snapshot -> SparkIcebergReader.read(location, snapshot));
  }

  static void check(TestStorage storage, Path local) throws IOException {
    Path expected = local.resolve("expected");
    run(inputs(Path.of("data").toAbsolutePath().toString(), "/"), expected.toString(), List.of());
    assertThat(sortedRows(expected), hasSize(greaterThan(1000)));

    String root = storage.newRoot();
    for (Source source : Source.values()) {
      // Each input a folder with its part files one level down, and beside them a marker, a
      // checksum and a temporary file that are not data (and would refuse the run if read).
      String folder = root + "/in/" + source.id();
      storage.write(
          folder + "/batch=1/part-00000.csv",
          Files.readString(Path.of("data", source.id() + "_1000.csv")));
      storage.write(folder + "/_SUCCESS", "");
      storage.write(folder + "/batch=1/.part-00000.csv.crc", "\u0000crc");
      storage.write(folder + "/_temporary/0/part-00001.csv", "no header here");
    }
    String output = root + "/out";
    for (int attempt = 1; attempt <= 2; attempt++) {
      run(inputs(root + "/in", ""), output, storage.arguments());
      Path got = local.resolve("run" + attempt);
      storage.download(output, got);
      String message = storage + ", run " + attempt;
      assertThat(message, sortedRows(got), equalTo(sortedRows(expected)));
      assertThat(message, metrics(got), equalTo(metrics(expected)));
      assertThat(message, rejected(got), equalTo(rejected(expected)));
      assertThat(message, publishedFiles(got, storage), equalTo(publishedFiles(expected, storage)));
      assertThat(message, runIds(got), hasSize(1));
    }

    // scripts/show reads the output where it is (on S3 through the days' manifests) as it reads
    // the same output on the local disk.
    List<String> showArgs = new ArrayList<>(List.of(output, "--limit=0"));
    showArgs.addAll(storage.arguments());
    assertThat(
        storage + ", scripts/show",
        shown(showArgs.toArray(String[]::new)).replace(output, "OUTPUT"),
        equalTo(shown(expected.toString(), "--limit=0").replace(expected.toString(), "OUTPUT")));

    // The rejected records, metrics and report on the local disk, the rows on the storage.
    Path sideFiles = local.resolve("side");
    List<String> sideOptions = new ArrayList<>(storage.arguments());
    sideOptions.add("--rejectedOutput=" + sideFiles.resolve("rejected"));
    sideOptions.add("--metricsJson=" + sideFiles.resolve("metrics.json"));
    sideOptions.add("--report=" + sideFiles.resolve("report.html"));
    run(inputs(root + "/in", ""), output, sideOptions);
    assertThat(
        (ObjectNode) JSON.readTree(sideFiles.resolve("metrics.json").toFile()),
        equalTo(metrics(expected)));
    Files.move(sideFiles.resolve("rejected"), sideFiles.resolve("_rejected"));
    assertThat(rejected(sideFiles), equalTo(rejected(expected)));
    assertThat(Files.readString(sideFiles.resolve("report.html")), containsString("<html"));

    // Grouped, unpadded rows: the same training rows once read back.
    String grouped = root + "/grouped";
    List<String> groupedOptions = new ArrayList<>(storage.arguments());
    groupedOptions.add("--layout=grouped");
    groupedOptions.add("--padding=none");
    run(inputs(root + "/in", ""), grouped, groupedOptions);
    Path got = local.resolve("grouped");
    storage.download(grouped, got);
    RowLayout layout = new RowLayout(OutputLayout.GROUPED, Padding.NONE, 1000);
    List<String> rows = new ArrayList<>();
    for (Path file : ParquetRows.files(got)) {
      ParquetRows.records(file)
          .forEach(r -> layout.rows(r).forEach(row -> rows.add(row.toString())));
    }
    rows.sort(null);
    assertThat(storage + ", grouped", rows, equalTo(sortedRows(expected)));
    assertThat(storage + ", grouped", metrics(got), equalTo(metrics(expected)));
  }

  @Test
  void onHdfs_parquetTables_giveTheRowsOfALocalRun(@TempDir Path local) throws IOException {
    checkParquetTables(TestStorage.hdfs(), local);
  }

  /**
   * Hive-partitioned Parquet tables ({@code generate-data --tables=parquet}: Spark's types) on the
   * storage, read through its seekable channels, with two days selected: the same rows, metrics and
   * rejected records as the same tables on the local disk.
   */
  static void checkParquetTables(TestStorage storage, Path local) throws IOException {
    Path tables = local.resolve("tables");
    GenerateData.write(
        new DataGenerator.Settings(
            7, 120, 60, 4, LocalDate.parse("2025-03-14"), 40, 2400, 480, 120, 500, 0, 0, 0.05),
        tables,
        "",
        "parquet");
    List<String> days = List.of("--startDate=2025-03-12", "--endDate=2025-03-13");
    Path expected = local.resolve("expected");
    run(inputs(tables.toString(), ""), expected.toString(), days);
    assertThat(sortedRows(expected), hasSize(greaterThan(50)));

    String root = storage.newRoot();
    storage.upload(tables, root + "/in");
    String output = root + "/out";
    List<String> options = new ArrayList<>(storage.arguments());
    options.addAll(days);
    run(inputs(root + "/in", ""), output, options);
    Path got = local.resolve("got");
    storage.download(output, got);
    assertThat(storage + ", parquet", sortedRows(got), equalTo(sortedRows(expected)));
    assertThat(storage + ", parquet", metrics(got), equalTo(metrics(expected)));
    assertThat(storage + ", parquet", rejected(got), equalTo(rejected(expected)));
  }

  /** The four input options: {@code DIR/SOURCE} (a folder) or the local sample files. */
  private static List<String> inputs(String directory, String localSample) {
    List<String> args = new ArrayList<>();
    for (Source source : Source.values()) {
      args.add(
          "--"
              + source.option()
              + "="
              + directory
              + "/"
              + source.id()
              + (localSample.isEmpty() ? "" : "_1000.csv"));
    }
    return args;
  }

  private static void run(List<String> inputs, String output, List<String> storage) {
    List<String> args = new ArrayList<>(inputs);
    args.add("--output=" + output);
    args.addAll(storage);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8), code, equalTo(0));
  }

  /** What {@code scripts/show} prints; it must succeed. */
  private static String shown(String... args) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream print =
        new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(String.join(" ", args), Show.run(args, print, System.err), equalTo(0));
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<String> sortedRows(Path output) {
    List<String> rows = new ArrayList<>();
    for (TrainingRow row : ParquetRows.read(output)) {
      rows.add(row.toString());
    }
    rows.sort(null);
    return rows;
  }

  private static ObjectNode metrics(Path output) throws IOException {
    return (ObjectNode) JSON.readTree(output.resolve("_metrics.json").toFile());
  }

  /** Rejected records by file, each with its input file reduced to the source's name. */
  private static TreeMap<String, List<String>> rejected(Path output) throws IOException {
    TreeMap<String, List<String>> files = new TreeMap<>();
    try (var list = Files.list(output.resolve("_rejected"))) {
      for (Path file : list.toList()) {
        List<String> records = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
          ObjectNode record = (ObjectNode) JSON.readTree(line);
          record.remove("file");
          records.add(record.toString());
        }
        records.sort(null);
        files.put(file.getFileName().toString(), records);
      }
    }
    return files;
  }

  /**
   * The output's files with run ids masked: {@code dt=D/part-*.parquet} per day, manifests on S3,
   * rejected records, metrics, report; no lock, no staging.
   */
  private static Set<String> publishedFiles(Path output, TestStorage storage) throws IOException {
    Set<String> files = new TreeSet<>();
    try (var walk = Files.walk(output)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = output.relativize(p).toString();
        if (name.endsWith("/_MANIFEST") && storage.hasManifests()) {
          continue;
        }
        files.add(name.replaceAll("part-[^/]+-(\\d{5})\\.parquet$", "part-RUN-$1.parquet"));
      }
    }
    return files;
  }

  private static Set<String> runIds(Path output) throws IOException {
    Set<String> ids = new TreeSet<>();
    Pattern part = Pattern.compile(".*/part-(.+)-\\d{5}\\.parquet");
    try (var walk = Files.walk(output)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        var m = part.matcher(p.toString());
        if (m.matches()) {
          ids.add(m.group(1));
        }
      }
    }
    assertThat(ids, everyItem(matchesPattern("\\d{8}T\\d{6}Z-[0-9a-f]{6}")));
    return ids;
  }
}
