package dev.traininginputs.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.traininginputs.model.Impression;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * The value rules of SPEC §1, one per {@link dev.traininginputs.model.Source.Kind kind} of column,
 * in one place for every format. Each takes the column name (for the message) and the value, and
 * returns it checked or throws {@link InvalidValueException} saying why not. A value is text (CSV,
 * JSON Lines), which is parsed, or, from a format that carries types (Parquet), an already typed
 * value, which is only range-checked: an {@code Integer}, {@code Long} or {@code BigInteger} id, a
 * {@code LocalDate} day, an {@code Instant} time, a list of {@link ItemStruct}s.
 */
public final class Values {
  private static final int MAX_QUOTED = 60;
  private static final String HIVE_PREFIX = "dt=";

  /**
   * How every JSON value of an input is read (lines and {@code impressions} arrays alike): a
   * duplicate key or trailing text is an error, not a choice.
   */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

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

  /** Text, or a number (a ranking id) as its decimal text; must not be empty. */
  public static String text(String column, Object value) throws InvalidValueException {
    return value instanceof String text ? required(column, text) : value.toString();
  }

  /** {@link #day(String, String)} of text; a {@code LocalDate}'s epoch day. */
  public static int day(String column, Object value) throws InvalidValueException {
    return value instanceof LocalDate date
        ? Math.toIntExact(date.toEpochDay())
        : day(column, (String) value);
  }

  /** {@link #dateTime(String, String)} of text; an {@code Instant} as it is. */
  public static Instant dateTime(String column, Object value) throws InvalidValueException {
    return value instanceof Instant time ? time : dateTime(column, (String) value);
  }

  /** {@link #int64(String, String)} of text; a number range-checked. */
  public static long int64(String column, Object value) throws InvalidValueException {
    if (value instanceof Long || value instanceof Integer) {
      return ((Number) value).longValue();
    }
    return int64(column, value.toString());
  }

  /** {@link #itemId(String, String)} of text; a number range-checked. */
  public static int itemId(String column, Object value) throws InvalidValueException {
    if (value instanceof Integer id) {
      return checkItemId(column, id);
    }
    return itemId(column, value.toString());
  }

  /**
   * One impressed item as a format with types carries it: {@code itemId} an {@code Integer}, {@code
   * Long} or {@code BigInteger}, or text that is not a number; {@code isOrder} a {@code Boolean}.
   * Either may be {@code null}.
   */
  public record ItemStruct(Object itemId, Boolean isOrder) {}

  /**
   * The impressed items (SPEC §1): the JSON text of an array of {@code {"item_id": <int>,
   * "is_order": <bool>}}, or a list of {@link ItemStruct}s (a {@code null} for a null element).
   * Types are checked strictly (a quoted number or a 0/1 flag is rejected, not coerced), duplicate
   * keys and trailing text are errors, extra keys are ignored.
   */
  public static List<Impression.Item> items(String column, Object value)
      throws InvalidValueException {
    if (value instanceof List<?> structs) {
      List<Impression.Item> items = new ArrayList<>(structs.size());
      for (int i = 0; i < structs.size(); i++) {
        String at = column + "[" + i + "]";
        if (!(structs.get(i) instanceof ItemStruct struct)) {
          throw new InvalidValueException(at, "expected an object with item_id and is_order");
        }
        items.add(new Impression.Item(listedItemId(at, struct.itemId()), isOrder(at, struct)));
      }
      return items;
    }
    return items(column, required(column, (String) value));
  }

  private static int listedItemId(String at, Object id) throws InvalidValueException {
    String column = at + ".item_id";
    if (id instanceof Integer || id instanceof Long || id instanceof BigInteger) {
      BigInteger value = new BigInteger(id.toString());
      if (value.bitLength() < Integer.SIZE) {
        return checkItemId(column, value.intValue());
      }
    }
    String shown =
        id instanceof String text
            ? JSON.getNodeFactory().textNode(text).toString()
            : String.valueOf(id);
    throw new InvalidValueException(column, shown + " is not a 32-bit integer");
  }

  private static boolean isOrder(String at, ItemStruct struct) throws InvalidValueException {
    if (struct.isOrder() == null) {
      throw new InvalidValueException(at + ".is_order", "null is not true or false");
    }
    return struct.isOrder();
  }

  private static List<Impression.Item> items(String column, String json)
      throws InvalidValueException {
    JsonNode array;
    try {
      array = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidValueException(column, "is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (!array.isArray()) {
      throw new InvalidValueException(
          column, "expected a JSON array, found " + array.getNodeType().toString().toLowerCase());
    }
    List<Impression.Item> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      String at = column + "[" + i + "]";
      if (!element.isObject()) {
        throw new InvalidValueException(at, "expected an object with item_id and is_order");
      }
      items.add(
          new Impression.Item(
              itemId(at, element.get("item_id")), isOrder(at, element.get("is_order"))));
    }
    return items;
  }

  private static int itemId(String at, JsonNode node) throws InvalidValueException {
    String column = at + ".item_id";
    if (node == null) {
      throw new InvalidValueException(column, "is missing");
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new InvalidValueException(column, node + " is not a 32-bit integer");
    }
    return checkItemId(column, node.intValue());
  }

  private static boolean isOrder(String at, JsonNode node) throws InvalidValueException {
    String column = at + ".is_order";
    if (node == null) {
      throw new InvalidValueException(column, "is missing");
    }
    if (!node.isBoolean()) {
      throw new InvalidValueException(column, node + " is not true or false");
    }
    return node.booleanValue();
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

  private static int checkItemId(String column, int id) throws InvalidValueException {
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
