package dev.traininginputs.parse;

import java.util.List;
import java.util.Map;

/** One CSV data line split into fields, with its file's header to find them by column name. */
public final class CsvRow extends RecordView {
  private final Map<String, Integer> columnIndex;
  private final List<String> fields;

  /**
   * @param partition the file's partition folder ({@code dt=2025-03-10}), or {@code null}
   */
  public CsvRow(Map<String, Integer> columnIndex, List<String> fields, String partition) {
    super(partition);
    this.columnIndex = columnIndex;
    this.fields = fields;
  }

  public CsvRow(Map<String, Integer> columnIndex, List<String> fields) {
    this(columnIndex, fields, null);
  }

  /** The text of a column the header has; may be empty. */
  @Override
  protected String value(String column) {
    Integer index = columnIndex.get(column);
    if (index == null) {
      throw new IllegalArgumentException("no column " + column + " in " + columnIndex.keySet());
    }
    return fields.get(index);
  }

  @Override
  protected boolean has(String column) {
    return columnIndex.containsKey(column);
  }
}
