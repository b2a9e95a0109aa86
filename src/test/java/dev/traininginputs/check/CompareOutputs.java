package dev.traininginputs.check;

import dev.traininginputs.ParquetRows;
import dev.traininginputs.model.TrainingRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compares the outputs of two runs: the same rows (as a multiset, whatever the files), the same
 * metrics file, and the same rejected records. Used by {@code scripts/integration-test} to hold the
 * DirectRunner, SparkRunner local and the standalone cluster to one result.
 *
 * <pre>CompareOutputs EXPECTED_OUTPUT ACTUAL_OUTPUT...</pre>
 */
public final class CompareOutputs {
  private CompareOutputs() {}

  public static void main(String[] args) throws IOException {
    Path expected = Path.of(args[0]);
    List<String> expectedRows = rows(expected);
    int failures = 0;
    for (int i = 1; i < args.length; i++) {
      Path actual = Path.of(args[i]);
      String problems = problems(expected, actual);
      System.out.printf(
          "%s against %s: %d rows, %s%n",
          actual,
          expected,
          rows(actual).size(),
          problems.isEmpty() ? "same rows, metrics and rejected records" : problems);
      failures += problems.isEmpty() ? 0 : 1;
    }
    if (expectedRows.isEmpty()) {
      System.out.println("error: the expected output has no rows");
      failures++;
    }
    System.exit(failures == 0 ? 0 : 1);
  }

  /** How {@code actual} differs from {@code expected}: rows, metrics, rejected records; or "". */
  public static String problems(Path expected, Path actual) throws IOException {
    List<String> expectedRows = rows(expected);
    List<String> problems = new ArrayList<>();
    List<String> actualRows = rows(actual);
    if (!actualRows.equals(expectedRows)) {
      problems.add(
          "rows differ: "
              + expectedRows.size()
              + " against "
              + actualRows.size()
              + firstDifference(expectedRows, actualRows));
    }
    if (!Files.readString(expected.resolve("_metrics.json"))
        .equals(Files.readString(actual.resolve("_metrics.json")))) {
      problems.add("_metrics.json differs");
    }
    if (!rejected(expected).equals(rejected(actual))) {
      problems.add("rejected records differ");
    }
    return String.join("; ", problems);
  }

  private static List<String> rows(Path output) {
    List<String> rows = new ArrayList<>();
    for (TrainingRow row : ParquetRows.read(output)) {
      rows.add(row.toString());
    }
    Collections.sort(rows);
    return rows;
  }

  /** Rejected records by source, sorted, without the file path (the same in every run). */
  private static TreeMap<String, List<String>> rejected(Path output) throws IOException {
    TreeMap<String, List<String>> bySource = new TreeMap<>();
    if (!Files.isDirectory(output.resolve("_rejected"))) {
      return bySource; // a run without rejected records writes none
    }
    try (Stream<Path> files = Files.list(output.resolve("_rejected"))) {
      for (Path file : files.sorted().toList()) {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        Collections.sort(lines);
        bySource.put(file.getFileName().toString(), lines);
      }
    }
    return bySource;
  }

  /** Both lists are sorted: the first place where they part. */
  private static String firstDifference(List<String> expected, List<String> actual) {
    int i = 0;
    while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
      i++;
    }
    return "; first difference at row "
        + i
        + ": expected "
        + (i < expected.size() ? expected.get(i) : "nothing")
        + ", got "
        + (i < actual.size() ? actual.get(i) : "nothing");
  }
}
