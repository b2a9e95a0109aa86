package dev.traininginputs.input;

import dev.traininginputs.model.Source;
import dev.traininginputs.model.Source.Kind;
import dev.traininginputs.parse.Values;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * How one Parquet file carries a source's columns (SPEC §1). Decided from the file's own schema, so
 * that files of one table may differ (a column {@code int64} on one day and a string on another):
 * which top-level columns to read, and how each value becomes the typed value a {@link
 * ParquetRecord} hands to the parsers, chosen by the column's kind ({@link Source#columns}) and its
 * Parquet type (never by a derived Avro type, which loses {@code TIMESTAMP(NANOS)}, {@code DECIMAL}
 * and unsigned ints).
 *
 * <ul>
 *   <li>ids: {@code int32}, {@code int64} (signed or not), {@code DECIMAL(p, 0)}, or text;
 *   <li>days: {@code DATE}, or text;
 *   <li>date-times: {@code INT96} (Spark's default), {@code TIMESTAMP} in millis, micros or nanos
 *       (UTC-adjusted or not: both read as UTC), or text;
 *   <li>{@code ranking_id}: text or an integer;
 *   <li>{@code impressions}: a list of structs with {@code item_id} and a boolean {@code is_order},
 *       in any list encoding (3-level {@code list}/{@code element}, {@code list}/{@code item},
 *       {@code bag}/{@code array}, the legacy 2-level {@code array}, a bare repeated group), or its
 *       JSON text.
 * </ul>
 *
 * Text is {@code BINARY} with a {@code STRING}, {@code ENUM} or {@code JSON} annotation, or none.
 * Any other type ({@code double} ids, an {@code int64} time without a unit) makes the file {@link
 * Unusable}; so does a required column the file lacks. Values are not judged here: a null, an
 * out-of-range id or an impossible {@code INT96} is handed on as it is, and the parsers reject its
 * row with the same reasons as for text.
 */
final class ParquetColumns {
  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
  private static final long SECONDS_PER_DAY = 86_400L;
  private static final long NANOS_PER_DAY = SECONDS_PER_DAY * 1_000_000_000L;

  /** A file that cannot carry the source: the message names the column and its type. */
  static final class Unusable extends Exception {
    Unusable(String message) {
      super(message);
    }
  }

  /** Reads one field of a group as a typed value ({@link Values}); {@code null} when it is null. */
  private interface ValueReader {
    Object read(Group group, int field);
  }

  private record Column(String name, int field, ValueReader reader) {}

  private final MessageType projection;
  private final List<Column> columns;

  private ParquetColumns(MessageType projection, List<Column> columns) {
    this.projection = projection;
    this.columns = columns;
  }

  /**
   * The columns of {@code source} in a file of schema {@code file}; {@code dayInPath}: the file's
   * path names its day, so the day column may be absent (and is read, if there, to count
   * disagreements).
   */
  static ParquetColumns of(Source source, MessageType file, boolean dayInPath) throws Unusable {
    Map<String, Kind> kinds = new HashMap<>();
    source.columns().forEach(column -> kinds.put(column.name(), column.kind()));
    Set<String> wanted = new LinkedHashSet<>(source.requiredColumns(dayInPath));
    List<String> missing = new ArrayList<>();
    for (String column : wanted) {
      if (!file.containsField(column)) {
        missing.add(column);
      }
    }
    if (!missing.isEmpty()) {
      throw new Unusable(
          "has no column "
              + String.join(", ", missing)
              + " (columns: "
              + String.join(", ", file.getFields().stream().map(Type::getName).toList())
              + ")");
    }
    if (file.containsField(source.dayColumn())) {
      wanted.add(source.dayColumn());
    }
    List<Type> fields = new ArrayList<>();
    for (String column : wanted) {
      fields.add(file.getType(column));
    }
    MessageType projection = new MessageType(file.getName(), fields);
    List<Column> columns = new ArrayList<>();
    for (Type field : fields) {
      String name = field.getName();
      columns.add(new Column(name, projection.getFieldIndex(name), reader(kinds.get(name), field)));
    }
    return new ParquetColumns(projection, List.copyOf(columns));
  }

  /** The columns to read: the source's, as the file has them. */
  MessageType projection() {
    return projection;
  }

  /** One row of the projection: its columns' typed values, nulls as {@code null}. */
  Map<String, Object> row(Group group) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (Column column : columns) {
      row.put(column.name(), column.reader().read(group, column.field()));
    }
    return row;
  }

  private static ValueReader reader(Kind kind, Type type) throws Unusable {
    String column = type.getName();
    if (kind == Kind.ITEMS) {
      return impressions(type);
    }
    if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
      throw unusable(column, type, "it is not a single value");
    }
    PrimitiveType primitive = type.asPrimitiveType();
    ValueReader reader =
        switch (kind) {
          case DAY -> first(date(primitive), text(primitive));
          case CUSTOMER_ID, ITEM_ID -> first(integer(primitive), text(primitive));
          case TIME -> first(timestamp(primitive), text(primitive));
          case RANKING_ID -> first(text(primitive), integer(primitive));
          case ITEMS -> throw new IllegalStateException("read above");
        };
    if (reader == null) {
      throw unusable(column, type, "it cannot carry " + meaning(kind));
    }
    return nullable(reader);
  }

  private static String meaning(Kind kind) {
    return switch (kind) {
      case DAY -> "a day (use DATE or a YYYY-MM-DD string)";
      case TIME ->
          "a date-time (use INT96, int64 TIMESTAMP(MILLIS|MICROS|NANOS) or an ISO-8601 string;"
              + " an int64 without a TIMESTAMP unit has no known unit)";
      case RANKING_ID -> "a ranking id (use a string or an integer)";
      case CUSTOMER_ID, ITEM_ID -> "an id (use int32, int64, DECIMAL(p, 0) or a string of digits)";
      case ITEMS -> "the impressed items";
    };
  }

  private static Unusable unusable(String column, Type type, String why) {
    return new Unusable("has column " + column + " as " + describe(type) + ": " + why);
  }

  /** A type as Parquet writes it in a schema: {@code optional double item_id}. */
  private static String describe(Type type) {
    return type.toString().replaceAll("\\s+", " ").trim();
  }

  private static ValueReader first(ValueReader a, ValueReader b) {
    return a != null ? a : b;
  }

  private static ValueReader nullable(ValueReader reader) {
    return (group, field) ->
        group.getFieldRepetitionCount(field) == 0 ? null : reader.read(group, field);
  }

  /** Text: {@code BINARY} as a string, an enum or JSON, or without annotation. */
  private static ValueReader text(PrimitiveType type) {
    LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
    if (type.getPrimitiveTypeName() != PrimitiveTypeName.BINARY
        || !(a == null
            || a instanceof StringLogicalTypeAnnotation
            || a instanceof EnumLogicalTypeAnnotation
            || a instanceof JsonLogicalTypeAnnotation)) {
      return null;
    }
    return (group, field) -> group.getBinary(field, 0).toStringUsingUTF8();
  }

  /** A whole number: {@code int32}, {@code int64}, signed or not, or {@code DECIMAL(p, 0)}. */
  private static ValueReader integer(PrimitiveType type) {
    LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
    PrimitiveTypeName physical = type.getPrimitiveTypeName();
    if (a instanceof DecimalLogicalTypeAnnotation decimal) {
      if (decimal.getScale() != 0) {
        return null;
      }
      return switch (physical) {
        case INT32 -> (group, field) -> group.getInteger(field, 0);
        case INT64 -> (group, field) -> group.getLong(field, 0);
        case BINARY, FIXED_LEN_BYTE_ARRAY ->
            (group, field) -> {
              byte[] bytes = group.getBinary(field, 0).getBytes();
              return bytes.length == 0 ? "" : new BigInteger(bytes);
            };
        default -> null;
      };
    }
    if (a != null && !(a instanceof IntLogicalTypeAnnotation)) {
      return null;
    }
    boolean unsigned = a instanceof IntLogicalTypeAnnotation i && !i.isSigned();
    return switch (physical) {
      case INT32 ->
          unsigned
              ? (group, field) -> Integer.toUnsignedLong(group.getInteger(field, 0))
              : (group, field) -> group.getInteger(field, 0);
      case INT64 ->
          unsigned
              ? (group, field) -> new BigInteger(Long.toUnsignedString(group.getLong(field, 0)))
              : (group, field) -> group.getLong(field, 0);
      default -> null;
    };
  }

  /** A day: {@code int32 DATE}, days since 1970-01-01. */
  private static ValueReader date(PrimitiveType type) {
    if (type.getPrimitiveTypeName() != PrimitiveTypeName.INT32
        || !(type.getLogicalTypeAnnotation() instanceof DateLogicalTypeAnnotation)) {
      return null;
    }
    return (group, field) -> LocalDate.ofEpochDay(group.getInteger(field, 0));
  }

  /** A date-time: {@code INT96} or {@code int64 TIMESTAMP(unit)}, as an {@code Instant}. */
  private static ValueReader timestamp(PrimitiveType type) {
    if (type.getPrimitiveTypeName() == PrimitiveTypeName.INT96) {
      return (group, field) -> int96(group.getInt96(field, 0).getBytes());
    }
    if (type.getPrimitiveTypeName() != PrimitiveTypeName.INT64
        || !(type.getLogicalTypeAnnotation() instanceof TimestampLogicalTypeAnnotation t)) {
      return null;
    }
    long perSecond =
        switch (t.getUnit()) {
          case MILLIS -> 1_000L;
          case MICROS -> 1_000_000L;
          case NANOS -> 1_000_000_000L;
        };
    long nanosPerUnit = 1_000_000_000L / perSecond;
    return (group, field) -> {
      long value = group.getLong(field, 0);
      return Instant.ofEpochSecond(
          Math.floorDiv(value, perSecond), Math.floorMod(value, perSecond) * nanosPerUnit);
    };
  }

  /**
   * Spark's and Impala's {@code INT96} time: 8 bytes of nanoseconds in the day, then 4 bytes of
   * Julian day, both little-endian. A nanosecond count outside the day is handed on as a
   * description, which the parsers reject as not a date-time.
   */
  private static Object int96(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buffer.getLong();
    long julianDay = Integer.toUnsignedLong(buffer.getInt());
    if (nanosOfDay < 0 || nanosOfDay >= NANOS_PER_DAY) {
      return "INT96(julian day " + julianDay + ", nanos " + nanosOfDay + ")";
    }
    long epochDay = julianDay - JULIAN_DAY_OF_EPOCH;
    return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY, nanosOfDay);
  }

  /**
   * {@code impressions}: JSON text, or a list of structs in any encoding, read by the rules for
   * lists of the Parquet format (LogicalTypes.md, "Lists", backward compatibility).
   */
  private static ValueReader impressions(Type type) throws Unusable {
    String column = type.getName();
    if (type.isPrimitive()) {
      ValueReader text = text(type.asPrimitiveType());
      if (text == null || type.isRepetition(Type.Repetition.REPEATED)) {
        throw unusable(column, type, "use a list of structs or its JSON text");
      }
      return nullable(text);
    }
    GroupType group = type.asGroupType();
    // A bare repeated group (as protobuf writes) repeats the element itself; a LIST group holds
    // one repeated field, which is the element (2-level) or wraps it (3-level).
    boolean bare = group.isRepetition(Type.Repetition.REPEATED);
    boolean threeLevel = false;
    Type elementType = group;
    if (!bare) {
      if (group.getFieldCount() != 1 || !group.getType(0).isRepetition(Type.Repetition.REPEATED)) {
        throw unusable(column, type, "it is not a list (one repeated field)");
      }
      Type repeated = group.getType(0);
      threeLevel =
          !repeated.isPrimitive()
              && repeated.asGroupType().getFieldCount() == 1
              && !repeated.getName().equals("array")
              && !repeated.getName().equals(column + "_tuple");
      elementType = threeLevel ? repeated.asGroupType().getType(0) : repeated;
    }
    if (elementType.isPrimitive()) {
      throw unusable(column, type, "its elements are not structs with item_id and is_order");
    }
    Function<Group, Values.ItemStruct> element = element(column, elementType.asGroupType());
    boolean wrapped = threeLevel;
    ValueReader list =
        (row, field) -> {
          Group holder = bare ? row : row.getGroup(field, 0);
          int repeated = bare ? field : 0;
          List<Values.ItemStruct> items = new ArrayList<>();
          for (int i = 0; i < holder.getFieldRepetitionCount(repeated); i++) {
            Group item = holder.getGroup(repeated, i);
            if (wrapped) {
              item = item.getFieldRepetitionCount(0) == 0 ? null : item.getGroup(0, 0);
            }
            items.add(item == null ? null : element.apply(item));
          }
          return items;
        };
    return bare ? list : nullable(list);
  }

  /** One impressed item, a struct with {@code item_id} (an id) and {@code is_order} (a boolean). */
  private static Function<Group, Values.ItemStruct> element(String column, GroupType struct)
      throws Unusable {
    if (!struct.containsField("item_id") || !struct.containsField("is_order")) {
      throw unusable(
          column, struct, "its elements are not structs with item_id and is_order fields");
    }
    Type itemType = struct.getType("item_id");
    Type orderType = struct.getType("is_order");
    ValueReader itemId =
        itemType.isPrimitive() && !itemType.isRepetition(Type.Repetition.REPEATED)
            ? first(integer(itemType.asPrimitiveType()), digits(itemType.asPrimitiveType()))
            : null;
    if (itemId == null) {
      throw unusable(column + ".item_id", itemType, "it cannot carry " + meaning(Kind.ITEM_ID));
    }
    if (!orderType.isPrimitive()
        || orderType.isRepetition(Type.Repetition.REPEATED)
        || orderType.asPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BOOLEAN) {
      throw unusable(column + ".is_order", orderType, "it is not a boolean");
    }
    int item = struct.getFieldIndex("item_id");
    int order = struct.getFieldIndex("is_order");
    ValueReader itemValue = nullable(itemId);
    ValueReader orderValue = nullable((group, field) -> group.getBoolean(field, 0));
    return group ->
        new Values.ItemStruct(itemValue.read(group, item), (Boolean) orderValue.read(group, order));
  }

  /**
   * An id inside the list given as text: a string of digits becomes the number (SPEC §1: ids may be
   * digit strings), anything else stays text, which the impressions parser rejects.
   */
  private static ValueReader digits(PrimitiveType type) {
    ValueReader text = text(type);
    if (text == null) {
      return null;
    }
    return (group, field) -> {
      String value = (String) text.read(group, field);
      return value.matches("[+-]?\\d{1,30}") ? new BigInteger(value) : value;
    };
  }
}
