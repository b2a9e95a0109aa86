package dev.traininginputs.parse;

/**
 * One input record, whatever its format: its values by column name as text, and the partition
 * folder of its file, if the path has one, for the record's day (SPEC §1). The parsers see only
 * this, so that each value rule ({@link Values}) holds the same way for CSV and JSON Lines.
 */
public abstract class RecordView {
  private static final String HIVE_DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private final String partition;
  private boolean dayMismatch;

  /**
   * @param partition the file's partition folder as {@code key=value} ({@code dt=2025-03-10}), or
   *     {@code null} when its path has none
   */
  protected RecordView(String partition) {
    this.partition = partition;
  }

  /**
   * The value of a column as text (a JSON number or boolean as written, a JSON array or object as
   * its JSON text); may be empty. A column the record lacks, or a null, is rejected.
   */
  public abstract String get(String column) throws InvalidValueException;

  /** Whether the record has the column at all (a day column may be left to the folder). */
  protected abstract boolean has(String column);

  /**
   * The record's day (SPEC §1): its file's partition folder when the path has one, else the {@code
   * column}. When both are there the folder wins, and a column that says otherwise, or nothing
   * readable, is noted ({@link #dayMismatch}). A folder without a day ({@code
   * __HIVE_DEFAULT_PARTITION__}, or not a date) rejects the record.
   */
  public int day(String column) throws InvalidValueException {
    if (partition == null) {
      return Values.day(column, get(column));
    }
    int day = partitionDay(column, partition);
    if (has(column)) {
      try {
        dayMismatch = Values.day(column, get(column)) != day;
      } catch (InvalidValueException e) {
        dayMismatch = true;
      }
    }
    return day;
  }

  /**
   * The day a partition folder ({@code dt=2025-03-10}) names for the {@code column}; a folder
   * without a day ({@code __HIVE_DEFAULT_PARTITION__}, or not a date) is refused with the reason.
   */
  public static int partitionDay(String column, String partition) throws InvalidValueException {
    String value = partition.substring(partition.indexOf('=') + 1);
    if (value.equals(HIVE_DEFAULT_PARTITION)) {
      throw new InvalidValueException(
          column, "the partition folder " + partition + " has no day (a null " + column + ")");
    }
    try {
      return Values.day(column, value);
    } catch (InvalidValueException e) {
      throw new InvalidValueException(
          column, "the partition folder " + partition + " is not a date (YYYY-MM-DD)");
    }
  }

  /** Whether {@link #day} found a day column that disagreed with the partition folder. */
  public boolean dayMismatch() {
    return dayMismatch;
  }
}
