package dev.traininginputs.input;

import static dev.traininginputs.TestData.action;
import static dev.traininginputs.TestData.impression;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.ActionType;
import dev.traininginputs.model.Impression;
import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.parse.ActionParser;
import dev.traininginputs.parse.ImpressionParser;
import dev.traininginputs.stats.MergeFigures;
import dev.traininginputs.stats.RunMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
@Tag("pipeline")
class ReadInputsTest {
  @TempDir Path dir;
  private int readers;

  /** A notes folder of its own for each reader of a test. */
  private String notes() {
    return dir.resolve("notes-" + ++readers).toString();
  }

  private String write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file.toString();
  }

  /** The reason for an impressions array that is never closed, as the JSON parser words it. */
  private static final String UNCLOSED_ARRAY =
      "impressions: is not valid JSON (Unexpected end-of-input: expected close marker for Array"
          + " (start marker at [Source: (String)\"[{\"item_id\": 6, \"is_order\": false}\"; line: 1,"
          + " column: 1]))";

  /** Each file's counts as text: {@code {clicks=SourceCounts[read=5, ...]}}. */
  private static PCollection<String> counts(PCollection<RunMetrics> perFile) {
    return perFile.apply(
        "CountsAsText",
        MapElements.into(TypeDescriptors.strings()).via(figure -> figure.sources().toString()));
  }

  @Test
  void clicks_acceptedAndRejectedWithFileAndLine(TestPipeline p) throws IOException {
    String file =
        write(
            "clicks.csv",
            "\uFEFFcustomer_id,click_time,item_id,dt\r\n"
                + "7,2025-03-09 10:00:00,11,2025-03-09\r\n"
                + "\r\n"
                + "7,2025-03-09 25:00:00,12,2025-03-09\r\n"
                + "8,2025-03-09T10:00:00Z,0,dt=2025-03-09\r\n"
                + "8,2025-03-09T10:00:00Z,13\r\n"
                + "9,2025-03-08T12:00:00+02:00,14,dt=2025-03-09\r\n");
    Parsed<Action> result =
        Parsed.of(p, "Read", ReadInputs.of(List.of(file), ActionParser.CLICKS, notes()));

    PAssert.that(result.records())
        .containsInAnyOrder(
            action(7, ActionType.CLICK, 11, "2025-03-09", "2025-03-09T10:00:00"),
            action(9, ActionType.CLICK, 14, "2025-03-09", "2025-03-08T10:00:00"));
    PAssert.that(result.rejected())
        .containsInAnyOrder(
            new RejectedRecord(
                "clicks",
                file,
                4,
                "click_time: \"2025-03-09 25:00:00\" is not a date-time",
                "7,2025-03-09 25:00:00,12,2025-03-09"),
            new RejectedRecord(
                "clicks",
                file,
                5,
                "item_id: 0 is not a valid item id (must be at least 1)",
                "8,2025-03-09T10:00:00Z,0,dt=2025-03-09"),
            new RejectedRecord(
                "clicks",
                file,
                6,
                "row: has 3 fields, the header has 4",
                "8,2025-03-09T10:00:00Z,13"));
    PAssert.that(counts(result.counts()))
        .containsInAnyOrder("{clicks=SourceCounts[read=5, accepted=2, rejected=3, dayMismatch=0]}");
    p.run().waitUntilFinish();
  }

  @Test
  void aFileReadInRangesGivesTheSameRecordsRejectionsAndLineNumbers(TestPipeline p)
      throws IOException {
    StringBuilder text = new StringBuilder("customer_id,click_time,item_id,dt\r\n");
    for (int i = 1; i <= 40; i++) {
      if (i % 7 == 0) {
        text.append("\n");
      }
      String line = i + ",2025-03-09 10:00:0" + (i % 10) + "," + (i % 13) + ",2025-03-09";
      text.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
    }
    String file = write("clicks.csv", text.toString());
    // The same lines parsed whole, by the reader itself: what every range split must reproduce.
    Parsed<Action> whole =
        Parsed.of(p, "Whole", ReadInputs.of(List.of(file), ActionParser.CLICKS, notes()));
    Parsed<Action> split =
        Parsed.of(
            p,
            "Split",
            ReadInputs.of(List.of(file), ActionParser.CLICKS, notes()).withSplitBytes(37));
    PAssert.that(split.records()).containsInAnyOrder(records(file, 40));
    PAssert.that(split.rejected()).containsInAnyOrder(rejections(file));
    PAssert.thatSingleton(
            PCollectionList.of(split.counts())
                .apply("MergeSplit", MergeFigures.analysing(0))
                .apply(
                    "SplitAsText",
                    MapElements.into(TypeDescriptors.strings()).via(m -> m.sources().toString())))
        .isEqualTo("{clicks=SourceCounts[read=40, accepted=37, rejected=3, dayMismatch=0]}");
    PAssert.that(whole.rejected()).containsInAnyOrder(rejections(file));
    p.run().waitUntilFinish();
  }

  /** Lines 1..n of the generated file: item i % 13, which is 0 (rejected) for i = 13, 26, 39. */
  private static List<Action> records(String file, int n) {
    List<Action> actions = new java.util.ArrayList<>();
    for (int i = 1; i <= n; i++) {
      if (i % 13 != 0) {
        actions.add(
            action(i, ActionType.CLICK, i % 13, "2025-03-09", "2025-03-09T10:00:0" + (i % 10)));
      }
    }
    return actions;
  }

  /** Physical line numbers: the header is line 1, and a blank line precedes every 7th record. */
  private static List<RejectedRecord> rejections(String file) {
    List<RejectedRecord> rejected = new java.util.ArrayList<>();
    for (int i : new int[] {13, 26, 39}) {
      long line = 1 + i + i / 7;
      rejected.add(
          new RejectedRecord(
              "clicks",
              file,
              line,
              "item_id: 0 is not a valid item id (must be at least 1)",
              i + ",2025-03-09 10:00:0" + (i % 10) + ",0,2025-03-09"));
    }
    return rejected;
  }

  private static final String CLICKS_SCHEMA =
      "message spark_schema { optional int64 customer_id; optional int32 item_id;"
          + " optional binary click_time (STRING); }";

  /** Click rows 1..n: customer i, item {@code item(i)}, at 2025-03-09 10:00:0(i % 10). */
  private static List<java.util.function.Consumer<org.apache.parquet.example.data.Group>> clicks(
      int n, java.util.function.IntUnaryOperator item) {
    List<java.util.function.Consumer<org.apache.parquet.example.data.Group>> rows =
        new java.util.ArrayList<>();
    for (int i = 1; i <= n; i++) {
      int row = i;
      rows.add(
          group ->
              group
                  .append("customer_id", (long) row)
                  .append("item_id", item.applyAsInt(row))
                  .append("click_time", "2025-03-09 10:00:0" + (row % 10)));
    }
    return rows;
  }

  /** The row groups a Parquet file's footer lists. */
  private static List<org.apache.parquet.hadoop.metadata.BlockMetaData> rowGroups(String file)
      throws IOException {
    try (org.apache.parquet.hadoop.ParquetFileReader footer =
        org.apache.parquet.hadoop.ParquetFileReader.open(
            dev.traininginputs.storage.BeamInputFile.of(file))) {
      return footer.getRowGroups();
    }
  }

  @Test
  void aParquetFileReadInRowGroupRanges_givesTheSameRecordsRejectionsAndRowNumbers(TestPipeline p)
      throws IOException {
    // 120 rows in many row groups (a tiny row group size); item i % 13, 0 rejected.
    String file =
        ParquetFiles.write(
            dir.resolve("dt=2025-03-09").resolve("part-0.parquet"),
            CLICKS_SCHEMA,
            1,
            clicks(120, i -> i % 13));
    List<Action> expected = new java.util.ArrayList<>();
    List<RejectedRecord> rejected = new java.util.ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      if (i % 13 != 0) {
        expected.add(
            action(i, ActionType.CLICK, i % 13, "2025-03-09", "2025-03-09T10:00:0" + (i % 10)));
      } else {
        rejected.add(
            new RejectedRecord(
                "clicks",
                file,
                i,
                "item_id: 0 is not a valid item id (must be at least 1)",
                "{\"customer_id\":"
                    + i
                    + ",\"item_id\":0,\"click_time\":\"2025-03-09 10:00:0"
                    + (i % 10)
                    + "\"}"));
      }
    }
    Parsed<Action> split =
        Parsed.of(
            p,
            "Split",
            ReadInputs.of(List.of(file), ActionParser.CLICKS, notes()).withSplitBytes(1));
    PAssert.that(split.records()).containsInAnyOrder(expected);
    PAssert.that(split.rejected()).containsInAnyOrder(rejected);
    PAssert.thatSingleton(
            PCollectionList.of(split.counts())
                .apply("MergeSplit", MergeFigures.analysing(0))
                .apply(
                    "SplitAsText",
                    MapElements.into(TypeDescriptors.strings()).via(m -> m.sources().toString())))
        .isEqualTo("{clicks=SourceCounts[read=120, accepted=111, rejected=9, dayMismatch=0]}");
    // One figure per range, one range per row group.
    int rowGroups = rowGroups(file).size();
    assertThat(rowGroups, greaterThan(2));
    PAssert.thatSingleton(split.counts().apply(Count.globally())).isEqualTo((long) rowGroups);
    Parsed<Action> whole =
        Parsed.of(p, "Whole", ReadInputs.of(List.of(file), ActionParser.CLICKS, notes()));
    PAssert.that(whole.rejected()).containsInAnyOrder(rejected);
    p.run().waitUntilFinish();
  }

  @Test
  void aParquetFileCorruptInsideFailsTheRunNamingItAndTheLastRowRead(TestPipeline p)
      throws IOException {
    String file =
        ParquetFiles.write(
            dir.resolve("dt=2025-03-09").resolve("part-0.parquet"),
            CLICKS_SCHEMA,
            64 << 10,
            20_000,
            org.apache.parquet.hadoop.metadata.CompressionCodecName.UNCOMPRESSED,
            clicks(20_000, i -> 5));
    // Garbage inside the third row group's first data page: the footer still reads; the page's
    // checksum tells it is not what was written (without it, other customer ids would be read).
    long third = rowGroups(file).get(2).getStartingPos();
    byte[] bytes = Files.readAllBytes(Path.of(file));
    java.util.Arrays.fill(bytes, (int) third + 1000, (int) third + 1256, (byte) 0x7f);
    Files.write(Path.of(file), bytes);
    Parsed.of(p, "Read", ReadInputs.of(List.of(file), ActionParser.CLICKS, notes()));
    Exception failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            Exception.class, () -> p.run().waitUntilFinish());
    Throwable cause = failure;
    while (!(cause instanceof UnreadableFileException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    assertThat(
        cause.getMessage(),
        org.hamcrest.Matchers.equalTo(
            "clicks file "
                + file
                + " cannot be read after row 3742: ParquetDecodingException: could not verify"
                + " page integrity, CRC checksum verification failed"));
  }

  @Test
  void task_sharedBySmallFilesOwnForTheRest() {
    long split = 64L << 20;
    java.util.Set<String> tasks = new java.util.HashSet<>();
    for (int i = 0; i < 1000; i++) {
      FileRange small = FileRange.whole("/lake/clicks/dt=" + i + "/part-0.csv", "dt=" + i);
      tasks.add(ReadInputs.task(small, 1_000, split, 63));
    }
    assertThat("a thousand small files in at most 63 tasks", tasks.size(), lessThanOrEqualTo(63));
    assertThat(tasks.size(), greaterThan(50));
    FileRange first = new FileRange("/big.csv", null, 0, split, 1);
    FileRange second = new FileRange("/big.csv", null, split, Long.MAX_VALUE, 900);
    assertThat(ReadInputs.task(first, 3 * split, split, 63), equalTo("/big.csv@0"));
    assertThat(ReadInputs.task(second, 3 * split, split, 63), equalTo("/big.csv@" + split));
    assertThat(
        "a file of a sixteenth of the split or more is a task of its own",
        ReadInputs.task(FileRange.whole("/mid.csv", null), split / 16, split, 63),
        equalTo("/mid.csv@0"));
  }

  @Test
  void manySmallFiles_readTogetherGiveEveryRowAndCountOnce(TestPipeline p) throws IOException {
    List<String> files = new java.util.ArrayList<>();
    List<Action> expected = new java.util.ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      files.add(
          write(
              "clicks-" + i + ".csv",
              "dt,customer_id,item_id,click_time\n2025-03-09," + i + ",5,2025-03-09 10:00:00\n"));
      expected.add(action(i, ActionType.CLICK, 5, "2025-03-09", "2025-03-09T10:00:00"));
    }
    Parsed<Action> result =
        Parsed.of(p, "Read", ReadInputs.of(files, ActionParser.CLICKS, notes()));
    PAssert.that(result.records()).containsInAnyOrder(expected);
    // One count per file, each file read once.
    PAssert.thatSingleton(result.counts().apply(Count.globally())).isEqualTo(40L);
    PAssert.that(
            PCollectionList.of(result.counts())
                .apply("MergeAll", MergeFigures.analysing(0))
                .apply(
                    "AsText",
                    MapElements.into(TypeDescriptors.strings())
                        .via(figure -> figure.sources().toString())))
        .containsInAnyOrder(
            "{clicks=SourceCounts[read=40, accepted=40, rejected=0, dayMismatch=0]}");
    p.run().waitUntilFinish();
  }

  @Test
  void impressions_fromSeveralFilesWithOwnHeaders(TestPipeline p) throws IOException {
    String a =
        write(
            "part-0.csv",
            "dt,ranking_id,customer_id,impressions\n"
                + "2025-03-10,r1,7,\"[{\"\"item_id\"\": 5, \"\"is_order\"\": false}]\"\n"
                + "2025-03-10,r2,7,[]\n");
    String b =
        write(
            "part-1.csv",
            "impressions,customer_id,ranking_id,dt\n"
                + "\"[{\"\"item_id\"\": 6, \"\"is_order\"\": false}, {\"\"item_id\"\": 8, \"\"is_order\"\": true}]\",9,\"r,3\",2025-03-11\n"
                + "\"[{\"\"item_id\"\": 6, \"\"is_order\"\": false}\",9,r4,2025-03-11\n");
    Parsed<Impression> result =
        Parsed.of(p, "Read", ReadInputs.of(List.of(a, b), new ImpressionParser(), notes()));

    PAssert.that(result.records())
        .containsInAnyOrder(
            impression(7, "2025-03-10", "r1", 5),
            impression(7, "2025-03-10", "r2"),
            impression(9, "2025-03-11", "r,3", 6, 8));
    PAssert.that(result.rejected())
        .containsInAnyOrder(
            new RejectedRecord(
                "impressions",
                b,
                3,
                UNCLOSED_ARRAY,
                "\"[{\"\"item_id\"\": 6, \"\"is_order\"\": false}\",9,r4,2025-03-11"));
    PAssert.that(counts(result.counts()))
        .containsInAnyOrder(
            "{impressions=SourceCounts[read=2, accepted=2, rejected=0, dayMismatch=0]}",
            "{impressions=SourceCounts[read=2, accepted=1, rejected=1, dayMismatch=0]}");
    p.run().waitUntilFinish();
  }

  @Test
  void gzippedFilesAreReadByExtension(TestPipeline p) throws IOException {
    Path file = dir.resolve("orders.csv.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(
          "order_date,customer_id,config_id\n2025-03-05,7,18\n".getBytes(StandardCharsets.UTF_8));
    }
    Parsed<Action> result =
        Parsed.of(
            p,
            "Read",
            ReadInputs.of(List.of(file.toString()), ActionParser.PREVIOUS_ORDERS, notes()));
    PAssert.that(result.records())
        .containsInAnyOrder(action(7, ActionType.ORDER, 18, "2025-03-05", "2025-03-05T00:00:00"));
    PAssert.that(result.rejected()).empty();
    PAssert.that(counts(result.counts()))
        .containsInAnyOrder(
            "{previous_orders=SourceCounts[read=1, accepted=1, rejected=0, dayMismatch=0]}");
    p.run().waitUntilFinish();
  }
}
