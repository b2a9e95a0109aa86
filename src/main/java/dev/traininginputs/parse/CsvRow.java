package dev.traininginputs.parse;

import java.util.List;
import java.util.Map;

/**
 * One data line split into fields, with its file's header to find them by column name, and the
 * file's partition folder, if its path has one, for the row's day.
 */
public final class CsvRow {
  private static final String HIVE_DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private final Map<String, Integer> columnIndex;
  private final List<String> fields;
  private final String partition;
  private boolean dayMismatch;

  /**
   * @param partition the file's partition folder as {@code key=value} ({@code dt=2025-03-10}), or
   *     {@code null} when its path has none
   */
  public CsvRow(Map<String, Integer> columnIndex, List<String> fields, String partition) {
    this.columnIndex = columnIndex;
    this.fields = fields;
    this.partition = partition;
  }

  public CsvRow(Map<String, Integer> columnIndex, List<String> fields) {
    this(columnIndex, fields, null);
  }

  /** The text of a column the header has; may be empty. */
  public String get(String column) {
    Integer index = columnIndex.get(column);
    if (index == null) {
      throw new IllegalArgumentException("no column " + column + " in " + columnIndex.keySet());
    }
    return fields.get(index);
  }

  /**
   * The row's day (SPEC §1): its file's partition folder when the path has one, else the {@code
   * column}. When both are there the folder wins, and a column that says otherwise, or nothing
   * readable, is noted ({@link #dayMismatch}). A folder without a day ({@code
   * __HIVE_DEFAULT_PARTITION__}, or not a date) rejects the row.
   */
  public int day(String column) throws InvalidValueException {
    if (partition == null) {
      return Values.day(column, get(column));
    }
    String value = partition.substring(partition.indexOf('=') + 1);
    if (value.equals(HIVE_DEFAULT_PARTITION)) {
      throw new InvalidValueException(
          column, "the partition folder " + partition + " has no day (a null " + column + ")");
    }
    int day;
    try {
      day = Values.day(column, value);
    } catch (InvalidValueException e) {
      throw new InvalidValueException(
          column, "the partition folder " + partition + " is not a date (YYYY-MM-DD)");
    }
    Integer index = columnIndex.get(column);
    if (index != null) {
      try {
        dayMismatch = Values.day(column, fields.get(index)) != day;
      } catch (InvalidValueException e) {
        dayMismatch = true;
      }
    }
    return day;
  }

  /** Whether {@link #day} found a day column that disagreed with the partition folder. */
  public boolean dayMismatch() {
    return dayMismatch;
  }
}
