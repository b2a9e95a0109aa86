package dev.traininginputs.output;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.options.WriteMode;
import dev.traininginputs.storage.LocalStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit protocol on its own: what a pipeline writes is staged until {@code commit()}. */
class StagedOutputTest {
  @TempDir Path output;

  @BeforeEach
  void earlierOutput() throws IOException {
    write(output.resolve("dt=2025-03-10/part-old.parquet"), "old 10");
    write(output.resolve("dt=2025-03-11/part-old.parquet"), "old 11");
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private StagedOutput stage(WriteMode mode, String... days) throws IOException {
    StagedOutput staged =
        StagedOutput.prepare(
            destinations(), mode, "run1", () -> Set.of(days), PipelineOptionsFactory.create());
    List<String> names = new ArrayList<>();
    for (String day : days) {
      names.add("dt=" + day + "/part-run1.parquet");
    }
    stageFiles(staged.rowsDirectory(), names, "new ");
    stageFiles(staged.rejectedDirectory(), List.of("rejected-00000-of-00001.jsonl"), "{}");
    write(Path.of(staged.metricsFile()), "{}");
    return staged;
  }

  /** Stages files as the writers do: each under an attempt name, listed in {@code _FILES}. */
  static void stageFiles(String directory, List<String> names, String content) throws IOException {
    StringBuilder list = new StringBuilder();
    for (String name : names) {
      String staged = WrittenFile.attemptName(name);
      write(Path.of(directory, staged), content + dayOf(name));
      list.append(name).append('\t').append(staged).append('\n');
    }
    write(Path.of(directory, WrittenFiles.LIST), list.toString());
  }

  private static String dayOf(String name) {
    return name.startsWith("dt=") ? name.substring(3, name.indexOf('/')) : "";
  }

  private StagedOutput prepare(WriteMode mode, String runId) {
    return StagedOutput.prepare(
        destinations(), mode, runId, Set::of, PipelineOptionsFactory.create());
  }

  private Destinations destinations() {
    return new Destinations(
        output.toString(),
        output.resolve("_rejected").toString(),
        output.resolve("_metrics.json").toString(),
        "");
  }

  private List<String> visible() throws IOException {
    try (Stream<Path> paths = Files.walk(output)) {
      return paths
          .filter(Files::isRegularFile)
          .map(p -> output.relativize(p).toString())
          .filter(p -> !p.startsWith("."))
          // Held while a run is staged; released when it has published.
          .filter(p -> !p.equals(OutputLock.NAME))
          .sorted()
          .toList();
    }
  }

  /** What the job does after the pipeline: publish, then let the next run in. */
  private static List<String> publish(StagedOutput staged) {
    try {
      return staged.commit();
    } finally {
      staged.release();
    }
  }

  @Test
  void aSecondRunOnTheSameOutputIsRefusedNamingTheFirst() throws IOException {
    StagedOutput first = stage(WriteMode.OVERWRITE, "2025-03-12");
    RunRefusedException e =
        assertThrows(RunRefusedException.class, () -> prepare(WriteMode.OVERWRITE, "run2"));
    assertThat(
        e.getMessage(),
        containsString("is in use by another run (run=run1 pid=" + ProcessHandle.current().pid()));
    assertThat(
        e.getMessage(), containsString("if that run is gone, delete " + output.resolve("_lock")));
    publish(first);
    prepare(WriteMode.OVERWRITE, "run3").release();
  }

  @Test
  void beforeCommit_stagedFilesAreHiddenAndTheOutputIsUnchanged() throws IOException {
    stage(WriteMode.OVERWRITE, "2025-03-11", "2025-03-12");
    assertThat(
        visible(), contains("dt=2025-03-10/part-old.parquet", "dt=2025-03-11/part-old.parquet"));
    assertThat(
        StagedOutput.existingDays(new LocalStore(), output.toString(), null),
        equalTo(Set.of("2025-03-10", "2025-03-11")));
  }

  @Test
  void discard_afterFilesWereWritten_leavesTheEarlierOutputAndNoStaging() throws IOException {
    StagedOutput staged = stage(WriteMode.OVERWRITE, "2025-03-11", "2025-03-12");
    staged.discard();
    assertThat(
        visible(), contains("dt=2025-03-10/part-old.parquet", "dt=2025-03-11/part-old.parquet"));
    assertThat(
        Files.readString(output.resolve("dt=2025-03-11/part-old.parquet")), equalTo("old 11"));
    assertThat(Files.exists(output.resolve(".staging-run1")), is(false));
  }

  @Test
  void commit_overwriteReplacesOnlyItsDays() throws IOException {
    assertThat(
        publish(stage(WriteMode.OVERWRITE, "2025-03-11", "2025-03-12")),
        contains("2025-03-11", "2025-03-12"));
    assertThat(
        visible(),
        contains(
            "_metrics.json",
            "_rejected/rejected-00000-of-00001.jsonl",
            "dt=2025-03-10/part-old.parquet",
            "dt=2025-03-11/part-run1.parquet",
            "dt=2025-03-12/part-run1.parquet"));
    try (Stream<Path> hidden =
        Files.list(output).filter(p -> p.getFileName().toString().startsWith("."))) {
      assertThat(hidden.toList(), empty());
    }
  }

  @Test
  void commit_appendKeepsTheExistingFiles() throws IOException {
    publish(stage(WriteMode.APPEND, "2025-03-11"));
    assertThat(
        visible(),
        contains(
            "_metrics.json",
            "_rejected/rejected-00000-of-00001.jsonl",
            "dt=2025-03-10/part-old.parquet",
            "dt=2025-03-11/part-old.parquet",
            "dt=2025-03-11/part-run1.parquet"));
  }

  @Test
  void commit_errorifexistsRefusesADayThatAppearedDuringTheRun() throws IOException {
    StagedOutput staged = stage(WriteMode.ERRORIFEXISTS, "2025-03-12");
    write(output.resolve("dt=2025-03-12/part-other.parquet"), "someone else's");
    RunRefusedException e = assertThrows(RunRefusedException.class, staged::commit);
    assertThat(e.getMessage().contains("dt=2025-03-12"), is(true));
    assertThat(
        Files.readString(output.resolve("dt=2025-03-12/part-other.parquet")),
        equalTo("someone else's"));
  }

  @Test
  void aKilledRunsStagingDoesNotBlockTheNextRun() throws IOException {
    stage(WriteMode.OVERWRITE, "2025-03-12"); // never committed nor discarded: the process died
    leaveLockToADeadProcess();
    StagedOutput next =
        StagedOutput.prepare(
            destinations(),
            WriteMode.ERRORIFEXISTS,
            "run2",
            () -> Set.of("2025-03-12"),
            PipelineOptionsFactory.create());
    write(Path.of(next.metricsFile()), "{}");
    stageFiles(next.rowsDirectory(), List.of("dt=2025-03-12/part-run2.parquet"), "run2 ");
    stageFiles(next.rejectedDirectory(), List.of(), "");
    publish(next);
    assertThat(
        next.recovered(), contains("deleted .staging-run1, left by a run that did not publish"));
    assertThat(Files.exists(output.resolve(".staging-run1")), is(false));
    assertThat(
        Files.readString(output.resolve("dt=2025-03-12/part-run2.parquet")),
        equalTo("run2 2025-03-12"));
  }

  private void leaveLockToADeadProcess() throws IOException {
    Process gone = new ProcessBuilder("true").start();
    try {
      gone.waitFor();
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
    Path lock = output.resolve(OutputLock.NAME);
    Files.writeString(lock, Files.readString(lock).replaceFirst("pid=\\d+", "pid=" + gone.pid()));
  }
}
