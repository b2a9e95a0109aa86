package dev.traininginputs.generate;

import dev.traininginputs.model.Impression;
import dev.traininginputs.parse.InvalidValueException;
import dev.traininginputs.parse.Values;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * A table partition as Spark 3.5 writes it by default: ids {@code int64}/{@code int32}, times
 * {@code INT96}, the impressions a 3-level list of structs, other columns strings, snappy. A value
 * the parsers would reject ({@link Values}, {@link ImpressionParser#items}) is written as a null,
 * as Spark's permissive CSV reader does, so that its row is still rejected (for a null, not for its
 * text) and the counts stay those of the flat files.
 */
final class ParquetParts {
  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

  private ParquetParts() {}

  static LakeTables.Part open(Path file, List<String> columns) throws IOException {
    MessageType schema = schema(columns);
    SimpleGroupFactory rows = new SimpleGroupFactory(schema);
    ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(schema)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build();
    return new LakeTables.Part() {
      @Override
      public void write(List<String> fields, String line) throws IOException {
        Group row = rows.newGroup();
        for (int i = 0; fields != null && i < columns.size(); i++) {
          add(row, columns.get(i), fields.get(i));
        }
        writer.write(row);
      }

      @Override
      public void close() throws IOException {
        writer.close();
      }
    };
  }

  private static MessageType schema(List<String> columns) {
    StringBuilder schema = new StringBuilder("message spark_schema {\n");
    for (String column : columns) {
      schema.append(
          switch (column) {
            case "customer_id" -> "optional int64 customer_id;";
            case "item_id", "config_id" -> "optional int32 " + column + ";";
            case "click_time", "occurred_at" -> "optional int96 " + column + ";";
            case "impressions" ->
                "optional group impressions (LIST) { repeated group list {"
                    + " optional group element { optional int32 item_id; optional boolean is_order;"
                    + " } } }";
            default -> "optional binary " + column + " (STRING);";
          });
      schema.append('\n');
    }
    return MessageTypeParser.parseMessageType(schema.append('}').toString());
  }

  /** Adds a value in its column's type, or nothing (a null) if it cannot be typed. */
  private static void add(Group row, String column, String value) {
    try {
      switch (column) {
        case "customer_id" -> row.add(column, Values.int64(column, value));
        case "item_id", "config_id" -> row.add(column, Values.itemId(column, value));
        case "click_time", "occurred_at" -> row.add(column, int96(Values.dateTime(column, value)));
        case "impressions" -> addImpressions(row, Values.items(column, value));
        default -> row.add(column, value);
      }
    } catch (InvalidValueException e) {
      // Left null.
    }
  }

  private static void addImpressions(Group row, List<Impression.Item> items) {
    Group list = row.addGroup("impressions");
    for (Impression.Item item : items) {
      list.addGroup("list")
          .addGroup("element")
          .append("item_id", item.itemId())
          .append("is_order", item.isOrder());
    }
  }

  /** Nanoseconds of the day, then the Julian day, little-endian: Spark's {@code INT96}. */
  private static Binary int96(Instant time) {
    long epochDay = Math.floorDiv(time.getEpochSecond(), 86_400L);
    long nanosOfDay =
        Math.floorMod(time.getEpochSecond(), 86_400L) * 1_000_000_000L + time.getNano();
    ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(nanosOfDay).putInt((int) (epochDay + JULIAN_DAY_OF_EPOCH));
    return Binary.fromConstantByteArray(bytes.array());
  }
}
