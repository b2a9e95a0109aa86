package dev.traininginputs.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private static List<CsvReader.Line> lines(byte[] content) throws Exception {
    List<CsvReader.Line> lines = new ArrayList<>();
    try (CsvReader reader =
        CsvReader.open(Channels.newChannel(new ByteArrayInputStream(content)))) {
      for (CsvReader.Line line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static List<CsvReader.Line> lines(String content) throws Exception {
    return lines(content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void next_skipsBlankLinesAndKeepsPhysicalLineNumbers() throws Exception {
    assertThat(
        lines("a,b\n\n1,2\n   \n3,4\n\n"),
        contains(
            new CsvReader.Line(1, "a,b"),
            new CsvReader.Line(3, "1,2"),
            new CsvReader.Line(5, "3,4")));
  }

  @Test
  void next_stripsByteOrderMarkAndCrlf() throws Exception {
    assertThat(
        lines("\uFEFFa,b\r\n1,2\r\n"),
        contains(new CsvReader.Line(1, "a,b"), new CsvReader.Line(2, "1,2")));
  }

  @Test
  void next_withoutTrailingNewlineReadsTheLastLine() throws Exception {
    assertThat(
        lines("a,b\n1,2"), contains(new CsvReader.Line(1, "a,b"), new CsvReader.Line(2, "1,2")));
  }

  @Test
  void next_onEmptyFileIsNull() throws Exception {
    try (CsvReader reader =
        CsvReader.open(Channels.newChannel(new ByteArrayInputStream(new byte[0])))) {
      assertThat(reader.next(), nullValue());
    }
  }

  @Test
  void next_replacesInvalidUtf8InsteadOfFailing() throws Exception {
    byte[] content = {'a', ',', (byte) 0xC3, '\n', '1', ',', '2', '\n'};
    assertThat(
        lines(content), contains(new CsvReader.Line(1, "a,\uFFFD"), new CsvReader.Line(2, "1,2")));
  }

  @Test
  void split_handlesQuotesCommasAndDoubledQuotes() throws Exception {
    assertThat(
        CsvReader.split("a,\"b,c\",\"say \"\"hi\"\"\",,\"\""),
        contains("a", "b,c", "say \"hi\"", "", ""));
  }

  @Test
  void split_rejectsAnUnterminatedQuote() {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> CsvReader.split("a,\"b,c"));
    assertThat(e.column(), equalTo("row"));
    assertThat(e.getMessage(), startsWith("row: is not valid CSV ("));
  }

  @Test
  void split_withoutQuotesAgreesWithCommonsCsv() throws Exception {
    java.util.Random random = new java.util.Random(5);
    String alphabet = "a1,, -:T.Z+\t\u00e9;'";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder line = new StringBuilder();
      for (int n = 1 + random.nextInt(30); n > 0; n--) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = line.toString();
      assertThat(text, CsvReader.splitUnquoted(text), equalTo(CsvReader.splitQuoted(text)));
    }
  }

  @Test
  void split_rejectsAnEmptyLineAndEmbeddedLineBreaks() {
    assertThat(
        assertThrows(InvalidValueException.class, () -> CsvReader.splitQuoted("")).getMessage(),
        equalTo("row: is empty"));
    assertThat(
        assertThrows(InvalidValueException.class, () -> CsvReader.split("\"a\",b\rc,d"))
            .getMessage(),
        equalTo("row: contains a line break outside quotes"));
  }

  @Test
  void split_rejectsTextAfterAClosingQuote() {
    assertThrows(InvalidValueException.class, () -> CsvReader.split("\"a\"b,c"));
  }

  @Test
  void next_readsWhatBufferedReaderReadsWhereverTheBufferEnds() throws Exception {
    // Random lines (some longer than the 64 KB buffer, some multi-byte), every kind of line break,
    // through a channel that hands out a few random bytes at a time: breaks, \r\n pairs and
    // characters fall across every buffer boundary.
    java.util.Random random = new java.util.Random(20261204);
    for (int round = 0; round < 20; round++) {
      StringBuilder text = new StringBuilder();
      int count = 1 + random.nextInt(40);
      for (int i = 0; i < count; i++) {
        int length = random.nextInt(10) == 0 ? 60_000 + random.nextInt(20_000) : random.nextInt(30);
        for (int c = 0; c < length; c++) {
          text.append(random.nextInt(20) == 0 ? '\u00e9' : (char) ('a' + random.nextInt(26)));
        }
        text.append(List.of("\n", "\r\n", "\r").get(random.nextInt(3)));
      }
      if (random.nextBoolean()) {
        text.setLength(text.length() - 1);
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      List<CsvReader.Line> expected = new ArrayList<>();
      try (java.io.BufferedReader naive =
          new java.io.BufferedReader(new java.io.StringReader(text.toString()))) {
        long number = 0;
        for (String line = naive.readLine(); line != null; line = naive.readLine()) {
          number++;
          if (!line.isBlank()) {
            expected.add(new CsvReader.Line(number, line));
          }
        }
      }
      List<CsvReader.Line> read = new ArrayList<>();
      java.nio.channels.ReadableByteChannel trickle =
          new java.nio.channels.ReadableByteChannel() {
            private int at;

            @Override
            public int read(java.nio.ByteBuffer target) {
              if (at == bytes.length) {
                return -1;
              }
              int n =
                  Math.min(Math.min(target.remaining(), 1 + random.nextInt(7)), bytes.length - at);
              target.put(bytes, at, n);
              at += n;
              return n;
            }

            @Override
            public boolean isOpen() {
              return true;
            }

            @Override
            public void close() {}
          };
      try (CsvReader reader = CsvReader.open(trickle)) {
        for (CsvReader.Line line = reader.next(); line != null; line = reader.next()) {
          read.add(line);
        }
      }
      assertThat("round " + round, read, equalTo(expected));
    }
  }
}
