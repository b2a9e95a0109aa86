package dev.traininginputs.input;

import static dev.traininginputs.TestData.action;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.traininginputs.model.ActionType;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.Impression;
import dev.traininginputs.model.Source;
import dev.traininginputs.parse.ActionParser;
import dev.traininginputs.parse.ImpressionParser;
import dev.traininginputs.parse.InvalidValueException;
import dev.traininginputs.parse.RecordParser;
import dev.traininginputs.parse.RecordView;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parquet values of every type and list encoding SPEC §1 names, read the way the pipeline reads
 * them ({@link InputRows}, then the source's parser), each pinned to the exact record or reason;
 * and the column types that refuse a file, with their messages.
 */
class ParquetInputsTest {
  @TempDir Path dir;

  /** Every row of a file: the parsed record's text, or {@code rejected: <reason> <raw>}. */
  private static <T> List<String> read(String file, String partition, RecordParser<T> parser)
      throws IOException {
    List<String> rows = new ArrayList<>();
    try (InputRows input = InputRows.open(FileRange.whole(file, partition), parser.source())) {
      for (InputRows.Row row = input.next(); row != null; row = input.next()) {
        try {
          RecordView view = row.view();
          rows.add(row.number() + " " + parser.parse(view) + (view.dayMismatch() ? " (!)" : ""));
        } catch (InvalidValueException e) {
          rows.add(row.number() + " rejected: " + e.getMessage() + " " + row.raw());
        }
      }
    }
    return rows;
  }

  private static final String IMPRESSION_COLUMNS =
      "required binary ranking_id (STRING); required int64 customer_id;";

  private static String impressionsSchema(String impressions) {
    return "message m { " + IMPRESSION_COLUMNS + " " + impressions + " }";
  }

  private static Consumer<Group> ranking(String id, Consumer<Group> impressions) {
    return row -> {
      row.append("ranking_id", id).append("customer_id", 7L);
      impressions.accept(row);
    };
  }

  /** Items 5 (not ordered), 6 (ordered) through the groups of an encoding's {@code path}. */
  private static Consumer<Group> twoItems(String... path) {
    return row -> {
      Group list = path.length == 0 ? null : row.addGroup("impressions");
      for (int[] item : new int[][] {{5, 0}, {6, 1}}) {
        Group element = list == null ? row.addGroup("impressions") : list;
        for (String name : path) {
          element = element.addGroup(name);
        }
        element.append("item_id", item[0]).append("is_order", item[1] == 1);
      }
    };
  }

  private static final String ELEMENT = "{ optional int32 item_id; optional boolean is_order; }";

  private static List<String> expectedTwoItemsAndEmpty() {
    return List.of(
        "1 " + impression("r1", 5, false, 6, true),
        "2 " + impression("r2"),
        "3 rejected: impressions: is null {\"ranking_id\":\"r3\",\"customer_id\":7,"
            + "\"impressions\":null}");
  }

  private static Impression impression(String ranking, Object... items) {
    List<Impression.Item> list = new ArrayList<>();
    for (int i = 0; i < items.length; i += 2) {
      list.add(new Impression.Item((Integer) items[i], (Boolean) items[i + 1]));
    }
    return new Impression(Days.of("2025-03-10"), ranking, 7, list);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "3-level list/element (Spark, pyarrow)"
            + "|optional group impressions (LIST) { repeated group list { optional group element"
            + " ELEMENT } }|list,element",
        "3-level list/item (older pyarrow)"
            + "|optional group impressions (LIST) { repeated group list { required group item"
            + " ELEMENT } }|list,item",
        "3-level bag/array (Spark legacy, nullable elements)"
            + "|optional group impressions (LIST) { repeated group bag { optional group array"
            + " ELEMENT } }|bag,array",
        "2-level array (Spark legacy, parquet-avro)"
            + "|optional group impressions (LIST) { repeated group array ELEMENT }|array",
        "2-level _tuple (parquet-thrift)"
            + "|optional group impressions (LIST) { repeated group impressions_tuple ELEMENT }"
            + "|impressions_tuple",
      })
  void everyListEncoding_givesTheSameImpressions(String name, String column, String path)
      throws IOException {
    String schema = impressionsSchema(column.replace("ELEMENT", ELEMENT));
    String[] groups = path.split(",");
    String file =
        ParquetFiles.write(
            dir.resolve("impressions.parquet"),
            schema,
            ranking("r1", twoItems(groups)),
            ranking("r2", row -> row.addGroup("impressions")),
            ranking("r3", row -> {}));
    assertThat(
        read(file, "dt=2025-03-10", new ImpressionParser()), equalTo(expectedTwoItemsAndEmpty()));
  }

  @Test
  void aBareRepeatedGroup_isTheList() throws IOException {
    String file =
        ParquetFiles.write(
            dir.resolve("impressions.parquet"),
            impressionsSchema("repeated group impressions " + ELEMENT),
            ranking("r1", twoItems()),
            ranking("r2", row -> {}));
    assertThat(
        read(file, "dt=2025-03-10", new ImpressionParser()),
        contains("1 " + impression("r1", 5, false, 6, true), "2 " + impression("r2")));
  }

  @Test
  void nullElementsAndFields_rejectTheRow() throws IOException {
    String file =
        ParquetFiles.write(
            dir.resolve("impressions.parquet"),
            impressionsSchema(
                "optional group impressions (LIST) { repeated group list { optional group element"
                    + " { optional int64 item_id; optional boolean is_order; } } }"),
            ranking("r1", row -> row.addGroup("impressions").addGroup("list")),
            ranking(
                "r2",
                row ->
                    row.addGroup("impressions")
                        .addGroup("list")
                        .addGroup("element")
                        .append("is_order", true)),
            ranking(
                "r3",
                row ->
                    row.addGroup("impressions")
                        .addGroup("list")
                        .addGroup("element")
                        .append("item_id", 1L << 31)
                        .append("is_order", true)),
            ranking(
                "r4",
                row ->
                    row.addGroup("impressions")
                        .addGroup("list")
                        .addGroup("element")
                        .append("item_id", 0L)
                        .append("is_order", false)));
    String raw = "{\"ranking_id\":\"r%d\",\"customer_id\":7,\"impressions\":%s}";
    assertThat(
        read(file, "dt=2025-03-10", new ImpressionParser()),
        contains(
            "1 rejected: impressions[0]: expected an object with item_id and is_order "
                + String.format(raw, 1, "[null]"),
            "2 rejected: impressions[0].item_id: null is not a 32-bit integer "
                + String.format(raw, 2, "[{\"item_id\":null,\"is_order\":true}]"),
            "3 rejected: impressions[0].item_id: 2147483648 is not a 32-bit integer "
                + String.format(raw, 3, "[{\"item_id\":2147483648,\"is_order\":true}]"),
            "4 rejected: impressions[0].item_id: 0 is not a valid item id (must be at least 1) "
                + String.format(raw, 4, "[{\"item_id\":0,\"is_order\":false}]")));
  }

  @Test
  void impressionsAsJsonText_andADayColumnThatDisagrees() throws IOException {
    String file =
        ParquetFiles.write(
            dir.resolve("impressions.parquet"),
            impressionsSchema("required binary impressions (STRING); optional int32 dt (DATE);"),
            ranking(
                "r1",
                row ->
                    row.append("impressions", "[{\"item_id\": 5, \"is_order\": false}]")
                        .append("dt", (int) Days.of("2025-03-10"))),
            ranking(
                "r2",
                row -> row.append("impressions", "[]").append("dt", (int) Days.of("2025-03-09"))),
            ranking("r3", row -> row.append("impressions", "[{\"item_id\": 5}]")));
    assertThat(
        read(file, "dt=2025-03-10", new ImpressionParser()),
        contains(
            "1 " + impression("r1", 5, false),
            "2 " + impression("r2") + " (!)",
            "3 rejected: impressions[0].is_order: is missing {\"ranking_id\":\"r3\","
                + "\"customer_id\":7,\"impressions\":\"[{\\\"item_id\\\": 5}]\",\"dt\":null}"));
    // Without a partition folder the column is the day.
    assertThat(
        read(file, null, new ImpressionParser()).subList(0, 2),
        contains(
            "1 " + impression("r1", 5, false),
            "2 " + new Impression(Days.of("2025-03-09"), "r2", 7, List.of())));
  }

  private static final Instant TIME = Instant.parse("2025-03-09T10:00:00.123456789Z");
  private static final Instant BEFORE_1970 = Instant.parse("1969-12-31T23:59:59.5Z");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "int96|''|2025-03-09T10:00:00.123456789|1969-12-31T23:59:59.5",
        "int64|(TIMESTAMP(MILLIS,true))|2025-03-09T10:00:00.123|1969-12-31T23:59:59.5",
        "int64|(TIMESTAMP(MICROS,false))|2025-03-09T10:00:00.123456|1969-12-31T23:59:59.5",
        "int64|(TIMESTAMP(NANOS,true))|2025-03-09T10:00:00.123456789|1969-12-31T23:59:59.5",
        "binary|(STRING)|2025-03-09T10:00:00.123456789|1969-12-31T23:59:59.5",
      })
  void everyTimeType_givesTheInstant(String physical, String annotation, String at, String before)
      throws IOException {
    String schema =
        "message spark_schema { optional int64 customer_id; optional int32 item_id;"
            + " optional "
            + physical
            + " click_time "
            + annotation
            + "; }";
    String file =
        ParquetFiles.write(
            dir.resolve("clicks.parquet"),
            schema,
            click(physical, annotation, TIME),
            click(physical, annotation, BEFORE_1970));
    assertThat(
        read(file, "dt=2025-03-09", ActionParser.CLICKS),
        contains(
            "1 " + action(7, ActionType.CLICK, 11, "2025-03-09", at),
            "2 " + action(7, ActionType.CLICK, 11, "2025-03-09", before)));
  }

  private static Consumer<Group> click(String physical, String annotation, Instant time) {
    return row -> {
      row.append("customer_id", 7L).append("item_id", 11);
      long seconds = time.getEpochSecond();
      switch (physical + annotation) {
        case "int96" -> row.append("click_time", ParquetFiles.int96(time));
        case "int64(TIMESTAMP(MILLIS,true))" -> row.append("click_time", time.toEpochMilli());
        case "int64(TIMESTAMP(MICROS,false))" ->
            row.append("click_time", seconds * 1_000_000L + time.getNano() / 1_000);
        case "int64(TIMESTAMP(NANOS,true))" ->
            row.append("click_time", seconds * 1_000_000_000L + time.getNano());
        default -> row.append("click_time", time.toString());
      }
    };
  }

  @Test
  void idsInEveryIntegerType_andTheirRejections() throws IOException {
    String schema =
        "message m { optional fixed_len_byte_array(9) customer_id (DECIMAL(20,0));"
            + " optional int64 config_id (DECIMAL(18,0)); optional int32 order_date (DATE); }";
    byte[] seven = new byte[9];
    seven[8] = 7;
    byte[] huge = new BigInteger("99999999999999999999").toByteArray();
    String file =
        ParquetFiles.write(
            dir.resolve("orders.parquet"),
            schema,
            row ->
                row.append("customer_id", Binary.fromConstantByteArray(seven))
                    .append("config_id", 12L)
                    .append("order_date", (int) Days.of("2025-03-01")),
            row ->
                row.append("customer_id", Binary.fromConstantByteArray(pad(huge, 9)))
                    .append("config_id", 12L)
                    .append("order_date", (int) Days.of("2025-03-01")),
            row ->
                row.append("customer_id", Binary.fromConstantByteArray(seven))
                    .append("config_id", 1L << 40)
                    .append("order_date", (int) Days.of("2025-03-01")),
            row ->
                row.append("customer_id", Binary.fromConstantByteArray(seven))
                    .append("config_id", 3L));
    assertThat(
        read(file, null, ActionParser.PREVIOUS_ORDERS),
        contains(
            "1 " + action(7, ActionType.ORDER, 12, "2025-03-01", "2025-03-01T00:00:00"),
            "2 rejected: customer_id: \"99999999999999999999\" is out of range for a 64-bit"
                + " integer {\"order_date\":\"2025-03-01\",\"customer_id\":99999999999999999999,"
                + "\"config_id\":12}",
            "3 rejected: config_id: \"1099511627776\" is out of range for a 32-bit integer"
                + " {\"order_date\":\"2025-03-01\",\"customer_id\":7,\"config_id\":1099511627776}",
            "4 rejected: order_date: is null"
                + " {\"order_date\":null,\"customer_id\":7,\"config_id\":3}"));
  }

  private static byte[] pad(byte[] bigEndian, int length) {
    byte[] out = new byte[length];
    System.arraycopy(bigEndian, 0, out, length - bigEndian.length, bigEndian.length);
    return out;
  }

  @Test
  void unsignedIds_andAnImpossibleInt96() throws IOException {
    String schema =
        "message m { required int64 customer_id (INTEGER(64,false));"
            + " required int32 item_id (INTEGER(32,false)); required int96 click_time; }";
    String file =
        ParquetFiles.write(
            dir.resolve("clicks.parquet"),
            schema,
            row ->
                row.append("customer_id", 7L)
                    .append("item_id", 11)
                    .append("click_time", ParquetFiles.int96(TIME)),
            row ->
                row.append("customer_id", -1L)
                    .append("item_id", 11)
                    .append("click_time", ParquetFiles.int96(TIME)),
            row ->
                row.append("customer_id", 7L)
                    .append("item_id", -1)
                    .append("click_time", ParquetFiles.int96(TIME)),
            row ->
                row.append("customer_id", 7L)
                    .append("item_id", 11)
                    .append("click_time", ParquetFiles.int96(86_400_000_000_000L, 2_460_744)));
    assertThat(
        read(file, "dt=2025-03-09", ActionParser.CLICKS),
        contains(
            "1 " + action(7, ActionType.CLICK, 11, "2025-03-09", "2025-03-09T10:00:00.123456789"),
            "2 rejected: customer_id: \"18446744073709551615\" is out of range for a 64-bit"
                + " integer {\"customer_id\":18446744073709551615,\"item_id\":11,"
                + "\"click_time\":\"2025-03-09T10:00:00.123456789Z\"}",
            "3 rejected: item_id: \"4294967295\" is out of range for a 32-bit integer"
                + " {\"customer_id\":7,\"item_id\":4294967295,"
                + "\"click_time\":\"2025-03-09T10:00:00.123456789Z\"}",
            "4 rejected: click_time: \"INT96(julian day 2460744, nanos 86400000000000)\" is not a"
                + " date-time {\"customer_id\":7,\"item_id\":11,"
                + "\"click_time\":\"INT96(julian day 2460744, nanos 86400000000000)\"}"));
  }

  @Test
  void parquetAvro_legacyTwoLevelListsAndDecimals() throws IOException {
    Schema item =
        Schema.createRecord(
            "item",
            null,
            null,
            false,
            List.of(
                new Schema.Field("item_id", Schema.create(Schema.Type.INT)),
                new Schema.Field("is_order", Schema.create(Schema.Type.BOOLEAN))));
    Schema row =
        Schema.createRecord(
            "impression",
            null,
            null,
            false,
            List.of(
                new Schema.Field("ranking_id", Schema.create(Schema.Type.STRING)),
                new Schema.Field(
                    "customer_id",
                    org.apache.avro.LogicalTypes.decimal(18, 0)
                        .addToSchema(Schema.create(Schema.Type.BYTES))),
                new Schema.Field("impressions", Schema.createArray(item))));
    for (boolean oldLists : new boolean[] {true, false}) {
      Path path = dir.resolve("impressions-" + oldLists + ".parquet");
      Configuration conf = new Configuration(false);
      conf.setBoolean("parquet.avro.write-old-list-structure", oldLists);
      try (ParquetWriter<GenericRecord> writer =
          AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(path))
              .withSchema(row)
              .withConf(conf)
              .build()) {
        GenericRecord one = new GenericData.Record(row);
        one.put("ranking_id", "r1");
        one.put("customer_id", java.nio.ByteBuffer.wrap(new byte[] {7}));
        GenericRecord a = new GenericData.Record(item);
        a.put("item_id", 5);
        a.put("is_order", false);
        GenericRecord b = new GenericData.Record(item);
        b.put("item_id", 6);
        b.put("is_order", true);
        one.put("impressions", List.of(a, b));
        writer.write(one);
      }
      assertThat(
          read(path.toString(), "dt=2025-03-10", new ImpressionParser()),
          contains("1 " + impression("r1", 5, false, 6, true)));
    }
  }

  private static String refusal(Source source, String schema, boolean dayInPath) {
    return assertThrows(
            ParquetColumns.Unusable.class,
            () -> ParquetColumns.of(source, MessageTypeParser.parseMessageType(schema), dayInPath))
        .getMessage();
  }

  @Test
  void typesThatCannotCarryAColumn_refuseTheFile() {
    assertThat(
        refusal(
            Source.CLICKS,
            "message m { optional int64 customer_id; optional double item_id;"
                + " optional int96 click_time; }",
            true),
        equalTo(
            "has column item_id as optional double item_id: it cannot carry an id (use int32,"
                + " int64, DECIMAL(p, 0) or a string of digits)"));
    assertThat(
        refusal(
            Source.CLICKS,
            "message m { optional int64 customer_id; optional int32 item_id;"
                + " optional int64 click_time; }",
            true),
        equalTo(
            "has column click_time as optional int64 click_time: it cannot carry a date-time (use"
                + " INT96, int64 TIMESTAMP(MILLIS|MICROS|NANOS) or an ISO-8601 string; an int64"
                + " without a TIMESTAMP unit has no known unit)"));
    assertThat(
        refusal(
            Source.ADD_TO_CARTS,
            "message m { optional int64 customer_id (DECIMAL(18,2)); optional int32 config_id;"
                + " optional int32 occurred_at (DATE); }",
            true),
        equalTo(
            "has column customer_id as optional int64 customer_id (DECIMAL(18,2)): it cannot"
                + " carry an id (use int32, int64, DECIMAL(p, 0) or a string of digits)"));
    assertThat(
        refusal(
            Source.PREVIOUS_ORDERS,
            "message m { optional int64 customer_id; optional int32 config_id;"
                + " optional int64 order_date (TIMESTAMP(MILLIS,true)); }",
            false),
        equalTo(
            "has column order_date as optional int64 order_date (TIMESTAMP(MILLIS,true)): it"
                + " cannot carry a day (use DATE or a YYYY-MM-DD string)"));
    assertThat(
        refusal(
            Source.CLICKS,
            "message m { repeated int64 customer_id; optional int32 item_id;"
                + " optional int96 click_time; }",
            true),
        equalTo("has column customer_id as repeated int64 customer_id: it is not a single value"));
    assertThat(
        refusal(Source.CLICKS, "message m { optional int64 customer_id; optional int96 t; }", true),
        equalTo("has no column item_id, click_time (columns: customer_id, t)"));
    assertThat(
        refusal(
            Source.CLICKS,
            "message m { optional int64 customer_id; optional int32 item_id;"
                + " optional int96 click_time; }",
            false),
        equalTo("has no column dt (columns: customer_id, item_id, click_time)"));
  }

  @Test
  void impressionsThatAreNotAListOfStructs_refuseTheFile() {
    String prefix = "message m { " + IMPRESSION_COLUMNS + " ";
    assertThat(
        refusal(
            Source.IMPRESSIONS,
            prefix + "optional group impressions (LIST) { repeated int32 array; } }",
            true),
        equalTo(
            "has column impressions as optional group impressions (LIST) { repeated int32 array;"
                + " }: its elements are not structs with item_id and is_order"));
    assertThat(
        refusal(
            Source.IMPRESSIONS,
            prefix
                + "optional group impressions (LIST) { repeated group list { optional group"
                + " element { optional int32 item_id; optional int32 is_order; } } } }",
            true),
        equalTo("has column impressions.is_order as optional int32 is_order: it is not a boolean"));
    assertThat(
        refusal(
            Source.IMPRESSIONS,
            prefix
                + "optional group impressions (LIST) { repeated group list { optional group"
                + " element { optional float item_id; optional boolean is_order; } } } }",
            true),
        equalTo(
            "has column impressions.item_id as optional float item_id: it cannot carry an id (use"
                + " int32, int64, DECIMAL(p, 0) or a string of digits)"));
    // The format's rule: a repeated group named "array" is the element itself, even with one field.
    assertThat(
        refusal(
            Source.IMPRESSIONS,
            prefix
                + "optional group impressions (LIST) { repeated group array { optional group"
                + " element { optional int32 item_id; optional boolean is_order; } } } }",
            true),
        equalTo(
            "has column impressions as repeated group array { optional group element { optional"
                + " int32 item_id; optional boolean is_order; } }: its elements are not structs"
                + " with item_id and is_order fields"));
    assertThat(
        refusal(Source.IMPRESSIONS, prefix + "optional int64 impressions; }", true),
        equalTo(
            "has column impressions as optional int64 impressions: use a list of structs or its"
                + " JSON text"));
  }
}
