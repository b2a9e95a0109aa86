package dev.traininginputs.output;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;

/**
 * Reads an Iceberg table with Spark 3.5 and Iceberg's Spark runtime, in a JVM of its own: the
 * runtime bundles Iceberg's classes against a relocated Parquet, which must not meet the plain
 * {@code iceberg-parquet} of the product on one classpath. Prints each row described as {@code
 * ParquetRows.described} does, one per line.
 *
 * <pre>
 * SparkIcebergReader LOCATION [SNAPSHOT_ID]
 * SparkIcebergReader NAMESPACE.NAME [SNAPSHOT_ID] -Dreader.catalog=type=rest,uri=...
 *     -Dreader.storage=--endpoint=...,--awsRegion=...
 * </pre>
 *
 * A catalog's table is read through the catalog {@code reader}, its files through {@link
 * dev.traininginputs.storage.BeamFileIO} with Beam's storage options {@code reader.storage}.
 */
public final class SparkIcebergReader {
  private SparkIcebergReader() {}

  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("iceberg-reader")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            // Path-based reads go through Spark's default Iceberg catalog, by default a Hive one.
            .config("spark.sql.catalog.default_iceberg", "org.apache.iceberg.spark.SparkCatalog")
            .config("spark.sql.catalog.default_iceberg.type", "hadoop")
            .config(
                "spark.sql.catalog.default_iceberg.warehouse",
                Path.of(System.getProperty("java.io.tmpdir"), "iceberg-reader").toUri().toString())
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    String catalog = System.getProperty("reader.catalog", "");
    String storage = System.getProperty("reader.storage", "");
    if (!storage.isEmpty()) {
      org.apache.beam.sdk.io.FileSystems.setDefaultPipelineOptions(
          org.apache.beam.sdk.options.PipelineOptionsFactory.fromArgs(storage.split(",")).create());
    }
    String name = args[0];
    if (!catalog.isEmpty()) {
      spark.conf().set("spark.sql.catalog.reader", "org.apache.iceberg.spark.SparkCatalog");
      spark.conf().set("spark.sql.catalog.reader.io-impl", "dev.traininginputs.storage.BeamFileIO");
      for (String pair : catalog.split(",")) {
        String[] kv = pair.split("=", 2);
        spark.conf().set("spark.sql.catalog.reader." + kv[0], kv[1]);
      }
      name = "reader." + name;
    }
    DataFrameReader reader = spark.read().format("iceberg");
    if (args.length > 1) {
      reader = reader.option("snapshot-id", Long.parseLong(args[1]));
    }
    Dataset<Row> table = catalog.isEmpty() ? reader.load(name) : reader.table(name);
    StructField[] fields = table.schema().fields();
    for (Row row : table.collectAsList()) {
      List<String> described = new ArrayList<>();
      for (int i = 0; i < fields.length; i++) {
        Object value = fields[i].dataType() instanceof ArrayType ? row.getList(i) : row.get(i);
        described.add(fields[i].name() + "=" + value);
      }
      System.out.println("ROW " + String.join(" ", described));
    }
    spark.stop();
  }

  /** The rows Spark reads from the table at {@code location} (at {@code snapshotId}), sorted. */
  public static List<String> read(String location, Long snapshotId)
      throws IOException, InterruptedException {
    return read(location, snapshotId, List.of());
  }

  /**
   * The rows Spark reads from the table {@code NAMESPACE.NAME} of {@code catalog} (Iceberg's
   * catalog properties, KEY=VALUE,...), its files on the storage Beam's {@code storageArgs}
   * describe.
   */
  public static List<String> readFromCatalog(
      String table, Long snapshotId, String catalog, List<String> storageArgs)
      throws IOException, InterruptedException {
    return read(
        table,
        snapshotId,
        List.of(
            "-Dreader.catalog=" + catalog, "-Dreader.storage=" + String.join(",", storageArgs)));
  }

  private static List<String> read(String location, Long snapshotId, List<String> properties)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect"))
        .forEach(command::add);
    command.add("-Xmx1g");
    command.addAll(properties);
    command.add("-cp");
    command.add(
        Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(
                entry ->
                    !Path.of(entry)
                        .getFileName()
                        .toString()
                        .matches("iceberg-(api|common|core|data|parquet|bundled-guava)-.*"))
            .collect(Collectors.joining(java.io.File.pathSeparator)));
    command.add(SparkIcebergReader.class.getName());
    command.add(location);
    if (snapshotId != null) {
      command.add(Long.toString(snapshotId));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new AssertionError("Spark could not read " + location + ":\n" + output);
    }
    List<String> rows = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("ROW ")) {
        rows.add(line.substring(4));
      }
    }
    rows.sort(null);
    return rows;
  }
}
