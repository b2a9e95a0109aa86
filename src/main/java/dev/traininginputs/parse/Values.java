package dev.traininginputs.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Parsers for the value types of SPEC §1. Each takes the column name (for the message) and the
 * text, and returns the value or throws {@link InvalidValueException} saying why not.
 */
public final class Values {
  private static final int MAX_QUOTED = 60;
  private static final String HIVE_PREFIX = "dt=";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT);

  /**
   * {@code YYYY-MM-DD} then {@code T} (a space is normalised to it), fraction and offset optional.
   */
  private static final DateTimeFormatter DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .toFormatter()
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  private Values() {}

  /** The text itself, which must not be empty. */
  public static String required(String column, String text) throws InvalidValueException {
    if (text == null || text.isEmpty()) {
      throw new InvalidValueException(column, "is empty");
    }
    return text;
  }

  /** A calendar day, {@code YYYY-MM-DD} or {@code dt=YYYY-MM-DD}, as an epoch day. */
  public static int day(String column, String text) throws InvalidValueException {
    String date = required(column, text);
    if (date.startsWith(HIVE_PREFIX)) {
      date = date.substring(HIVE_PREFIX.length());
    }
    long fast = date.length() == 10 ? IsoFastPath.epochDay(date, 0) : IsoFastPath.NO_DAY;
    return fast != IsoFastPath.NO_DAY ? Math.toIntExact(fast) : dayByFormatter(column, text, date);
  }

  /** {@link #day} through the formatter: the definition, and the path of unusual shapes. */
  static int dayByFormatter(String column, String text, String date) throws InvalidValueException {
    try {
      return Math.toIntExact(LocalDate.parse(date, DATE).toEpochDay());
    } catch (DateTimeException e) {
      throw new InvalidValueException(column, quote(text) + " is not a date (YYYY-MM-DD)");
    }
  }

  /** An ISO-8601 date-time; without an offset it is UTC. */
  public static Instant dateTime(String column, String text) throws InvalidValueException {
    String value = required(column, text);
    Instant fast = IsoFastPath.dateTime(value);
    return fast != null ? fast : dateTimeByFormatter(column, value);
  }

  /** {@link #dateTime} through the formatter: the definition, and the path of unusual shapes. */
  static Instant dateTimeByFormatter(String column, String text) throws InvalidValueException {
    String value = text;
    if (value.length() > 10 && value.charAt(10) == ' ') {
      value = value.substring(0, 10) + 'T' + value.substring(11);
    }
    try {
      TemporalAccessor parsed = DATE_TIME.parse(value);
      long localSecond =
          parsed.getLong(ChronoField.EPOCH_DAY) * 86_400L
              + parsed.getLong(ChronoField.SECOND_OF_DAY);
      long offsetSeconds =
          parsed.isSupported(ChronoField.OFFSET_SECONDS)
              ? parsed.getLong(ChronoField.OFFSET_SECONDS)
              : 0;
      return Instant.ofEpochSecond(
          localSecond - offsetSeconds, parsed.getLong(ChronoField.NANO_OF_SECOND));
    } catch (DateTimeException e) {
      throw new InvalidValueException(column, quote(text) + " is not a date-time");
    }
  }

  /** A signed 64-bit integer. */
  public static long int64(String column, String text) throws InvalidValueException {
    String value = required(column, text);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidValueException(column, quote(text) + notAnInteger(value, "64-bit"));
    }
  }

  /** An item id: a 32-bit integer of at least 1 (0 is the padding value). */
  public static int itemId(String column, String text) throws InvalidValueException {
    String value = required(column, text);
    int id;
    try {
      id = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidValueException(column, quote(text) + notAnInteger(value, "32-bit"));
    }
    return checkItemId(column, id);
  }

  static int checkItemId(String column, int id) throws InvalidValueException {
    if (id < 1) {
      throw new InvalidValueException(column, id + " is not a valid item id (must be at least 1)");
    }
    return id;
  }

  /** Quotes a value for a message, shortened when long. */
  static String quote(String text) {
    String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
    return "\"" + shown + "\"";
  }

  private static String notAnInteger(String value, String width) {
    return value.matches("[+-]?\\d+")
        ? " is out of range for a " + width + " integer"
        : " is not an integer";
  }
}
