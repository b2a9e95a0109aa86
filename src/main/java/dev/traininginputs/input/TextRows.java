package dev.traininginputs.input;

import dev.traininginputs.model.Source;
import dev.traininginputs.parse.CsvHeader;
import dev.traininginputs.parse.CsvReader;
import dev.traininginputs.parse.InvalidValueException;
import dev.traininginputs.parse.JsonRow;
import dev.traininginputs.parse.RecordView;
import dev.traininginputs.storage.BeamFiles;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The data lines of a CSV or JSON Lines file, or of a byte range of an uncompressed one: a CSV line
 * read through its file's header ({@link dev.traininginputs.parse.CsvRow}), a JSON line as an
 * object ({@link JsonRow}). The header was checked before the run ({@link Inputs}); a file that
 * changed since is a hard failure.
 */
final class TextRows implements InputRows {
  private final CsvReader lines;
  private final CsvHeader header;
  private final String partition;

  private TextRows(CsvReader lines, CsvHeader header, String partition) {
    this.lines = lines;
    this.header = header;
    this.partition = partition;
  }

  static TextRows open(FileRange range, Source source) throws IOException {
    CsvReader lines = lines(range);
    try {
      // JSON Lines have no header: each line names its own fields.
      CsvHeader header =
          InputFormat.of(range.file()) == InputFormat.JSON_LINES
              ? null
              : range.start() == 0 ? header(range, source, lines) : header(range, source);
      return new TextRows(lines, header, range.partition());
    } catch (IOException | RuntimeException e) {
      lines.close();
      throw e;
    }
  }

  /** Whether a file is JSON Lines, whose lines name their own fields. */
  private boolean json() {
    return header == null;
  }

  @Override
  public Row next() throws IOException {
    CsvReader.Line line = lines.next();
    if (line == null) {
      return null;
    }
    return new Row() {
      @Override
      public long number() {
        return line.number();
      }

      @Override
      public String raw() {
        return line.text();
      }

      @Override
      public RecordView view() throws InvalidValueException {
        return json() ? JsonRow.parse(line.text(), partition) : header.row(line.text(), partition);
      }
    };
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  /** A reader of the range's lines; the first range of a file starts with its header. */
  private static CsvReader lines(FileRange range) throws IOException {
    ResourceId id = FileSystems.matchNewResource(range.file(), false);
    if (range.isWhole()) {
      return CsvReader.open(Compression.detect(range.file()).readDecompressed(BeamFiles.open(id)));
    }
    return CsvReader.openRange(BeamFiles.open(id), range.start(), range.end(), range.firstRow());
  }

  /** The header of a file whose later range is being read. */
  private static CsvHeader header(FileRange range, Source source) throws IOException {
    try (CsvReader reader = CsvReader.open(BeamFiles.open(range.file()))) {
      return header(range, source, reader);
    }
  }

  private static CsvHeader header(FileRange range, Source source, CsvReader reader)
      throws IOException {
    String file = range.file();
    CsvReader.Line line = reader.next();
    try {
      CsvHeader header = CsvHeader.parse(line == null ? "" : line.text());
      List<String> missing = header.missing(source.requiredColumns(range.partition() != null));
      if (line == null || !missing.isEmpty()) {
        throw new IllegalStateException(
            file + " changed during the run: its header lacks " + missing);
      }
      return header;
    } catch (InvalidValueException e) {
      throw new IllegalStateException(file + " changed during the run: " + e.getMessage(), e);
    }
  }
}
