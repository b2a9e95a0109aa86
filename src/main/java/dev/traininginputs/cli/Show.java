package dev.traininginputs.cli;

import dev.traininginputs.layout.RowLayout;
import dev.traininginputs.output.PublishedDays;
import dev.traininginputs.storage.BeamInputFile;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * {@code scripts/show OUTPUT [--date=YYYY-MM-DD] [--limit=K]}: what an output folder holds, read
 * back with the project's own Parquet reading (no Python or DuckDB needed): its days with their
 * files and rows (from the footers), the layout and padding the footers record, and the first K
 * rows of a day (the given one, or the first) with long lists shortened. Storage options (for
 * example {@code --awsRegion}, {@code --endpoint}, {@code --hdfsConfiguration}) work as for a run.
 */
public final class Show {
  /** How many values of a list are printed before the rest is summed up. */
  static final int SHOWN_VALUES = 8;

  private Show() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String output = null;
    String date = null;
    int limit = 5;
    List<String> storage = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println("Usage: scripts/show OUTPUT [--date=YYYY-MM-DD] [--limit=K] [storage options]");
        return 0;
      } else if (arg.startsWith("--date=")) {
        date = arg.substring("--date=".length());
      } else if (arg.startsWith("--limit=")) {
        try {
          limit = Integer.parseInt(arg.substring("--limit=".length()));
        } catch (NumberFormatException e) {
          limit = -1;
        }
        if (limit < 0) {
          err.println("error: " + arg + " is not a number of rows (0 or more)");
          return Main.REFUSED;
        }
      } else if (arg.startsWith("--")) {
        storage.add(arg);
      } else if (output == null) {
        output = arg.replaceAll("/+$", "");
      } else {
        err.println("error: one output folder at a time: " + output + " and " + arg);
        return Main.REFUSED;
      }
    }
    if (output == null) {
      err.println("error: give the output folder: scripts/show OUTPUT [--date=D] [--limit=K]");
      return Main.REFUSED;
    }
    try {
      PipelineOptions options =
          PipelineOptionsFactory.fromArgs(storage.toArray(String[]::new)).create();
      FileSystems.setDefaultPipelineOptions(options);
      SortedMap<String, List<String>> days = PublishedDays.of(output, options);
      if (days.isEmpty()) {
        err.println("error: " + output + " holds no published day (no dt=YYYY-MM-DD folder)");
        return Main.REFUSED;
      }
      String shown = date == null ? days.firstKey() : date;
      if (!days.containsKey(shown)) {
        err.println(
            "error: "
                + output
                + " has no day "
                + shown
                + " (it has "
                + String.join(", ", days.keySet())
                + ")");
        return Main.REFUSED;
      }
      show(output, days, shown, limit, out);
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("error: cannot read " + output + ": " + Main.reason(e));
      return Main.FAILED;
    }
  }

  private static void show(
      String output, SortedMap<String, List<String>> days, String shown, int limit, PrintStream out)
      throws IOException {
    out.println(output);
    out.printf(Locale.ROOT, "  %-12s %7s %14s  %s%n", "day", "files", "rows", "layout");
    long totalFiles = 0;
    long totalRows = 0;
    long shownRows = 0;
    for (Map.Entry<String, List<String>> day : days.entrySet()) {
      long rows = 0;
      String layout = "";
      for (String file : day.getValue()) {
        try (ParquetFileReader reader = ParquetFileReader.open(BeamInputFile.of(file))) {
          for (BlockMetaData group : reader.getFooter().getBlocks()) {
            rows += group.getRowCount();
          }
          layout = describe(reader.getFooter().getFileMetaData().getKeyValueMetaData());
        }
      }
      if (day.getKey().equals(shown)) {
        shownRows = rows;
      }
      totalFiles += day.getValue().size();
      totalRows += rows;
      out.printf(
          Locale.ROOT,
          "  %-12s %,7d %,14d  %s%n",
          day.getKey(),
          day.getValue().size(),
          rows,
          layout);
    }
    out.printf(Locale.ROOT, "  %-12s %,7d %,14d%n", "all days", totalFiles, totalRows);
    if (limit == 0) {
      return;
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "%s, the first %,d of its %,d rows:%n",
        shown,
        Math.min(limit, shownRows),
        shownRows);
    int printed = 0;
    for (String file : days.get(shown)) {
      try (ParquetReader<GenericRecord> reader =
          AvroParquetReader.<GenericRecord>builder(BeamInputFile.of(file)).build()) {
        for (GenericRecord row = reader.read();
            row != null && printed < limit;
            row = reader.read()) {
          out.println("  " + describe(row));
          printed++;
        }
      }
      if (printed == limit) {
        break;
      }
    }
  }

  /** The layout a file's footer records: {@code exploded, right-padded to N = 1000}. */
  static String describe(Map<String, String> footer) {
    String length = footer.get(RowLayout.SEQUENCE_LENGTH_KEY);
    return footer.getOrDefault(RowLayout.LAYOUT_KEY, "exploded")
        + ", "
        + footer.getOrDefault(RowLayout.PADDING_KEY, "right")
        + "-padded"
        + (length == null ? "" : " to N = " + length);
  }

  /** A row's fields in order, lists shortened: {@code actions=[5, 7, 0, … 997 more]}. */
  static String describe(GenericRecord row) {
    StringBuilder text = new StringBuilder();
    for (org.apache.avro.Schema.Field field : row.getSchema().getFields()) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(field.name()).append('=');
      Object value = row.get(field.pos());
      if (value instanceof List<?> list) {
        text.append('[');
        for (int i = 0; i < Math.min(SHOWN_VALUES, list.size()); i++) {
          text.append(i == 0 ? "" : ", ").append(list.get(i));
        }
        if (list.size() > SHOWN_VALUES) {
          text.append(", … ").append(list.size() - SHOWN_VALUES).append(" more");
        }
        text.append(']');
      } else {
        text.append(value);
      }
    }
    return text.toString();
  }
}
