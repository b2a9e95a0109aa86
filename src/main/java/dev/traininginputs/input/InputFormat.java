package dev.traininginputs.input;

import java.util.List;
import java.util.Locale;

/**
 * The format of an input file, by its name (SPEC §1), so that one dataset may mix them: {@code
 * .json}, {@code .jsonl}, {@code .ndjson} are JSON Lines, {@code .parquet} is Parquet, anything
 * else is CSV (Spark's and Hive's text part files often have no extension at all). A compression
 * suffix after the format's ({@code .csv.gz}, {@code .jsonl.zst}) is looked through.
 */
public enum InputFormat {
  CSV,
  JSON_LINES,
  PARQUET;

  private static final List<String> COMPRESSION_SUFFIXES =
      List.of(".gz", ".gzip", ".bz2", ".zst", ".zstd", ".deflate", ".zip", ".lzo", ".lzop");

  public static InputFormat of(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    for (String suffix : COMPRESSION_SUFFIXES) {
      if (name.endsWith(suffix)) {
        name = name.substring(0, name.length() - suffix.length());
        break;
      }
    }
    if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return JSON_LINES;
    }
    return name.endsWith(".parquet") ? PARQUET : CSV;
  }
}
