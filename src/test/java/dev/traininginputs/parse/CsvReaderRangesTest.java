package dev.traininginputs.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file read in byte ranges gives exactly the lines, numbers included, of the file read whole:
 * every line break kind, blank lines, a byte-order mark, multi-byte characters, ranges that cut a
 * line, a CRLF or a character in two.
 */
class CsvReaderRangesTest {
  private static final String[] PIECES = {
    "a", "b,c", "\"q,\"\"x\"\"\"", "é", "€", "日本", "  ", "", "1,2,3", "\uFEFF"
  };
  private static final String[] BREAKS = {"\n", "\r\n", "\r", "\n\n", "\r\n\r\n"};

  @TempDir Path dir;

  private static List<CsvReader.Line> whole(Path file) throws IOException {
    try (CsvReader reader = CsvReader.open(FileChannel.open(file))) {
      return all(reader);
    }
  }

  private static List<CsvReader.Line> all(CsvReader reader) throws IOException {
    List<CsvReader.Line> lines = new ArrayList<>();
    for (CsvReader.Line line = reader.next(); line != null; line = reader.next()) {
      lines.add(line);
    }
    return lines;
  }

  private static List<CsvReader.Line> inRanges(Path file, long[] boundaries) throws IOException {
    long[] before;
    try (FileChannel channel = FileChannel.open(file)) {
      before = CsvReader.lineStartsBefore(channel, boundaries);
    }
    List<CsvReader.Line> lines = new ArrayList<>();
    long start = 0;
    long firstLine = 1;
    for (int i = 0; i <= boundaries.length; i++) {
      long end = i < boundaries.length ? boundaries[i] : Long.MAX_VALUE;
      try (CsvReader reader = CsvReader.openRange(FileChannel.open(file), start, end, firstLine)) {
        lines.addAll(all(reader));
      }
      if (i < boundaries.length) {
        start = boundaries[i];
        firstLine = before[i] + 1;
      }
    }
    return lines;
  }

  @Test
  void rangesTogetherReadExactlyTheWholeFile() throws IOException {
    Random random = new Random(17);
    Path file = dir.resolve("f.csv");
    for (int trial = 0; trial < 300; trial++) {
      StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "\uFEFF" : "");
      for (int line = random.nextInt(12); line >= 0; line--) {
        for (int piece = random.nextInt(3); piece >= 0; piece--) {
          text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        if (line > 0 || random.nextBoolean()) {
          text.append(BREAKS[random.nextInt(BREAKS.length)]);
        }
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      Files.write(file, bytes);
      TreeSet<Long> cuts = new TreeSet<>();
      for (int c = random.nextInt(5); c > 0 && bytes.length > 1; c--) {
        cuts.add(1L + random.nextInt(bytes.length));
      }
      long[] boundaries = cuts.stream().mapToLong(Long::longValue).toArray();
      assertThat(text.toString(), inRanges(file, boundaries), equalTo(whole(file)));
    }
  }

  @Test
  void everyCutOfOneFileGivesTheSameLines() throws IOException {
    Path file = dir.resolve("g.csv");
    byte[] bytes = "\uFEFFh1,h2\r\n7,é\r\r\n\n8,日本\r9,x\n".getBytes(StandardCharsets.UTF_8);
    Files.write(file, bytes);
    List<CsvReader.Line> expected = whole(file);
    assertThat(
        expected,
        equalTo(
            List.of(
                new CsvReader.Line(1, "h1,h2"),
                new CsvReader.Line(2, "7,é"),
                new CsvReader.Line(5, "8,日本"),
                new CsvReader.Line(6, "9,x"))));
    for (long cut = 1; cut < bytes.length; cut++) {
      assertThat("cut at " + cut, inRanges(file, new long[] {cut}), equalTo(expected));
    }
  }
}
