package dev.traininginputs.parse;

import java.util.List;
import java.util.Map;

/** One data line split into fields, with its file's header to find them by column name. */
public final class CsvRow {
  private final Map<String, Integer> columnIndex;
  private final List<String> fields;

  public CsvRow(Map<String, Integer> columnIndex, List<String> fields) {
    this.columnIndex = columnIndex;
    this.fields = fields;
  }

  /** The text of a column the header has; may be empty. */
  public String get(String column) {
    Integer index = columnIndex.get(column);
    if (index == null) {
      throw new IllegalArgumentException("no column " + column + " in " + columnIndex.keySet());
    }
    return fields.get(index);
  }
}
