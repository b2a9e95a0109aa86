package dev.traininginputs.output;

import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.options.WriteMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Makes output appear all at once or not at all. The pipeline writes into a hidden staging folder
 * inside the output ({@code .staging-RUNID/}, ignored by Parquet readers); only when the whole run
 * has succeeded does {@link #commit()} move each {@code dt=} folder into place, by rename, in the
 * way the {@link WriteMode} says, then the rejected records, the metrics and the report. A run that
 * fails or is killed leaves the earlier output as it was. The output must be on a file system this
 * process can rename in (a local or mounted path).
 */
public final class StagedOutput {
  static final String DAY_PREFIX = "dt=";
  private static final String REJECTED_GLOB = "rejected-*.jsonl";

  private final Path output;
  private final Path rejected;
  private final Path metricsJson;
  private final Path report;
  private final WriteMode mode;
  private final Path staging;

  /**
   * Where a run's results go.
   *
   * @param output the folder of the {@code dt=} folders
   * @param rejected the folder of the {@code rejected-*.jsonl} files
   * @param metricsJson the metrics file
   * @param report the HTML report, or empty for none
   */
  public record Destinations(String output, String rejected, String metricsJson, String report) {}

  private StagedOutput(
      Path output, Path rejected, Path metricsJson, Path report, WriteMode mode, Path staging) {
    this.output = output;
    this.rejected = rejected;
    this.metricsJson = metricsJson;
    this.report = report;
    this.mode = mode;
    this.staging = staging;
  }

  /**
   * Checks the output locations and creates the staging folder.
   *
   * @param daysToWrite the {@code YYYY-MM-DD} days the run will write; asked only when {@code
   *     errorifexists} meets an output that already holds days
   */
  public static StagedOutput prepare(
      Destinations destinations, WriteMode mode, String runId, Supplier<Set<String>> daysToWrite) {
    Path out = absolute(destinations.output());
    Path rejected = absolute(destinations.rejected());
    Path metricsJson = absolute(destinations.metricsJson());
    Path report = destinations.report().isEmpty() ? null : absolute(destinations.report());
    requireDirectoryOrAbsent("--output", out);
    requireDirectoryOrAbsent("--rejectedOutput", rejected);
    requireFileOrAbsent("--metricsJson", metricsJson);
    if (report != null) {
      requireFileOrAbsent("--report", report);
    }
    if (mode == WriteMode.ERRORIFEXISTS) {
      Set<String> existing = existingDays(out);
      if (!existing.isEmpty()) {
        existing.retainAll(daysToWrite.get());
        refuseExisting(out, existing);
      }
    }
    Path staging = out.resolve(".staging-" + runId);
    try {
      Files.createDirectories(staging.resolve("rows"));
      Files.createDirectories(staging.resolve("rejected"));
    } catch (IOException e) {
      throw new RunRefusedException("--output=" + out + " cannot be written: " + e.getMessage(), e);
    }
    return new StagedOutput(out, rejected, metricsJson, report, mode, staging);
  }

  public String rowsDirectory() {
    return staging.resolve("rows").toString();
  }

  public String rejectedDirectory() {
    return staging.resolve("rejected").toString();
  }

  /** Where the pipeline writes the metrics file. */
  public String metricsFile() {
    return staging.resolve("metrics.json").toString();
  }

  /** Where the pipeline writes the report, or {@code null} when no report is wanted. */
  public String reportFile() {
    return report == null ? null : staging.resolve("report.html").toString();
  }

  public Path output() {
    return output;
  }

  public Path rejected() {
    return rejected;
  }

  public Path metricsJson() {
    return metricsJson;
  }

  /** The report's final place, or {@code null}. */
  public Path report() {
    return report;
  }

  /** Moves the staged days and rejected records into place; returns the days written. */
  public List<String> commit() {
    try {
      List<Path> stagedDays = list(staging.resolve("rows"), DAY_PREFIX + "*");
      List<String> days = new ArrayList<>();
      stagedDays.forEach(
          day -> days.add(day.getFileName().toString().substring(DAY_PREFIX.length())));
      if (mode == WriteMode.ERRORIFEXISTS) {
        Set<String> existing = existingDays(output);
        existing.retainAll(days);
        refuseExisting(output, existing);
      }
      Path replaced = staging.resolve("replaced");
      for (Path day : stagedDays) {
        Path target = output.resolve(day.getFileName());
        if (mode == WriteMode.APPEND && Files.isDirectory(target)) {
          moveFiles(day, "*", target);
        } else {
          if (Files.exists(target)) {
            // Renamed aside, not deleted, until the new day is in place.
            Files.createDirectories(replaced);
            Files.move(target, replaced.resolve(day.getFileName()));
          }
          Files.move(day, target);
        }
      }
      Files.createDirectories(rejected);
      for (Path old : list(rejected, REJECTED_GLOB)) {
        Files.delete(old);
      }
      moveFiles(staging.resolve("rejected"), REJECTED_GLOB, rejected);
      moveFile(Path.of(metricsFile()), metricsJson);
      if (report != null) {
        moveFile(Path.of(reportFile()), report);
      }
      discard();
      return days;
    } catch (IOException e) {
      throw new UncheckedIOException("committing the output from " + staging + " failed", e);
    }
  }

  /** Deletes the staging folder and everything in it; the output is left as it was. */
  public void discard() {
    if (!Files.exists(staging)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(staging)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the staging folder " + staging, e);
    }
  }

  /** The {@code YYYY-MM-DD} days the output already holds. */
  static Set<String> existingDays(Path output) {
    Set<String> days = new TreeSet<>();
    if (Files.isDirectory(output)) {
      for (Path day : list(output, DAY_PREFIX + "*")) {
        if (Files.isDirectory(day)) {
          days.add(day.getFileName().toString().substring(DAY_PREFIX.length()));
        }
      }
    }
    return days;
  }

  private static void refuseExisting(Path output, Set<String> days) {
    if (!days.isEmpty()) {
      throw new RunRefusedException(
          "--output="
              + output
              + " already holds "
              + DAY_PREFIX
              + String.join(", " + DAY_PREFIX, days)
              + " and --writeMode=errorifexists (use overwrite or append, or another output)");
    }
  }

  private static Path absolute(String path) {
    return Path.of(path).toAbsolutePath().normalize();
  }

  private static void requireFileOrAbsent(String option, Path path) {
    if (Files.isDirectory(path)) {
      throw new RunRefusedException(option + "=" + path + " is a directory, not a file");
    }
  }

  private static void requireDirectoryOrAbsent(String option, Path path) {
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw new RunRefusedException(option + "=" + path + " is a file, not a directory");
    }
  }

  private static void moveFile(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void moveFiles(Path from, String glob, Path to) throws IOException {
    for (Path file : list(from, glob)) {
      Files.move(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static List<Path> list(Path directory, String glob) {
    List<Path> paths = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return paths;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, glob)) {
      entries.forEach(paths::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    paths.sort(null);
    return paths;
  }
}
