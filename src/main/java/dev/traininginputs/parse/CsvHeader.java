package dev.traininginputs.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A file's header: which field holds which column. Columns are found by name, in any order. */
public final class CsvHeader {
  private final Map<String, Integer> columnIndex;
  private final int width;

  private CsvHeader(Map<String, Integer> columnIndex, int width) {
    this.columnIndex = Collections.unmodifiableMap(columnIndex);
    this.width = width;
  }

  /** Parses a header line; surrounding spaces in column names are ignored. */
  public static CsvHeader parse(String line) throws InvalidValueException {
    List<String> names = CsvReader.split(line);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.putIfAbsent(names.get(i).trim(), i);
    }
    return new CsvHeader(index, names.size());
  }

  /** The required columns this header lacks, in the order given. */
  public List<String> missing(List<String> required) {
    List<String> missing = new ArrayList<>();
    for (String column : required) {
      if (!columnIndex.containsKey(column)) {
        missing.add(column);
      }
    }
    return missing;
  }

  /** Splits a data line and checks that it has as many fields as the header. */
  public CsvRow row(String line) throws InvalidValueException {
    return row(line, null);
  }

  /**
   * {@link #row(String)} of a file whose path names its day in {@code partition} ({@code
   * dt=2025-03-10}, or {@code null}).
   */
  public CsvRow row(String line, String partition) throws InvalidValueException {
    List<String> fields = CsvReader.split(line);
    if (fields.size() != width) {
      throw new InvalidValueException(
          "row", "has " + fields.size() + " fields, the header has " + width);
    }
    return new CsvRow(columnIndex, fields, partition);
  }
}
