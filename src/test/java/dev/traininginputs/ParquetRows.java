package dev.traininginputs;

import dev.traininginputs.model.Days;
import dev.traininginputs.model.History;
import dev.traininginputs.model.ImpressedItem;
import dev.traininginputs.model.TrainingRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/** Reads the pipeline's Parquet output back into {@link TrainingRow}s, checking the folders. */
public final class ParquetRows {
  private ParquetRows() {}

  /** Every row under {@code output/dt=*\/*.parquet}; fails if a row sits in the wrong folder. */
  public static List<TrainingRow> read(Path output) {
    List<TrainingRow> rows = new ArrayList<>();
    for (Path file : files(output)) {
      String folderDay = file.getParent().getFileName().toString().substring("dt=".length());
      for (GenericRecord record : records(file)) {
        TrainingRow row = toRow(record);
        if (!row.dt().equals(folderDay)) {
          throw new AssertionError(file + " holds a row of " + row.dt());
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * Every record under {@code output/dt=*\/*.parquet} in any layout, as {@code name=value} pairs in
   * the order of its schema: {@code dt=2025-03-10 ranking_id=r1 ... history_length=3}.
   */
  public static List<String> described(Path output) {
    List<String> described = new ArrayList<>();
    for (Path file : files(output)) {
      for (GenericRecord record : records(file)) {
        List<String> fields = new ArrayList<>();
        record
            .getSchema()
            .getFields()
            .forEach(f -> fields.add(f.name() + "=" + record.get(f.pos())));
        described.add(String.join(" ", fields));
      }
    }
    return described;
  }

  public static List<Path> files(Path output) {
    try (Stream<Path> paths = Files.walk(output)) {
      return paths
          .filter(p -> p.toString().endsWith(".parquet"))
          .filter(p -> p.getParent().getFileName().toString().startsWith("dt="))
          .filter(p -> !output.relativize(p).toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<GenericRecord> records(Path file) {
    List<GenericRecord> records = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file)).build()) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        records.add(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  static TrainingRow toRow(GenericRecord r) {
    ImpressedItem item =
        new ImpressedItem(
            (Long) r.get("customer_id"),
            Days.of(r.get("dt").toString()),
            r.get("ranking_id").toString(),
            (Integer) r.get("position"),
            (Integer) r.get("item_id"),
            (Boolean) r.get("is_order"));
    return new TrainingRow(
        item,
        new History(
            ints(r.get("actions")),
            ints(r.get("action_types")),
            (Integer) r.get("history_length")));
  }

  private static int[] ints(Object list) {
    return ((List<?>) list).stream().mapToInt(o -> (Integer) o).toArray();
  }
}
