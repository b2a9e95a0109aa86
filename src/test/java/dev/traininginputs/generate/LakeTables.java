package dev.traininginputs.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.traininginputs.model.DayRange;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.Source;
import dev.traininginputs.parse.CsvReader;
import dev.traininginputs.parse.InvalidValueException;
import dev.traininginputs.parse.Values;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Rewrites a generated dataset's flat CSV files as the tables a lake holds (SPEC §1): each source a
 * Hive-partitioned table, {@code SOURCE/dt=YYYY-MM-DD/part-00000.EXT} ({@code order_date=} for
 * previous orders), without the day column (as Spark writes partitioned tables), in CSV or JSON
 * Lines or Parquet, with a {@code _SUCCESS} marker at the root. A row whose day cannot be read goes
 * to {@code dt=__HIVE_DEFAULT_PARTITION__}, as Spark puts a null partition value; a JSON line gets
 * typed ids (numbers) and the impressions as a JSON array where they parse, and a CSV line that
 * cannot be split becomes a line of broken JSON, so that every malformed row stays malformed.
 * Parquet files are typed as Spark writes them ({@link ParquetParts}).
 */
final class LakeTables {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> IDS = Set.of("customer_id", "item_id", "config_id");
  private static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private LakeTables() {}

  /** The formats a table can be written in. */
  enum Format {
    CSV,
    JSONL,
    PARQUET
  }

  /** One partition's data file, written row by row. */
  interface Part extends AutoCloseable {
    /**
     * A row without its day column; {@code fields} is {@code null} for a line that cannot split.
     */
    void write(List<String> fields, String line) throws IOException;

    @Override
    void close() throws IOException;
  }

  /**
   * Rewrites {@code flat/SOURCE.csv} into {@code folder/SOURCE/...} in {@code format}, with a
   * partition for every day of {@code days}: a day without rows gets a data file without rows (a
   * header only, an empty JSON Lines file, a Parquet file of no rows), as a daily job that found
   * nothing writes it, so that a missing partition means a missing day.
   */
  static void write(Path flat, Path folder, Format format, Function<Source, DayRange> days)
      throws IOException {
    for (Source source : Source.values()) {
      Path table = folder.resolve(source.id());
      Files.createDirectories(table);
      split(
          flat.resolve(source.id() + ".csv"),
          table,
          source.dayColumn(),
          format,
          days.apply(source));
      Files.writeString(table.resolve("_SUCCESS"), "");
    }
  }

  private static void split(Path csv, Path table, String dayColumn, Format format, DayRange days)
      throws IOException {
    Map<String, Part> parts = new TreeMap<>();
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      List<String> header;
      try {
        header = CsvReader.split(in.readLine());
      } catch (InvalidValueException e) {
        throw new IOException(csv + ": the header cannot be split: " + e.getMessage(), e);
      }
      int dayIndex = header.indexOf(dayColumn);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        List<String> fields;
        try {
          fields = CsvReader.split(line);
        } catch (InvalidValueException e) {
          fields = null;
        }
        String day = DEFAULT_PARTITION;
        if (fields != null && fields.size() == header.size()) {
          try {
            day = Days.format(Values.day(dayColumn, fields.get(dayIndex)));
          } catch (InvalidValueException e) {
            // No day: Spark's null partition.
          }
        }
        Part out = parts.get(day);
        if (out == null) {
          Path folder = Files.createDirectories(table.resolve(dayColumn + "=" + day));
          out = part(folder, format, header, dayIndex);
          parts.put(day, out);
        }
        boolean whole = fields != null && fields.size() == header.size();
        out.write(whole ? withoutDay(fields, dayIndex) : null, line);
      }
      for (String day : days.days()) {
        if (!parts.containsKey(day)) {
          Path folder = Files.createDirectories(table.resolve(dayColumn + "=" + day));
          parts.put(day, part(folder, format, header, dayIndex));
        }
      }
    } finally {
      for (Part out : parts.values()) {
        out.close();
      }
    }
  }

  private static Part part(Path folder, Format format, List<String> header, int dayIndex)
      throws IOException {
    List<String> columns = withoutDay(header, dayIndex);
    if (format == Format.PARQUET) {
      return ParquetParts.open(folder.resolve("part-00000.snappy.parquet"), columns);
    }
    boolean json = format == Format.JSONL;
    Writer out =
        Files.newBufferedWriter(
            folder.resolve("part-00000" + (json ? ".jsonl" : ".csv")), StandardCharsets.UTF_8);
    if (!json) {
      out.write(String.join(",", columns) + "\n");
    }
    return new Part() {
      @Override
      public void write(List<String> fields, String line) throws IOException {
        out.write(row(columns, fields, line, json) + "\n");
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  private static List<String> withoutDay(List<String> fields, int dayIndex) {
    List<String> kept = new ArrayList<>(fields);
    kept.remove(dayIndex);
    return kept;
  }

  /**
   * One row (without its day column) as CSV or as a JSON object; {@code null} fields: malformed.
   */
  private static String row(List<String> columns, List<String> fields, String line, boolean json) {
    if (fields == null) {
      // Malformed; it stays so. In JSON an unterminated object.
      return json ? "{\"row\": " + JSON.valueToTree(line) : line;
    }
    if (!json) {
      List<String> cells = new ArrayList<>();
      for (String field : fields) {
        cells.add(csvCell(field));
      }
      return String.join(",", cells);
    }
    ObjectNode object = JSON.createObjectNode();
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      String value = fields.get(i);
      if (IDS.contains(column) && value.matches("-?[0-9]{1,18}")) {
        object.put(column, Long.parseLong(value));
      } else if (column.equals("impressions") && isArray(value)) {
        object.set(column, parse(value));
      } else {
        object.put(column, value);
      }
    }
    return object.toString();
  }

  private static boolean isArray(String value) {
    JsonNode node = parse(value);
    return node != null && node.isArray();
  }

  private static JsonNode parse(String value) {
    try {
      return JSON.readTree(value);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String csvCell(String value) {
    return value.contains(",") || value.contains("\"")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }

  static void deleteRecursively(Path folder) {
    try (var walk = Files.walk(folder)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
