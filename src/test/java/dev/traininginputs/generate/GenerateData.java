package dev.traininginputs.generate;

import dev.traininginputs.options.RunRefusedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** {@code scripts/generate-data [--option=value ...]}: writes a generated dataset. */
public final class GenerateData {
  private GenerateData() {}

  public static void main(String[] args) throws Exception {
    PipelineOptionsFactory.register(GeneratorOptions.class);
    try {
      if (Arrays.asList(args).contains("--help")) {
        PipelineOptionsFactory.printHelp(System.out, GeneratorOptions.class);
        return;
      }
      GeneratorOptions options =
          PipelineOptionsFactory.fromArgs(args).withValidation().as(GeneratorOptions.class);
      DataGenerator.Settings settings = settings(options);
      long start = System.nanoTime();
      DataGenerator.Written written =
          write(
              settings, Path.of(options.getOutputDir()), options.getSuffix(), options.getTables());
      System.out.printf(
          "wrote %s: impressions %,d, clicks %,d, add_to_carts %,d, previous_orders %,d lines (%.1f s)%n",
          options.getOutputDir(),
          written.impressions(),
          written.clicks(),
          written.addToCarts(),
          written.previousOrders(),
          (System.nanoTime() - start) / 1e9);
    } catch (RuntimeException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Writes a generated dataset into {@code folder}: four flat CSV files ({@code tables} = {@code
   * none}, names with {@code suffix}), or four Hive-partitioned tables in {@code csv}, {@code
   * jsonl} or {@code parquet}.
   */
  public static DataGenerator.Written write(
      DataGenerator.Settings settings, Path folder, String suffix, String tables)
      throws IOException {
    if (!List.of("none", "csv", "jsonl", "parquet").contains(tables)) {
      throw new RunRefusedException(
          "--tables=" + tables + " is not one of none, csv, jsonl, parquet");
    }
    if (tables.equals("none")) {
      return new DataGenerator(settings).writeTo(folder, suffix);
    }
    // The flat files first, in a hidden folder (readers skip it), then split by day.
    Path flat = folder.resolve(".flat");
    DataGenerator generator = new DataGenerator(settings);
    DataGenerator.Written written = generator.writeTo(flat, "");
    LakeTables.write(
        flat, folder, LakeTables.Format.valueOf(tables.toUpperCase(Locale.ROOT)), generator::days);
    LakeTables.deleteRecursively(flat);
    return written;
  }

  static DataGenerator.Settings settings(GeneratorOptions o) {
    int rows = atLeast("impressionRows", o.getImpressionRows(), 0);
    int customers =
        o.getCustomers() == 0 ? Math.max(1, rows / 2) : atLeast("customers", o.getCustomers(), 1);
    LocalDate lastDay;
    try {
      lastDay = LocalDate.parse(o.getLastDay());
    } catch (DateTimeException e) {
      throw new RunRefusedException("--lastDay=" + o.getLastDay() + " is not a date (YYYY-MM-DD)");
    }
    if (o.getMalformedShare() < 0 || o.getMalformedShare() > 1) {
      throw new RunRefusedException(
          "--malformedShare=" + o.getMalformedShare() + " is not between 0 and 1");
    }
    return new DataGenerator.Settings(
        o.getSeed(),
        rows,
        customers,
        atLeast("impressionDays", o.getImpressionDays(), 1),
        lastDay,
        atLeast("historyDays", o.getHistoryDays(), 0),
        o.getClicks() < 0 ? 20 * rows : o.getClicks(),
        o.getAddToCarts() < 0 ? 4 * rows : o.getAddToCarts(),
        o.getPreviousOrders() < 0 ? rows : o.getPreviousOrders(),
        atLeast("items", o.getItems(), 1),
        atLeast("hotCustomers", o.getHotCustomers(), 0),
        atLeast("hotActions", o.getHotActions(), 0),
        o.getMalformedShare());
  }

  private static int atLeast(String option, int value, int min) {
    if (value < min) {
      throw new RunRefusedException("--" + option + "=" + value + " must be at least " + min);
    }
    return value;
  }
}
