package dev.traininginputs.parse;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a UTF-8 CSV file line by line. A record is one physical line: a quoted field may contain
 * commas and doubled quotes but not a line break, so one broken quote costs one row, never the rest
 * of the file. Blank lines, a byte-order mark and CRLF endings are skipped silently; line numbers
 * are physical, counting the header as line 1. A line ends at {@code \n}, {@code \r\n} or a lone
 * {@code \r}, as in {@link java.io.BufferedReader#readLine}; undecodable bytes become U+FFFD.
 *
 * <p>Because a record is one line, a file can be read in byte ranges by several workers at once: a
 * range holds the lines that <em>start</em> inside it ({@link #openRange}), and {@link
 * #lineStartsBefore} counts the lines before each range so that line numbers stay those of the
 * whole file.
 */
public final class CsvReader implements Closeable {
  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;
  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final long end;
  private long position;
  private long lineNumber;
  private byte[] line = new byte[256];
  private final byte[] buffer = new byte[BUFFER];
  private int at;
  private int filled;

  /** One non-blank physical line. */
  public record Line(long number, String text) {}

  private CsvReader(InputStream in, long position, long end, long firstLineNumber) {
    this.in = in;
    this.position = position;
    this.end = end;
    this.lineNumber = firstLineNumber - 1;
  }

  /** Reads a whole (decompressed) channel. */
  public static CsvReader open(ReadableByteChannel channel) {
    return new CsvReader(
        new BufferedInputStream(Channels.newInputStream(channel), BUFFER), 0, Long.MAX_VALUE, 1);
  }

  /**
   * Reads the lines that start in {@code [start, end)} of an uncompressed file, numbering them from
   * {@code firstLineNumber}, the number of the first line starting at or after {@code start}.
   */
  public static CsvReader openRange(
      SeekableByteChannel channel, long start, long end, long firstLineNumber) throws IOException {
    if (start == 0) {
      channel.position(0);
      return new CsvReader(
          new BufferedInputStream(Channels.newInputStream(channel), BUFFER),
          0,
          end,
          firstLineNumber);
    }
    // Find the first line start at or after `start`: it follows a line break that ends before it.
    channel.position(start - 1);
    InputStream in = new BufferedInputStream(Channels.newInputStream(channel), BUFFER);
    long position = start;
    int previous = in.read();
    while (true) {
      in.mark(1);
      int b = in.read();
      if (b < 0 || previous == '\n' || (previous == '\r' && b != '\n')) {
        in.reset();
        break;
      }
      previous = b;
      position++;
    }
    return new CsvReader(in, position, end, firstLineNumber);
  }

  /**
   * For each of {@code boundaries} (ascending byte positions), the number of lines that start
   * before it: what {@link #openRange} needs as {@code firstLineNumber - 1}.
   */
  public static long[] lineStartsBefore(ReadableByteChannel channel, long[] boundaries)
      throws IOException {
    long[] counts = new long[boundaries.length];
    InputStream in = Channels.newInputStream(channel);
    byte[] buffer = new byte[BUFFER];
    long position = 0;
    long starts = 0;
    int previous = '\n'; // Position 0 starts a line.
    int next = 0;
    for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
      for (int i = 0; i < read; i++, position++) {
        while (next < boundaries.length && boundaries[next] <= position) {
          counts[next++] = starts;
        }
        int b = buffer[i];
        if (previous == '\n' || (previous == '\r' && b != '\n')) {
          starts++;
        }
        previous = b;
      }
    }
    while (next < boundaries.length) {
      counts[next++] = starts;
    }
    return counts;
  }

  /** The next non-blank line, or {@code null} at the end of the file or range. */
  public Line next() throws IOException {
    String text;
    while ((text = readLine()) != null) {
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

  /**
   * The next physical line starting before the range's end, without its line break. Scans the
   * buffer in bulk: a call per byte was the largest cost of reading a big CSV file.
   */
  private String readLine() throws IOException {
    if (position >= end || !buffered()) {
      return null;
    }
    int length = 0;
    while (true) {
      int from = at;
      while (at < filled && buffer[at] != '\n' && buffer[at] != '\r') {
        at++;
      }
      int count = at - from;
      position += count;
      boolean broken = at < filled;
      if (broken && length == 0) {
        // The whole line is in the buffer: no copy.
        String text = new String(buffer, from, count, StandardCharsets.UTF_8);
        skipLineBreak();
        return text;
      }
      if (length + count > line.length) {
        line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
      }
      System.arraycopy(buffer, from, line, length, count);
      length += count;
      if (broken) {
        skipLineBreak();
        break;
      }
      if (!buffered()) {
        break;
      }
    }
    return new String(line, 0, length, StandardCharsets.UTF_8);
  }

  /** Consumes the {@code \n}, {@code \r} or {@code \r\n} at the buffer's position. */
  private void skipLineBreak() throws IOException {
    byte lineBreak = buffer[at++];
    position++;
    if (lineBreak == '\r' && buffered() && buffer[at] == '\n') {
      at++;
      position++;
    }
  }

  /** Whether a byte is there to read, refilling the buffer when it is used up. */
  private boolean buffered() throws IOException {
    while (at == filled) {
      int read = in.read(buffer, 0, buffer.length);
      if (read < 0) {
        return false;
      }
      at = 0;
      filled = read;
    }
    return true;
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
    in.close();
  }
}
