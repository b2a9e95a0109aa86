package dev.traininginputs.parse;

import dev.traininginputs.model.Impression;
import java.time.Instant;
import java.util.List;

/**
 * One input record, whatever its format: its values by column name, handed over typed and checked
 * by the rules of {@link Values} — parsed only when the format holds text (CSV, JSON Lines),
 * range-checked always — and the partition folder of its file, if the path has one, for the
 * record's day (SPEC §1). The parsers see only this, so that each value rule holds the same way for
 * every format.
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
   * The value of a column as the format holds it: text (a JSON number or boolean as written, a JSON
   * array or object as its JSON text; may be empty), or a typed value of the kinds {@link Values}
   * lists. Never {@code null}: a column the record lacks, or a null, is rejected.
   */
  protected abstract Object value(String column) throws InvalidValueException;

  /** A non-empty text value, such as the ranking id. */
  public String text(String column) throws InvalidValueException {
    return Values.text(column, value(column));
  }

  /** A 64-bit id, such as the customer id. */
  public long int64(String column) throws InvalidValueException {
    return Values.int64(column, value(column));
  }

  /** An item id: a 32-bit integer of at least 1. */
  public int itemId(String column) throws InvalidValueException {
    return Values.itemId(column, value(column));
  }

  /** A date-time. */
  public Instant dateTime(String column) throws InvalidValueException {
    return Values.dateTime(column, value(column));
  }

  /** The impressed items. */
  public List<Impression.Item> items(String column) throws InvalidValueException {
    return Values.items(column, value(column));
  }

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
      return Values.day(column, value(column));
    }
    int day = partitionDay(column, partition);
    if (has(column)) {
      try {
        dayMismatch = Values.day(column, value(column)) != day;
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
