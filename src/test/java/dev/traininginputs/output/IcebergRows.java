package dev.traininginputs.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/**
 * An Iceberg table's rows as Iceberg's own reader sees them (Spark's: {@link SparkIcebergReader}),
 * each described as {@code ParquetRows.described} describes a folder's: {@code dt=2025-03-10
 * ranking_id=r1 ... history_length=3}, sorted.
 */
public final class IcebergRows {
  private IcebergRows() {}

  /** Through Iceberg's own generic reader, at {@code snapshotId} or, if null, the current one. */
  public static List<String> generic(Table table, Long snapshotId) {
    IcebergGenerics.ScanBuilder scan = IcebergGenerics.read(table);
    if (snapshotId != null) {
      scan = scan.useSnapshot(snapshotId);
    }
    List<String> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = scan.build()) {
      for (Record record : records) {
        List<String> fields = new ArrayList<>();
        for (Types.NestedField field : table.schema().columns()) {
          fields.add(field.name() + "=" + record.getField(field.name()));
        }
        rows.add(String.join(" ", fields));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rows.sort(null);
    return rows;
  }
}
