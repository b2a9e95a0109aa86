package dev.traininginputs.parse;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a UTF-8 CSV file line by line. A record is one physical line: a quoted field may contain
 * commas and doubled quotes but not a line break, so one broken quote costs one row, never the rest
 * of the file. Blank lines, a byte-order mark and CRLF endings are skipped silently; line numbers
 * are physical, counting the header as line 1.
 */
public final class CsvReader implements Closeable {
  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private final BufferedReader reader;
  private long lineNumber;

  /** One non-blank physical line. */
  public record Line(long number, String text) {}

  private CsvReader(BufferedReader reader) {
    this.reader = reader;
  }

  /** Reads from a (decompressed) channel; undecodable bytes become U+FFFD. */
  public static CsvReader open(ReadableByteChannel channel) {
    return new CsvReader(
        new BufferedReader(
            new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8),
            1 << 16));
  }

  /** The next non-blank line, or {@code null} at the end of the file. */
  public Line next() throws IOException {
    String text;
    while ((text = reader.readLine()) != null) {
      lineNumber++;
      if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
        text = text.substring(1);
      }
      if (!text.isBlank()) {
        return new Line(lineNumber, text);
      }
    }
    return null;
  }

  /** Splits one line into its fields by RFC 4180 (quotes, doubled quotes, commas inside quotes). */
  public static List<String> split(String text) throws InvalidValueException {
    if (text.indexOf('"') < 0) {
      return splitUnquoted(text);
    }
    return splitQuoted(text);
  }

  /**
   * Under RFC 4180 a line without a double quote is exactly the text between its commas. Most
   * action lines are like that, and building a commons-csv parser for each of them was the single
   * largest cost of reading them; lines with quotes go to commons-csv.
   */
  static List<String> splitUnquoted(String text) {
    List<String> fields = new ArrayList<>(8);
    int start = 0;
    for (int comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', start)) {
      fields.add(text.substring(start, comma));
      start = comma + 1;
    }
    fields.add(text.substring(start));
    return fields;
  }

  static List<String> splitQuoted(String text) throws InvalidValueException {
    if (text.isEmpty()) {
      throw new InvalidValueException("row", "is empty");
    }
    try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw new InvalidValueException("row", "is empty");
      }
      CSVRecord record = records.next();
      if (records.hasNext()) {
        throw new InvalidValueException("row", "contains a line break outside quotes");
      }
      List<String> fields = new ArrayList<>(record.size());
      record.forEach(fields::add);
      return fields;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new InvalidValueException("row", "is not valid CSV (" + csvProblem(e) + ")");
    }
  }

  private static String csvProblem(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    // commons-csv appends its internal position; the line number we report is the useful one.
    int position = message.indexOf(" at line");
    return (position > 0 ? message.substring(0, position) : message).trim();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
