package dev.traininginputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.traininginputs.options.RunRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems found before any work: one clear line, and nothing written. */
@Tag("pipeline")
class RefusalsTest {
  @TempDir Path inputs;
  @TempDir Path root;
  private Path output;
  private PipelineRun run;

  @BeforeEach
  void validInputs() {
    output = root.resolve("out");
    run =
        new PipelineRun(inputs, output)
            .withoutActions()
            .write(
                "impressions.csv", "dt,ranking_id,customer_id,impressions", "2025-03-10,r1,1,[]");
  }

  private String refusal() {
    String message = assertThrows(RunRefusedException.class, run::run).getMessage();
    assertThat("nothing may be written before the checks pass", Files.exists(output), is(false));
    return message;
  }

  @Test
  void refuses_anUnsupportedSchemeInsteadOfMakingALocalFolder() {
    run.options().setOutput("gs://bucket/training");
    assertThat(
        assertThrows(RunRefusedException.class, run::run).getMessage(),
        equalTo(
            "--output=gs://bucket/training: gs:// is not supported (use a local path, hdfs:// or"
                + " s3://)"));
    assertThat(Files.exists(Path.of("gs:")), is(false));
  }

  @Test
  void refuses_anInputOnAnUnsupportedScheme() {
    run.options().setClicks("ftp://host/clicks.csv");
    assertThat(
        refusal(),
        equalTo(
            "--clicks=ftp://host/clicks.csv: ftp:// is not supported (use a local path, hdfs:// or"
                + " s3://)"));
  }

  @Test
  void refuses_s3WithoutARegion() {
    run.options().setOutput("s3://bucket/training");
    assertThat(
        assertThrows(RunRefusedException.class, run::run).getMessage(),
        equalTo(
            "--output=s3://bucket/training: s3:// is not configured: give --awsRegion (and"
                + " --endpoint for an S3-compatible store)"));
  }

  @Test
  void refuses_hdfsWithoutAConfiguration() {
    run.options().setOutput("hdfs://namenode:8020/training");
    assertThat(
        assertThrows(RunRefusedException.class, run::run).getMessage(),
        equalTo(
            "--output=hdfs://namenode:8020/training: hdfs:// is not configured: give"
                + " --hdfsConfiguration='[{\"fs.defaultFS\":\"hdfs://namenode:8020\"}]' or set"
                + " HADOOP_CONF_DIR"));
  }

  @Test
  void refuses_aFileWithoutARequiredColumn() {
    run.write("clicks.csv", "dt,customer_id,item,click_time", "2025-03-09,1,5,2025-03-09 10:00:00");
    assertThat(
        refusal(),
        equalTo(
            "clicks file "
                + inputs.resolve("clicks.csv")
                + " has no column item_id (header: dt,customer_id,item,click_time)"));
  }

  @Test
  void refuses_anEmptyFile() {
    run.write("previous_orders.csv", "");
    assertThat(
        refusal(),
        equalTo(
            "previous_orders file "
                + inputs.resolve("previous_orders.csv")
                + " is empty: expected a header line with order_date, customer_id, config_id"));
  }

  @Test
  void refuses_anInputThatMatchesNoFile() {
    String pattern = inputs.resolve("nowhere/*.csv").toString();
    run.options().setAddToCarts(pattern);
    assertThat(refusal(), equalTo("--addToCarts=" + pattern + " matches no file"));
  }

  @Test
  void refuses_aNonPositiveSequenceLength() {
    run.options().setSequenceLength(0);
    assertThat(refusal(), equalTo("--sequenceLength=0 is out of range (1 to 1000000)"));
  }

  @Test
  void refuses_everyBadOptionAtOnce() {
    run.options().setSequenceLength(0);
    run.options().setLookbackDays(-1);
    run.options().setWriteMode("replace");
    run.options().setDate("2025-13-01");
    assertThat(
        refusal(),
        equalTo(
            "4 options are refused: --sequenceLength=0 is out of range (1 to 1000000);"
                + " --lookbackDays=-1 is out of range (0 to 36525);"
                + " --date=2025-13-01 is not a date (YYYY-MM-DD);"
                + " --writeMode=replace is not a write mode (expected one of overwrite,"
                + " errorifexists, append)"));
  }

  @Test
  void refuses_aNegativeLookback() {
    run.options().setLookbackDays(-1);
    assertThat(refusal(), equalTo("--lookbackDays=-1 is out of range (0 to 36525)"));
  }

  @Test
  void refuses_anUnknownWriteMode() {
    run.options().setWriteMode("replace");
    assertThat(
        refusal(),
        equalTo(
            "--writeMode=replace is not a write mode (expected one of overwrite, errorifexists, append)"));
  }

  @Test
  void refuses_anUnknownLayoutOrPadding() {
    run.options().setLayout("nested");
    assertThat(
        refusal(), equalTo("--layout=nested is not a layout (expected one of exploded, grouped)"));
    run.options().setLayout("grouped");
    run.options().setPadding("both");
    assertThat(
        refusal(), equalTo("--padding=both is not a padding (expected one of right, left, none)"));
  }

  @Test
  void refuses_daysThatAreNotDatesOrNotARange() {
    run.options().setDate("2025-13-01");
    assertThat(refusal(), equalTo("--date=2025-13-01 is not a date (YYYY-MM-DD)"));
    run.options().setStartDate("2025-03-01");
    assertThat(
        refusal(),
        equalTo(
            "--date cannot be combined with --startDate or --endDate: give one day or one range"));
    run.options().setDate(null);
    assertThat(refusal(), equalTo("--startDate needs --endDate too: a range has both ends"));
    run.options().setEndDate("2025-02-28");
    assertThat(
        refusal(),
        equalTo("--startDate=2025-03-01 is after --endDate=2025-02-28: the range is empty"));
  }

  @Test
  void refuses_aDayThatNoImpressionsFolderHolds() throws IOException {
    Path table = Files.createDirectories(inputs.resolve("lake/dt=2025-03-10"));
    Files.writeString(table.resolve("part-0.csv"), "ranking_id,customer_id,impressions\nr1,1,[]\n");
    run.options().setImpressions(inputs.resolve("lake").toString());
    run.options().setDate("2025-03-11");
    assertThat(
        refusal(),
        equalTo(
            "--impressions="
                + inputs.resolve("lake")
                + " holds no impressions of 2025-03-11: no partition folder of those days"));
  }

  @Test
  void refuses_aParquetFileWithoutAValidFooter() throws IOException {
    Path parquet = inputs.resolve("clicks.parquet");
    Files.writeString(parquet, "PAR1 cut short");
    run.options().setClicks(parquet.toString());
    String refusal = refusal();
    assertThat(refusal, startsWith("clicks file " + parquet + " cannot be read as Parquet: "));
    assertThat(refusal, containsString("is not a Parquet file"));
  }

  @Test
  void refuses_aParquetColumnInATypeThatCannotCarryIt() throws IOException {
    // A time as a bare int64 (epoch millis? micros?) has no unit: guessing could shift it.
    Path parquet = inputs.resolve("clicks").resolve("dt=2025-03-09").resolve("part-0.parquet");
    Files.createDirectories(parquet.getParent());
    org.apache.avro.Schema schema =
        org.apache.avro.SchemaBuilder.record("click")
            .fields()
            .requiredLong("customer_id")
            .requiredInt("item_id")
            .requiredLong("click_time")
            .endRecord();
    try (var writer =
        org.apache.parquet.avro.AvroParquetWriter.<org.apache.avro.generic.GenericRecord>builder(
                new org.apache.parquet.io.LocalOutputFile(parquet))
            .withSchema(schema)
            .build()) {
      org.apache.avro.generic.GenericRecord click =
          new org.apache.avro.generic.GenericData.Record(schema);
      click.put("customer_id", 7L);
      click.put("item_id", 5);
      click.put("click_time", 1_741_514_400_000L);
      writer.write(click);
    }
    run.options().setClicks(inputs.resolve("clicks").toString());
    assertThat(
        refusal(),
        equalTo(
            "clicks file "
                + parquet
                + " has column click_time as required int64 click_time: it cannot carry a"
                + " date-time (use INT96, int64 TIMESTAMP(MILLIS|MICROS|NANOS) or an ISO-8601"
                + " string; an int64 without a TIMESTAMP unit has no known unit)"));
  }

  @Test
  void refuses_anOutputThatIsAFile() throws IOException {
    Files.writeString(output, "not a folder");
    run.options().setOutput(output.toString());
    String message = assertThrows(RunRefusedException.class, run::run).getMessage();
    assertThat(message, equalTo("--output=" + output + " is a file, not a directory"));
    assertThat(Files.readString(output), equalTo("not a folder"));
  }

  @Test
  void refuses_aDayThatNoImpressionsFileHolds_andKeepsTheEarlierRun() throws IOException {
    run.write(
        "impressions.csv",
        "dt,ranking_id,customer_id,impressions",
        "2025-03-10,r1,1,\"[{\"\"item_id\"\": 5, \"\"is_order\"\": true}]\"");
    run.run();
    Map<Path, byte[]> earlier = contents(output);
    assertThat(
        earlier.keySet().stream().map(Path::toString).toList(),
        hasItems("_metrics.json", "_report.html"));
    run.options().setDate("2025-03-11");
    assertThat(
        assertThrows(RunRefusedException.class, run::run).getMessage(),
        equalTo(
            "--impressions="
                + inputs.resolve("impressions.csv")
                + " holds no impressions of 2025-03-11: no impressed item of those days in its"
                + " files; nothing was published; the output at "
                + output
                + " is as it was"));
    assertSameContents(output, earlier);
  }

  @Test
  void refuses_aWholeRunThatBuildsNothing_overAnEarlierRunsFigures() throws IOException {
    run.run();
    assertThat(
        "a first run over no impressed item publishes its zero figures",
        Files.exists(output.resolve("_metrics.json")),
        is(true));
    Files.writeString(output.resolve("_metrics.json"), "{\"rows\": 7}");
    Map<Path, byte[]> earlier = contents(output);
    assertThat(
        assertThrows(RunRefusedException.class, run::run).getMessage(),
        equalTo(
            "--impressions="
                + inputs.resolve("impressions.csv")
                + " holds no impressed item: nothing was published; the output at "
                + output
                + ", with the metrics and report of its earlier run, is as it was"));
    assertSameContents(output, earlier);
  }

  /** Every file under a folder, by relative path, with its bytes. */
  private static Map<Path, byte[]> contents(Path folder) throws IOException {
    Map<Path, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static void assertSameContents(Path folder, Map<Path, byte[]> expected)
      throws IOException {
    Map<Path, byte[]> now = contents(folder);
    assertThat(now.keySet(), equalTo(expected.keySet()));
    expected.forEach((file, bytes) -> assertThat(file.toString(), now.get(file), equalTo(bytes)));
  }
}
