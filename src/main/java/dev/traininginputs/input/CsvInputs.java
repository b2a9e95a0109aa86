package dev.traininginputs.input;

import dev.traininginputs.model.Days;
import dev.traininginputs.model.Source;
import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.parse.CsvHeader;
import dev.traininginputs.parse.CsvReader;
import dev.traininginputs.parse.CsvRow;
import dev.traininginputs.parse.InvalidValueException;
import dev.traininginputs.parse.Values;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The checks on the inputs that run before any work: every input option names at least one file,
 * and every file starts with a header that has the source's required columns. Also reads the
 * impression days up front for {@code errorifexists}.
 */
public final class CsvInputs {
  private CsvInputs() {}

  /**
   * The files an input option names: a file, a directory of part files (names starting with {@code
   * _} or {@code .}, such as {@code _SUCCESS}, are skipped), or a glob. Sorted.
   */
  public static List<String> resolve(String option, String spec) {
    if (spec == null || spec.isBlank()) {
      throw new RunRefusedException(
          "--" + option + " is empty: give a file, a directory or a glob");
    }
    List<String> files;
    try {
      if (hasGlob(spec)) {
        files = match(spec);
      } else {
        // A directory first, the same way on every storage (S3 has no directories, only prefixes).
        files = match(spec.replaceAll("/+$", "") + "/*");
        if (files.isEmpty()) {
          files = match(spec);
        }
      }
    } catch (IOException e) {
      throw new RunRefusedException(
          "--" + option + "=" + spec + ": cannot list files: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new RunRefusedException("--" + option + "=" + spec + " matches no file");
    }
    return files;
  }

  /** The data files a pattern matches, sorted: no directories, no {@code _} or {@code .} names. */
  private static List<String> match(String pattern) throws IOException {
    List<String> files = new ArrayList<>();
    MatchResult match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
    if (match.status() != MatchResult.Status.OK) {
      return files;
    }
    for (MatchResult.Metadata metadata : match.metadata()) {
      ResourceId id = metadata.resourceId();
      String name = id.getFilename();
      if (!id.isDirectory()
          && name != null
          && !name.isEmpty()
          && !name.startsWith("_")
          && !name.startsWith(".")) {
        files.add(id.toString());
      }
    }
    files.sort(null);
    return files;
  }

  private static boolean hasGlob(String spec) {
    return spec.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** Fails on the first file whose header lacks a required column of the source. */
  public static void checkHeaders(Source source, List<String> files) {
    for (String file : files) {
      try (CsvReader csv = open(file)) {
        CsvReader.Line first = csv.next();
        if (first == null) {
          throw new RunRefusedException(
              source
                  + " file "
                  + file
                  + " is empty: expected a header line with "
                  + String.join(", ", source.requiredColumns()));
        }
        List<String> missing = CsvHeader.parse(first.text()).missing(source.requiredColumns());
        if (!missing.isEmpty()) {
          throw new RunRefusedException(
              source
                  + " file "
                  + file
                  + " has no column "
                  + String.join(", ", missing)
                  + " (header: "
                  + first.text()
                  + ")");
        }
      } catch (InvalidValueException e) {
        throw new RunRefusedException(source + " file " + file + ": header " + e.getMessage(), e);
      } catch (IOException e) {
        throw new RunRefusedException(
            source + " file " + file + " cannot be read: " + e.getMessage(), e);
      }
    }
  }

  /**
   * The {@code YYYY-MM-DD} days of the impressions files, read straight from their {@code dt}
   * column; lines that do not parse are skipped here (the pipeline rejects them).
   */
  public static Set<String> impressionDays(List<String> files) {
    Set<String> days = new TreeSet<>();
    for (String file : files) {
      try (CsvReader csv = open(file)) {
        CsvHeader header = CsvHeader.parse(csv.next().text());
        for (CsvReader.Line line = csv.next(); line != null; line = csv.next()) {
          try {
            CsvRow row = header.row(line.text());
            days.add(Days.format(Values.day("dt", row.get("dt"))));
          } catch (InvalidValueException e) {
            // Rejected by the pipeline, with its reason; it has no day to protect here.
          }
        }
      } catch (IOException | InvalidValueException e) {
        throw new RunRefusedException(
            "impressions file " + file + " cannot be read: " + e.getMessage(), e);
      }
    }
    return days;
  }

  private static CsvReader open(String file) throws IOException {
    ResourceId id = FileSystems.matchNewResource(file, false);
    ReadableByteChannel channel = Compression.detect(file).readDecompressed(FileSystems.open(id));
    return CsvReader.open(channel);
  }
}
