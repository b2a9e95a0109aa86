package dev.traininginputs.output;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.traininginputs.options.WriteMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publish with a fault at every one of its steps: the step's rename, move or delete fails (the
 * operation is not done and the commit throws), or the process stops there (nothing after it runs,
 * the lock stays behind). Either way the next run on the output finishes the publish before its own
 * work, and the output is then exactly what an uninterrupted publish gives: every earlier day
 * present, the new days complete, nothing left behind.
 */
class PublishFaultsTest {
  @TempDir Path root;

  @AfterEach
  void noHook() {
    StagedOutput.onEveryStep(step -> {});
  }

  /** Earlier output: two days, a rejected-records file, metrics. */
  private static void earlierOutput(Path output) throws IOException {
    write(output.resolve("dt=2025-03-10/part-old.parquet"), "old 10");
    write(output.resolve("dt=2025-03-11/part-old.parquet"), "old 11");
    write(output.resolve("_rejected/rejected-clicks.jsonl"), "old clicks");
    write(output.resolve("_metrics.json"), "old metrics");
  }

  /**
   * A run that overwrites 03-11 and adds 03-12, with two files a day; staged, not yet published.
   */
  private static StagedOutput stagedRun(Path output, String runId) throws IOException {
    StagedOutput staged =
        StagedOutput.prepare(
            new StagedOutput.Destinations(
                output.toString(),
                output.resolve("_rejected").toString(),
                output.resolve("_metrics.json").toString(),
                ""),
            WriteMode.OVERWRITE,
            runId,
            Set::of);
    for (String day : new String[] {"2025-03-11", "2025-03-12"}) {
      for (int shard = 0; shard < 2; shard++) {
        write(
            Path.of(staged.rowsDirectory(), "dt=" + day, "part-" + runId + "-" + shard),
            "new " + day + "/" + shard);
      }
    }
    write(Path.of(staged.rejectedDirectory(), "rejected-impressions.jsonl"), "new impressions");
    write(Path.of(staged.metricsFile()), "new metrics");
    return staged;
  }

  private static final Map<String, String> PUBLISHED =
      Map.of(
          "dt=2025-03-10/part-old.parquet", "old 10",
          "dt=2025-03-11/part-run1-0", "new 2025-03-11/0",
          "dt=2025-03-11/part-run1-1", "new 2025-03-11/1",
          "dt=2025-03-12/part-run1-0", "new 2025-03-12/0",
          "dt=2025-03-12/part-run1-1", "new 2025-03-12/1",
          "_rejected/rejected-impressions.jsonl", "new impressions",
          "_metrics.json", "new metrics");

  @Test
  void withoutFaults_thePublishGivesTheExpectedOutput() throws IOException {
    Path output = root.resolve("clean");
    earlierOutput(output);
    StagedOutput staged = stagedRun(output, "run1");
    staged.commit();
    staged.release();
    assertThat(everything(output), equalTo(new TreeMap<>(PUBLISHED)));
  }

  @Test
  void aFailedStep_theNextRunFinishesThePublish() throws IOException {
    int steps = countSteps();
    for (int fault = 0; fault < steps; fault++) {
      Path output = root.resolve("failed-" + fault);
      StagedOutput staged = publishCutAt(fault, output);
      staged.discard(); // what the job does on any failure: it must not delete the publish
      staged.release();
      nextRun(output);
      assertThat("fault at step " + fault, everything(output), equalTo(expectedAfter(fault)));
    }
  }

  @Test
  void aProcessStoppedAtAnyStep_theNextRunFinishesThePublish() throws IOException {
    int steps = countSteps();
    for (int stop = 0; stop < steps; stop++) {
      Path output = root.resolve("stopped-" + stop);
      publishCutAt(stop, output);
      // Killed: no discard, no release; its lock names a process that is gone.
      leaveLockToADeadProcess(output);
      nextRun(output);
      assertThat("stopped at step " + stop, everything(output), equalTo(expectedAfter(stop)));
    }
  }

  /** Earlier output, a staged run, and its publish cut short before step {@code fault}. */
  private static StagedOutput publishCutAt(int fault, Path output) throws IOException {
    earlierOutput(output);
    StagedOutput staged = stagedRun(output, "run1");
    failAt(fault);
    assertThrows(UncheckedIOException.class, staged::commit, "fault at step " + fault);
    StagedOutput.onEveryStep(step -> {});
    return staged;
  }

  /**
   * The next run on the output: it recovers first, then (here) has nothing of its own to publish.
   */
  private static void nextRun(Path output) {
    StagedOutput next =
        StagedOutput.prepare(destinations(output), WriteMode.OVERWRITE, "run2", Set::of);
    next.discard();
    next.release();
  }

  /**
   * A fault before step 0 (writing the commit record) leaves a run that never began to publish: the
   * earlier output stays as it was. Any later fault leaves a publish that the next run finishes.
   */
  private static TreeMap<String, String> expectedAfter(int fault) {
    if (fault == 0) {
      return new TreeMap<>(
          Map.of(
              "dt=2025-03-10/part-old.parquet", "old 10",
              "dt=2025-03-11/part-old.parquet", "old 11",
              "_rejected/rejected-clicks.jsonl", "old clicks",
              "_metrics.json", "old metrics"));
    }
    return new TreeMap<>(PUBLISHED);
  }

  private int countSteps() throws IOException {
    Path output = root.resolve("count");
    earlierOutput(output);
    StagedOutput staged = stagedRun(output, "run1");
    int[] steps = {0};
    StagedOutput.onEveryStep(step -> steps[0]++);
    staged.commit();
    staged.release();
    StagedOutput.onEveryStep(step -> {});
    // Commit record, 03-11 aside and in, 03-12 in, old rejected deleted, new moved, metrics,
    // commit record and staging folder deleted.
    assertThat(steps[0], greaterThan(8));
    return steps[0];
  }

  private static void failAt(int fault) {
    int[] step = {0};
    StagedOutput.onEveryStep(
        description -> {
          if (step[0]++ == fault) {
            throw new IOException("injected failure before: " + description);
          }
        });
  }

  /** Rewrites the lock as a killed run leaves it: held by a process id that no longer runs. */
  static void leaveLockToADeadProcess(Path output) throws IOException {
    Process gone = new ProcessBuilder("true").start();
    try {
      gone.waitFor();
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
    String lock = Files.readString(output.resolve(OutputLock.NAME));
    Files.writeString(
        output.resolve(OutputLock.NAME), lock.replaceFirst("pid=\\d+", "pid=" + gone.pid()));
  }

  private static StagedOutput.Destinations destinations(Path output) {
    return new StagedOutput.Destinations(
        output.toString(),
        output.resolve("_rejected").toString(),
        output.resolve("_metrics.json").toString(),
        "");
  }

  /** Every file under the output, hidden ones included, with its content. */
  private static TreeMap<String, String> everything(Path output) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(output)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(output.relativize(path).toString(), Files.readString(path));
      }
    }
    try (Stream<Path> dirs = Files.walk(output)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        try (Stream<Path> entries = Files.list(dir)) {
          if (entries.findAny().isEmpty()) {
            files.put(output.relativize(dir) + "/", "(empty folder)");
          }
        }
      }
    }
    return files;
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
