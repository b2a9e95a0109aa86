package dev.traininginputs.check;

import dev.traininginputs.ParquetRows;
import dev.traininginputs.model.TrainingRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What {@code scripts/chaos} checks after each kill and at the end.
 *
 * <pre>
 * ChaosCheck days OUTPUT OLD NEW   every day a reader sees holds exactly OLD's rows of that day or
 *                                  NEW's, and no day is missing
 * ChaosCheck files OUTPUT CLEAN    the same files per folder as a clean run (names aside), and
 *                                  nothing else: no staging folder, no lock, no half-moved file
 * </pre>
 *
 * Prints one line; exits 1 when the check fails.
 */
public final class ChaosCheck {
  private ChaosCheck() {}

  public static void main(String[] args) throws IOException {
    String problem =
        switch (args[0]) {
          case "days" -> days(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
          case "files" -> files(Path.of(args[1]), Path.of(args[2]));
          default -> throw new IllegalArgumentException("no check " + args[0]);
        };
    System.out.println(problem.isEmpty() ? "ok" : "LOSS: " + problem);
    System.exit(problem.isEmpty() ? 0 : 1);
  }

  /** The rows of each day, as sorted text. */
  private static Map<String, List<String>> byDay(Path output) {
    Map<String, List<String>> days = new TreeMap<>();
    for (TrainingRow row : ParquetRows.read(output)) {
      days.computeIfAbsent(row.dt(), d -> new ArrayList<>()).add(row.toString());
    }
    days.values().forEach(Collections::sort);
    return days;
  }

  public static String days(Path output, Path old, Path fresh) {
    Map<String, List<String>> seen = byDay(output);
    Map<String, List<String>> before = byDay(old);
    Map<String, List<String>> after = byDay(fresh);
    List<String> problems = new ArrayList<>();
    for (String day : before.keySet()) {
      if (!seen.containsKey(day)) {
        problems.add("dt=" + day + " is missing");
      }
    }
    seen.forEach(
        (day, rows) -> {
          if (!rows.equals(before.get(day)) && !rows.equals(after.get(day))) {
            problems.add("dt=" + day + " holds " + rows.size() + " rows that are neither run's");
          }
        });
    return String.join("; ", problems);
  }

  static String files(Path output, Path clean) throws IOException {
    Map<String, Integer> seen = shape(output);
    Map<String, Integer> expected = shape(clean);
    return seen.equals(expected)
        ? ""
        : "files per folder " + seen + ", a clean run has " + expected;
  }

  /**
   * Files per folder, relative to the output; every name that is not a data file is its own key.
   */
  private static Map<String, Integer> shape(Path output) throws IOException {
    Map<String, Integer> shape = new TreeMap<>();
    try (Stream<Path> all = Files.walk(output)) {
      for (Path path : all.filter(p -> !p.equals(output)).toList()) {
        String relative = output.relativize(path).toString();
        String key =
            relative.endsWith(".parquet")
                ? output.relativize(path.getParent()) + "/*.parquet"
                : relative + (Files.isDirectory(path) ? "/" : "");
        shape.merge(key, 1, Integer::sum);
      }
    }
    return shape;
  }
}
