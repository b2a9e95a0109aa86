package dev.traininginputs.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;

import dev.traininginputs.ParquetRows;
import dev.traininginputs.model.TrainingRow;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in the middle of publishing a two-day output (after the first day is
 * swapped, before the second), then a run of one other day: the second run finishes the killed
 * run's publish first, so every day is present and exact and nothing is left behind.
 */
class KilledPublishTest {
  @TempDir Path dir;

  private static List<String> sample(Path output, String... more) {
    return List.of(MainTest.sampleInputs(output, more));
  }

  private static void run(List<String> args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args.toArray(String[]::new),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8), code, equalTo(0));
  }

  private static List<TrainingRow> day(Path output, String day) {
    return ParquetRows.read(output).stream().filter(r -> r.dt().equals(day)).toList();
  }

  @Test
  void aRunKilledWhilePublishingIsFinishedByTheNextRun() throws Exception {
    Path output = dir.resolve("out");
    Path reference = dir.resolve("reference");
    run(sample(output)); // the earlier output: 2025-03-10 and 2025-03-11, L = 365
    run(sample(reference, "--lookbackDays=1")); // what the killed run computes

    Process killed = startKilledRun(output);
    String marker = "publish: before move the new dt=2025-03-11 into place";
    boolean reached = false;
    try (BufferedReader err =
        new BufferedReader(
            new InputStreamReader(killed.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = err.readLine(); line != null; line = err.readLine()) {
        if (line.equals(marker)) {
          reached = true;
          break;
        }
      }
      killed.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
      killed.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat("the killed run reached " + marker, reached, equalTo(true));
    // Killed between the two days: 2025-03-11 is not in its place now.
    assertThat(Files.exists(output.resolve("dt=2025-03-11")), equalTo(false));

    Path otherDay = dir.resolve("impressions-12.csv");
    Files.writeString(
        otherDay,
        "dt,ranking_id,customer_id,impressions\n"
            + "2025-03-12,r-9,101,\"[{\"\"item_id\"\": 7, \"\"is_order\"\": true}]\"\n");
    run(sample(output, "--impressions=" + otherDay));

    assertThat(
        day(output, "2025-03-10"), containsInAnyOrder(day(reference, "2025-03-10").toArray()));
    assertThat(
        day(output, "2025-03-11"), containsInAnyOrder(day(reference, "2025-03-11").toArray()));
    assertThat(day(output, "2025-03-12").size(), equalTo(1));
    assertThat(day(output, "2025-03-12").get(0).history().actions().length, equalTo(1000));
    try (Stream<Path> files = Files.walk(output)) {
      List<String> names =
          files.filter(Files::isRegularFile).map(p -> output.relativize(p).toString()).toList();
      assertThat(
          names,
          everyItem(
              matchesPattern(
                  "dt=2025-03-1[012]/part-[^/]+\\.parquet|_metrics\\.json|_report\\.html|_rejected/rejected-[a-z_]+\\.jsonl")));
    }
  }

  private Process startKilledRun(Path output) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PausedPublishRun.class.getName());
    command.addAll(sample(output, "--lookbackDays=1"));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }
}
