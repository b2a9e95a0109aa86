package dev.traininginputs.output;

import static dev.traininginputs.TestData.history;
import static dev.traininginputs.TestData.impression;
import static dev.traininginputs.TestData.ints;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.traininginputs.ParquetRows;
import dev.traininginputs.layout.RowLayout;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.History;
import dev.traininginputs.model.HistoryRows;
import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.model.TrainingRow;
import dev.traininginputs.report.RunInfo;
import dev.traininginputs.stats.FigureCoder;
import dev.traininginputs.stats.MergeFigures;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.storage.LocalStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The writers: what they put on disk, and the figures they hand back. */
@Tag("pipeline")
@ExtendWith(TestPipelineExtension.class)
class WritersTest {
  @TempDir Path dir;

  /** Rows as the pipeline hands them to the writer: one element per customer and day. */
  private static List<HistoryRows> twoDaysOfRows() {
    return List.of(
        new HistoryRows(
            history(4, ints(9, 8), ints(1, 3)), List.of(impression(1, "2025-03-10", "r1", 5, 6))),
        new HistoryRows(History.empty(4), List.of(impression(2, "2025-03-10", "r2", 7))),
        new HistoryRows(History.empty(4), List.of(impression(3, "2025-03-10", "r3", 7))),
        new HistoryRows(
            history(4, ints(9, 8, 7, 6), ints(2, 2, 1, 1)),
            List.of(impression(1, "2025-03-11", "r4", 5))));
  }

  private static List<TrainingRow> rowsOf(List<HistoryRows> customerDays) {
    return customerDays.stream().flatMap(c -> c.rows().stream()).toList();
  }

  /** What {@code assemble.RowsPerDay} makes of the impressions behind these rows. */
  private static PCollectionView<Map<Integer, Long>> rowsPerDay(
      TestPipeline p, List<TrainingRow> rows) {
    Map<Integer, Long> perDay = new TreeMap<>();
    rows.forEach(row -> perDay.merge(row.item().day(), 1L, Long::sum));
    List<KV<Integer, Long>> entries = new ArrayList<>();
    perDay.forEach((day, count) -> entries.add(KV.of(day, count)));
    return p.apply("RowsPerDay", Create.of(entries)).apply("AsMap", View.asMap());
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  @Test
  void writeTrainingRows_writesEveryRowOnceInItsDayAndHandsBackItsFigures(TestPipeline p)
      throws IOException {
    List<TrainingRow> rows = rowsOf(twoDaysOfRows());
    PCollection<RunMetrics> figures =
        p.apply(Create.of(twoDaysOfRows()).withCoder(HistoryRows.Coder.of()))
            .apply(
                WriteTrainingRows.of(
                    dir.toString(),
                    "RUN",
                    2,
                    RowLayout.exploded(4),
                    FilesPerDay.of(rowsPerDay(p, rows), 2)));
    PCollection<RunMetrics> merged = PCollectionList.of(figures).apply(MergeFigures.analysing(2));
    PAssert.thatSingleton(merged)
        .satisfies(
            m -> {
              assertThat(m.history().rows(), equalTo(5L));
              assertThat(m.days().get("2025-03-10").rows(), equalTo(4L));
              assertThat(m.days().get("2025-03-10").zeroHistoryPct(), equalTo(0.5));
              assertThat(m.days().get("2025-03-11").avgHistoryLength(), equalTo(4.0));
              assertThat(m.lengths().rowsByLength(), equalTo(Map.of(0, 2L, 2, 2L, 4, 1L)));
              assertThat(m.positions().frequencies(0), equalTo(new double[] {0.4, 0.4, 0.2, 0}));
              return null;
            });
    p.run().waitUntilFinish();

    // Customers spread over at most two shards per day; names are day, run id and shard, and
    // each file is staged under an attempt name and listed: nothing else is written.
    Map<String, String> listed = WrittenFiles.read(new LocalStore(), dir.toString());
    List<Path> expectedFiles = new ArrayList<>(List.of(Path.of(WrittenFiles.LIST)));
    listed.forEach(
        (name, staged) -> {
          assertThat(name, matchesPattern("dt=2025-03-1[01]/part-RUN-0000[01]\\.parquet"));
          assertThat(
              staged,
              matchesPattern(
                  Pattern.quote(name.replace(".parquet", "")) + "\\.[0-9a-f]{8}\\.parquet"));
          expectedFiles.add(Path.of(staged));
        });
    expectedFiles.sort(null);
    assertThat(files(dir), equalTo(expectedFiles));
    assertThat(ParquetRows.read(dir), containsInAnyOrder(rows.toArray()));
  }

  @Test
  void writeTrainingRows_spreadsADayOverTheFilesItsSizeNeeds(TestPipeline p) throws IOException {
    // 03-10: 1,000 customers with one row each, at 100 rows a file: 10 files, each customer's
    // rows in one of them. 03-11: 3 rows, one file.
    List<HistoryRows> customerDays = new ArrayList<>();
    for (int customer = 1; customer <= 1000; customer++) {
      customerDays.add(
          new HistoryRows(
              History.empty(2), List.of(impression(customer, "2025-03-10", "r" + customer, 5))));
    }
    customerDays.add(
        new HistoryRows(History.empty(2), List.of(impression(1, "2025-03-11", "s", 5, 6, 7))));
    p.apply(Create.of(customerDays).withCoder(HistoryRows.Coder.of()))
        .apply(
            WriteTrainingRows.of(
                dir.toString(),
                "RUN",
                0,
                RowLayout.exploded(2),
                FilesPerDay.of(rowsPerDay(p, rowsOf(customerDays)), 100)));
    p.run().waitUntilFinish();

    Map<String, String> listed = WrittenFiles.read(new LocalStore(), dir.toString());
    List<String> bigDay =
        listed.keySet().stream().filter(name -> name.startsWith("dt=2025-03-10/")).toList();
    assertThat(bigDay, hasSize(10));
    assertThat(
        listed.keySet().stream().filter(name -> name.startsWith("dt=2025-03-11/")).toList(),
        contains("dt=2025-03-11/part-RUN-00000.parquet"));
    for (String name : bigDay) {
      List<GenericRecord> inFile = ParquetRows.records(dir.resolve(listed.get(name)));
      // A fair spread: no file far from the target of 100 rows.
      assertThat(inFile.size(), both(greaterThan(50)).and(lessThan(150)));
    }
  }

  @Test
  void filesPerDay_followTheRowsAtLeastOneAtMostTheCap() {
    assertThat(FilesPerDay.files(0, 100), equalTo(1));
    assertThat(FilesPerDay.files(100, 100), equalTo(1));
    assertThat(FilesPerDay.files(101, 100), equalTo(2));
    assertThat(FilesPerDay.files(10_000_000, 250_000), equalTo(40));
    assertThat(FilesPerDay.files(Long.MAX_VALUE / 2, 1), equalTo(FilesPerDay.MAX_FILES_PER_DAY));
  }

  @Test
  void trainingRowParquet_physicalSchemaIsThreeLevelListsOfRequiredInt32() throws IOException {
    Path file = dir.resolve("rows.parquet");
    try (var writer =
        TrainingRowParquet.writer(
            Files.newByteChannel(file, CREATE_NEW, WRITE), RowLayout.exploded(4))) {
      writer.write(RowLayout.exploded(4).records(twoDaysOfRows().get(0)).get(0));
    }
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      assertThat(
          reader.getFooter().getFileMetaData().getSchema().toString(),
          equalTo(
              String.join(
                  "\n",
                  "message dev.traininginputs.TrainingRow {",
                  "  required binary dt (STRING);",
                  "  required binary ranking_id (STRING);",
                  "  required int64 customer_id;",
                  "  required int32 position;",
                  "  required int32 item_id;",
                  "  required boolean is_order;",
                  "  required group actions (LIST) {",
                  "    repeated group list {",
                  "      required int32 element;",
                  "    }",
                  "  }",
                  "  required group action_types (LIST) {",
                  "    repeated group list {",
                  "      required int32 element;",
                  "    }",
                  "  }",
                  "  required int32 history_length;",
                  "}",
                  "")));
    }
  }

  @Test
  void writeRejected_writesOneJsonLinesFilePerSourceAndHandsBackTheReasons(TestPipeline p)
      throws IOException {
    PCollection<RunMetrics> figures =
        p.apply(
                Create.of(
                        new RejectedRecord(
                            "clicks", "c.csv", 3, "item_id: 0 is not a valid item id", "7,0"),
                        new RejectedRecord(
                            "clicks", "c.csv", 5, "item_id: -2 is not a valid item id", "7,-2"),
                        new RejectedRecord(
                            "previous_orders",
                            "o.csv",
                            2,
                            "row: has 1 fields, the header has 3",
                            "x"))
                    .withCoder(RejectedRecord.Coder.of()))
            .apply(WriteRejected.to(dir.toString()));
    PAssert.thatSingleton(PCollectionList.of(figures).apply(MergeFigures.analysing(0)))
        .satisfies(
            m -> {
              assertThat(
                  m.rejections().top("clicks", 5),
                  equalTo(Map.of("item_id: … is not a valid item id", 2L)));
              assertThat(
                  m.rejections().top("previous_orders", 5),
                  equalTo(Map.of("row: has … fields, the header has …", 1L)));
              return null;
            });
    p.run().waitUntilFinish();

    Map<String, String> listed = WrittenFiles.read(new LocalStore(), dir.toString());
    assertThat(
        listed.keySet(), contains("rejected-clicks.jsonl", "rejected-previous_orders.jsonl"));
    assertThat(files(dir), hasSize(3));
    assertThat(
        Files.readAllLines(
            dir.resolve(listed.get("rejected-clicks.jsonl")), StandardCharsets.UTF_8),
        containsInAnyOrder(
            "{\"source\":\"clicks\",\"file\":\"c.csv\",\"line\":3,\"reason\":\"item_id: 0 is not a valid item id\",\"raw\":\"7,0\"}",
            "{\"source\":\"clicks\",\"file\":\"c.csv\",\"line\":5,\"reason\":\"item_id: -2 is not a valid item id\",\"raw\":\"7,-2\"}"));
  }

  /** Figures of {@code rows} rows on 2025-03-10 with an empty history. */
  private static RunMetrics rowsFigure(long rows) {
    RunMetrics figures = RunMetrics.ofRows(0);
    figures.add(Days.of("2025-03-10"), History.empty(4), rows);
    return figures;
  }

  @Test
  void writtenFiles_listsOneAttemptPerFileAndCountsItsFiguresOnce(TestPipeline p)
      throws IOException {
    // Two attempts reported for the same file (a runner that delivered both), one other file.
    PCollection<RunMetrics> figures =
        p.apply(
                Create.of(
                        new WrittenFile(
                            "dt=2025-03-10/part-a.parquet",
                            "dt=2025-03-10/part-a.y.parquet",
                            rowsFigure(3)),
                        new WrittenFile(
                            "dt=2025-03-10/part-a.parquet",
                            "dt=2025-03-10/part-a.x.parquet",
                            rowsFigure(3)),
                        new WrittenFile(
                            "dt=2025-03-10/part-b.parquet",
                            "dt=2025-03-10/part-b.z.parquet",
                            rowsFigure(2)))
                    .withCoder(FigureCoder.of(WrittenFile.class)))
            .apply(WrittenFiles.listedIn(dir.toString()));
    PAssert.thatSingleton(PCollectionList.of(figures).apply(MergeFigures.analysing(0)))
        .satisfies(
            merged -> {
              assertThat(merged.history().rows(), equalTo(5L));
              return null;
            });
    p.run().waitUntilFinish();
    assertThat(
        Files.readString(dir.resolve(WrittenFiles.LIST)),
        equalTo(
            "dt=2025-03-10/part-a.parquet\tdt=2025-03-10/part-a.x.parquet\n"
                + "dt=2025-03-10/part-b.parquet\tdt=2025-03-10/part-b.z.parquet\n"));
  }

  @Test
  void writeMetrics_writesTheJsonAndTheReportOfTheOneFigure(TestPipeline p) throws IOException {
    Path metrics = dir.resolve("metrics.json");
    Path report = dir.resolve("report.html");
    LinkedHashMap<String, String> settings = new LinkedHashMap<>();
    settings.put("output", "out");
    p.apply(Create.of(rowsFigure(7)).withCoder(MergeFigures.coder()))
        .apply(
            WriteMetrics.to(
                metrics.toString(), report.toString(), new RunInfo("a test run", settings)));
    p.run().waitUntilFinish();
    JsonNode json = new ObjectMapper().readTree(metrics.toFile());
    assertThat(json.get("rows").asLong(), equalTo(7L));
    assertThat(json.get("days").get("2025-03-10").get("rows").asLong(), equalTo(7L));
    String html = Files.readString(report);
    assertThat(html, containsString("a test run"));
    assertThat(html, containsString("2025-03-10"));
  }
}
