package dev.traininginputs.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.column.ParquetProperties;
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
 * Writes Parquet files of any schema with parquet-mr's own writer, the types and list encodings
 * other writers use (pyarrow's {@code list}/{@code item}, {@code TIMESTAMP(NANOS)}, unsigned and
 * decimal ids), one row per consumer that fills it.
 */
final class ParquetFiles {
  private ParquetFiles() {}

  @SafeVarargs
  static String write(Path file, String schema, Consumer<Group>... rows) {
    return write(file, schema, 128 << 20, List.of(rows));
  }

  /**
   * With row groups of about {@code rowGroupBytes} (one row each when tiny) and pages of two rows
   * (several in every group).
   */
  static String write(Path file, String schema, int rowGroupBytes, List<Consumer<Group>> rows) {
    return write(file, schema, rowGroupBytes, 2, CompressionCodecName.SNAPPY, rows);
  }

  static String write(
      Path file,
      String schema,
      int rowGroupBytes,
      int pageRows,
      CompressionCodecName codec,
      List<Consumer<Group>> rows) {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try {
      java.nio.file.Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(type)
            .withCompressionCodec(codec)
            .withRowGroupSize(rowGroupBytes)
            .withPageRowCountLimit(pageRows)
            .withMinRowCountForPageSizeCheck(1)
            .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
            .build()) {
      for (Consumer<Group> fill : rows) {
        Group row = groups.newGroup();
        fill.accept(row);
        writer.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toString();
  }

  /** Spark's {@code INT96} for an instant: nanoseconds of the day, Julian day, little-endian. */
  static Binary int96(Instant time) {
    return int96(
        Math.floorMod(time.getEpochSecond(), 86_400L) * 1_000_000_000L + time.getNano(),
        (int) (Math.floorDiv(time.getEpochSecond(), 86_400L) + 2_440_588L));
  }

  static Binary int96(long nanosOfDay, int julianDay) {
    ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(nanosOfDay).putInt(julianDay);
    return Binary.fromConstantByteArray(bytes.array());
  }
}
