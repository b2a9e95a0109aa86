package dev.traininginputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.traininginputs.generate.DataGenerator;
import dev.traininginputs.generate.GenerateData;
import dev.traininginputs.model.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables written by Spark 3.5 itself, as a lake holds them (SPEC §1): partitioned by {@code dt}
 * with the day only in the folder names, timestamps as {@code INT96} (Spark's default), {@code
 * TIMESTAMP(MICROS)} and {@code TIMESTAMP_NTZ}, the impressions as a 3-level list (default) and in
 * the legacy format ({@code bag}/{@code array}), an unpartitioned orders export with a {@code DATE}
 * column, and Spark's {@code _SUCCESS} and {@code .crc} files beside the data. Each gives the rows
 * and counts of the flat CSV files Spark read them from. N = 20, L = 30.
 */
class SparkTablesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;

  @TempDir static Path flat;
  @TempDir static Path lake;
  @TempDir static Path flatOutput;

  /** The day, which the generated files write plain or in the Hive form ({@code dt=...}). */
  private static final String DAY = "regexp_replace(dt, '^dt=', '') AS dt";

  @BeforeAll
  static void writeTablesWithSpark() throws Exception {
    GenerateData.write(
        new DataGenerator.Settings(
            7, 120, 60, 4, LocalDate.parse("2025-03-14"), 40, 2400, 480, 120, 500, 0, 0, 0),
        flat,
        "",
        "none");
    spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("lake-writer")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");

    Dataset<Row> impressions =
        csv("impressions")
            .selectExpr(
                DAY,
                "ranking_id",
                "cast(customer_id AS bigint) AS customer_id",
                "from_json(impressions, 'array<struct<item_id:int,is_order:boolean>>')"
                    + " AS impressions");
    impressions.write().partitionBy("dt").parquet(lake.resolve("impressions").toString());
    spark.conf().set("spark.sql.parquet.writeLegacyFormat", "true");
    impressions.write().partitionBy("dt").parquet(lake.resolve("impressions_legacy").toString());
    spark.conf().unset("spark.sql.parquet.writeLegacyFormat");

    csv("clicks")
        .selectExpr(
            DAY,
            "cast(customer_id AS bigint) AS customer_id",
            "cast(item_id AS int) AS item_id",
            "cast(click_time AS timestamp) AS click_time")
        .write()
        .partitionBy("dt")
        .parquet(lake.resolve("clicks").toString());

    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    csv("add_to_carts")
        .selectExpr(
            DAY,
            "cast(customer_id AS bigint) AS customer_id",
            "simple_id",
            "cast(config_id AS int) AS config_id",
            "cast(cast(occurred_at AS timestamp) AS timestamp_ntz) AS occurred_at")
        .write()
        .partitionBy("dt")
        .parquet(lake.resolve("add_to_carts").toString());
    spark.conf().unset("spark.sql.parquet.outputTimestampType");

    csv("previous_orders")
        .selectExpr(
            "to_date(regexp_replace(order_date, '^dt=', '')) AS order_date",
            "cast(customer_id AS bigint) AS customer_id",
            "cast(config_id AS int) AS config_id")
        .repartition(3)
        .write()
        .parquet(lake.resolve("previous_orders").toString());

    PipelineRun fromCsv = run(flat, flatOutput);
    fromCsv.run();
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static Dataset<Row> csv(String source) {
    // CSV quotes are doubled ("" inside "..."), as RFC 4180 writes them; Spark's default is \".
    return spark
        .read()
        .option("header", "true")
        .option("escape", "\"")
        .csv(flat.resolve(source + ".csv").toString());
  }

  private static PipelineRun run(Path inputs, Path output) {
    PipelineRun run = new PipelineRun(inputs, output);
    run.options().setSequenceLength(20);
    run.options().setLookbackDays(30);
    return run;
  }

  private static PipelineRun lakeRun(Path output, String impressions) {
    PipelineRun run = run(lake, output);
    run.options().setImpressions(lake.resolve(impressions).toString());
    run.options().setClicks(lake.resolve("clicks").toString());
    run.options().setAddToCarts(lake.resolve("add_to_carts").toString());
    run.options().setPreviousOrders(lake.resolve("previous_orders").toString());
    return run;
  }

  @Test
  void sparkWrittenTables_giveTheRowsAndCountsOfTheFlatFiles(@TempDir Path output)
      throws Exception {
    assertThat(parquetTypes("clicks"), hasItem("optional int96 click_time"));
    assertThat(
        parquetTypes("add_to_carts"),
        hasItem("optional int64 occurred_at (TIMESTAMP(MICROS,false))"));
    assertThat(parquetTypes("previous_orders"), hasItem("optional int32 order_date (DATE)"));
    assertThat(Files.exists(lake.resolve("clicks/_SUCCESS")), equalTo(true));
    try (Stream<Path> files = Files.walk(lake.resolve("clicks"))) {
      assertThat(
          files.filter(f -> f.getFileName().toString().endsWith(".crc")).toList(),
          hasSize(greaterThan(30)));
    }

    lakeRun(output, "impressions").run();
    assertSameAsFlat(output);
  }

  @Test
  void legacyListFormat_givesTheSameRows(@TempDir Path output) throws Exception {
    assertThat(
        String.join(" ", parquetTypes("impressions_legacy")),
        org.hamcrest.Matchers.containsString("repeated group bag { optional group array {"));
    lakeRun(output, "impressions_legacy").run();
    assertSameAsFlat(output);
  }

  private static void assertSameAsFlat(Path output) throws Exception {
    JsonNode expected = JSON.readTree(flatOutput.resolve("_metrics.json").toFile());
    JsonNode got = JSON.readTree(output.resolve("_metrics.json").toFile());
    assertThat(got.get("rows"), equalTo(expected.get("rows")));
    assertThat(got.get("days"), equalTo(expected.get("days")));
    // The impressions and the unpartitioned orders are read whole, as the flat files are.
    for (Source source : List.of(Source.IMPRESSIONS, Source.PREVIOUS_ORDERS)) {
      assertThat(
          source.id(),
          got.get("sources").get(source.id()),
          equalTo(expected.get("sources").get(source.id())));
    }
    // Of the partitioned action tables only the days some built day looks back to are read:
    // [first day - L, last day - 1], with L = 30 (SPEC §1, pruning without a selection).
    List<String> builtDays = new ArrayList<>();
    got.get("days").fieldNames().forEachRemaining(builtDays::add);
    builtDays.sort(null);
    String from = LocalDate.parse(builtDays.get(0)).minusDays(30).toString();
    String to = LocalDate.parse(builtDays.get(builtDays.size() - 1)).minusDays(1).toString();
    for (String table : List.of("clicks", "add_to_carts")) {
      long inWindows =
          csv(table).selectExpr(DAY).where("dt >= '" + from + "' AND dt <= '" + to + "'").count();
      assertThat(inWindows, lessThan(csv(table).count()));
      assertThat(
          table,
          got.get("sources").get(table).toString(),
          equalTo(
              "{\"read\":"
                  + inWindows
                  + ",\"accepted\":"
                  + inWindows
                  + ",\"rejected\":0,\"day_mismatch\":0}"));
    }
    List<?> rows = ParquetRows.read(flatOutput);
    assertThat(rows, hasSize(greaterThan(100)));
    assertThat(ParquetRows.read(output), containsInAnyOrder(rows.toArray()));
  }

  /** The top-level columns of a table's first data file, as Parquet writes them. */
  private static List<String> parquetTypes(String table) throws Exception {
    Path file;
    try (Stream<Path> files = Files.walk(lake.resolve(table))) {
      file =
          files
              .filter(f -> f.getFileName().toString().endsWith(".parquet"))
              .sorted()
              .findFirst()
              .orElseThrow();
    }
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      return reader.getFileMetaData().getSchema().getFields().stream()
          .map(type -> type.toString().replaceAll("\\s+", " ").trim())
          .toList();
    }
  }
}
