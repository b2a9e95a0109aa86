package dev.traininginputs.input;

import dev.traininginputs.model.Source;
import dev.traininginputs.parse.InvalidValueException;
import dev.traininginputs.parse.RecordView;
import java.io.Closeable;
import java.io.IOException;

/**
 * The rows of one input file, or of a range of it, in order, whatever the file's format: the one
 * loop that parses, rejects and counts rows ({@link ReadInputs}) sees only this.
 */
interface InputRows extends Closeable {

  /** One row: its number, its text for a rejected record, and its values. */
  interface Row {
    /** The line in a text file, the row (from 1) in a Parquet file. */
    long number();

    /** What a rejected record shows: the line's text, or the row's values as JSON. */
    String raw();

    /** The row's values; a line that is not a record at all (broken JSON) is rejected. */
    RecordView view() throws InvalidValueException;
  }

  /** The next row, or {@code null} after the last. */
  Row next() throws IOException;

  /** Opens a range of a file of {@code source}, read by the file's format ({@link InputFormat}). */
  static InputRows open(FileRange range, Source source) throws IOException {
    return InputFormat.of(range.file()) == InputFormat.PARQUET
        ? ParquetRows.open(range, source)
        : TextRows.open(range, source);
  }
}
