package dev.traininginputs.output;

import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.options.WriteMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Publishes a run's output so that no failure or kill loses what was published before. The pipeline
 * writes into a hidden staging folder inside the output ({@code .staging-RUNID/}, ignored by
 * Parquet readers). Only when the whole pipeline has succeeded does {@link #commit()} write a
 * commit record into it and then move each {@code dt=} folder into place by rename (an existing day
 * renamed aside into the staging folder first, in {@code overwrite}), then the rejected records,
 * the metrics and the report. A run that fails before the commit record leaves the output as it was
 * and deletes its staging folder; a publish cut short after it (a failed rename, a killed process)
 * is finished by the next run on the same output before anything else ({@link #recover}). {@code
 * OUTPUT/_lock} keeps a second run out meanwhile ({@link OutputLock}). The output must be on a file
 * system this process can rename in (a local or mounted path).
 */
public final class StagedOutput {
  static final String DAY_PREFIX = "dt=";
  static final String STAGING_PREFIX = ".staging-";
  static final String COMMIT_RECORD = "_COMMITTING";
  static final String PAUSE_PROPERTY = "training.inputs.test.pauseBeforePublishStepMillis";
  private static final String REJECTED_GLOB = "rejected-*.jsonl";

  private final Path output;
  private final Path rejected;
  private final Path metricsJson;
  private final Path report;
  private final WriteMode mode;
  private final Path staging;
  private final OutputLock lock;
  private final List<String> recovered;

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
      Path output,
      Path rejected,
      Path metricsJson,
      Path report,
      WriteMode mode,
      Path staging,
      OutputLock lock,
      List<String> recovered) {
    this.lock = lock;
    this.recovered = List.copyOf(recovered);
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
    Path out = absolute("--output", destinations.output());
    Path rejected = absolute("--rejectedOutput", destinations.rejected());
    Path metricsJson = absolute("--metricsJson", destinations.metricsJson());
    Path report =
        destinations.report().isEmpty() ? null : absolute("--report", destinations.report());
    requireDirectoryOrAbsent("--output", out);
    requireDirectoryOrAbsent("--rejectedOutput", rejected);
    requireFileOrAbsent("--metricsJson", metricsJson);
    if (report != null) {
      requireFileOrAbsent("--report", report);
    }
    OutputLock lock = OutputLock.acquire(out, runId);
    try {
      List<String> recovered = recover(out);
      if (mode == WriteMode.ERRORIFEXISTS) {
        Set<String> existing = existingDays(out);
        if (!existing.isEmpty()) {
          existing.retainAll(daysToWrite.get());
          refuseExisting(out, existing);
        }
      }
      Path staging = out.resolve(STAGING_PREFIX + runId);
      try {
        Files.createDirectories(staging.resolve("rows"));
        Files.createDirectories(staging.resolve("rejected"));
      } catch (IOException e) {
        throw new RunRefusedException(
            "--output=" + out + " cannot be written: " + e.getMessage(), e);
      }
      return new StagedOutput(out, rejected, metricsJson, report, mode, staging, lock, recovered);
    } catch (RuntimeException e) {
      lock.release();
      throw e;
    }
  }

  /** What {@link #recover} did before this run started: one line per earlier staging folder. */
  public List<String> recovered() {
    return recovered;
  }

  /** Lets the next run start: call once, when this run has published or failed. */
  public void release() {
    lock.release();
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

  /**
   * Publishes the staged output; returns the days written. First the commit record is written into
   * the staging folder: from then on the publish is resumable, and a failure or a kill leaves it to
   * the next run on this output to finish ({@link #recover}), never to undo by deleting. Each step
   * is idempotent, so finishing means running the same steps again.
   */
  public List<String> commit() {
    try {
      List<String> days = new ArrayList<>();
      for (Path day : list(staging.resolve("rows"), DAY_PREFIX + "*")) {
        days.add(day.getFileName().toString().substring(DAY_PREFIX.length()));
      }
      if (mode == WriteMode.ERRORIFEXISTS) {
        Set<String> existing = existingDays(output);
        existing.retainAll(days);
        refuseExisting(output, existing);
      }
      List<String> rejectedFiles = new ArrayList<>();
      list(staging.resolve("rejected"), REJECTED_GLOB)
          .forEach(f -> rejectedFiles.add(f.getFileName().toString()));
      Properties record = new Properties();
      record.setProperty("mode", mode.name());
      record.setProperty("rejected", rejected.toString());
      record.setProperty("rejectedFiles", String.join(",", rejectedFiles));
      record.setProperty("metricsJson", metricsJson.toString());
      record.setProperty("report", report == null ? "" : report.toString());
      step("write the commit record");
      Path temporary = staging.resolve(COMMIT_RECORD + ".tmp");
      try (var out = Files.newOutputStream(temporary)) {
        record.store(
            out, "publish of " + staging.getFileName() + ": finished by the next run if cut short");
      }
      Files.move(temporary, staging.resolve(COMMIT_RECORD), StandardCopyOption.ATOMIC_MOVE);
      publish(output, staging);
      return days;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "publishing the output from "
              + staging
              + " failed; the next run on "
              + output
              + " will finish it",
          e);
    }
  }

  /**
   * The publish steps of a staging folder that holds a commit record, each idempotent: move every
   * staged day into place (an existing day renamed aside first, into the staging folder), the
   * rejected records, the metrics and the report; then delete the commit record and the staging
   * folder with the days it replaced.
   */
  private static void publish(Path output, Path staging) throws IOException {
    Properties record = new Properties();
    try (var in = Files.newInputStream(staging.resolve(COMMIT_RECORD))) {
      record.load(in);
    }
    WriteMode mode = WriteMode.valueOf(record.getProperty("mode"));
    Path replaced = staging.resolve("replaced");
    for (Path day : list(staging.resolve("rows"), DAY_PREFIX + "*")) {
      Path target = output.resolve(day.getFileName());
      Path aside = replaced.resolve(day.getFileName());
      if (mode == WriteMode.APPEND && Files.isDirectory(target)) {
        for (Path file : list(day, "*")) {
          step("move " + file.getFileName() + " into " + target.getFileName());
          Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        step("delete the staged " + day.getFileName());
        Files.delete(day);
        continue;
      }
      if (Files.exists(target) && !Files.exists(aside)) {
        Files.createDirectories(replaced);
        step("move the old " + target.getFileName() + " aside");
        Files.move(target, aside);
      }
      step("move the new " + day.getFileName() + " into place");
      Files.move(day, target);
    }
    Path rejected = Path.of(record.getProperty("rejected"));
    Set<String> rejectedFiles = new TreeSet<>();
    for (String name : record.getProperty("rejectedFiles").split(",")) {
      if (!name.isEmpty()) {
        rejectedFiles.add(name);
      }
    }
    Files.createDirectories(rejected);
    for (Path old : list(rejected, REJECTED_GLOB)) {
      if (!rejectedFiles.contains(old.getFileName().toString())) {
        step("delete the earlier " + old.getFileName());
        Files.delete(old);
      }
    }
    for (Path file : list(staging.resolve("rejected"), REJECTED_GLOB)) {
      step("move " + file.getFileName() + " into place");
      Files.move(file, rejected.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    moveIfStaged(staging.resolve("metrics.json"), Path.of(record.getProperty("metricsJson")));
    String report = record.getProperty("report");
    if (!report.isEmpty()) {
      moveIfStaged(staging.resolve("report.html"), Path.of(report));
    }
    step("delete the commit record");
    Files.delete(staging.resolve(COMMIT_RECORD));
    step("delete the staging folder");
    deleteRecursively(staging);
  }

  private static void moveIfStaged(Path staged, Path target) throws IOException {
    if (Files.exists(staged)) {
      Files.createDirectories(target.getParent());
      step("move " + staged.getFileName() + " into place");
      Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Makes the output whole before a new run starts, whatever days that run builds: finishes every
   * publish that a run began (its staging folder holds a commit record) and deletes the staging
   * folders of runs that failed or were killed before publishing. The caller holds the lock.
   * Returns what it did, one line per staging folder.
   */
  public static List<String> recover(Path output) {
    List<String> done = new ArrayList<>();
    for (Path staging : list(output, STAGING_PREFIX + "*")) {
      try {
        if (Files.exists(staging.resolve(COMMIT_RECORD))) {
          publish(output, staging);
          done.add("finished the interrupted publish of " + staging.getFileName());
        } else {
          deleteRecursively(staging);
          done.add("deleted " + staging.getFileName() + ", left by a run that did not publish");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot recover " + staging + " in " + output, e);
      }
    }
    return done;
  }

  /**
   * Deletes the staging folder of a run that failed before {@link #commit}; the output is left as
   * it was. After a commit record has been written nothing is deleted: the publish belongs to the
   * next run to finish.
   */
  public void discard() {
    if (Files.exists(staging.resolve(COMMIT_RECORD))) {
      return;
    }
    try {
      deleteRecursively(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the staging folder " + staging, e);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** A test's hook into the publish: called before every step that changes the output. */
  interface StepHook {
    void before(String step) throws IOException;
  }

  private static volatile StepHook stepHook = step -> {};

  /** Replaces the hook; for tests that fail or stop the publish at a chosen step. */
  static void onEveryStep(StepHook hook) {
    stepHook = hook;
  }

  /**
   * Before each step of a publish: the test hook, and {@value #PAUSE_PROPERTY} (a test-only system
   * property: pause this many milliseconds before every step, so that a test can kill the process
   * in the middle of a publish).
   */
  private static void step(String step) throws IOException {
    stepHook.before(step);
    long pause = Long.getLong(PAUSE_PROPERTY, 0);
    if (pause > 0) {
      System.err.println("publish: before " + step);
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted before " + step, e);
      }
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

  /**
   * A local path; a URI with a scheme ({@code s3://}, {@code hdfs://}) is refused, not made a
   * folder.
   */
  private static Path absolute(String option, String path) {
    if (SCHEME.matcher(path).lookingAt() && !path.startsWith("file:")) {
      throw new RunRefusedException(
          option
              + "="
              + path
              + ": outputs go to a local or mounted path in this version, not to "
              + path.substring(0, path.indexOf(':'))
              + "://");
    }
    return Path.of(path.startsWith("file:") ? URI.create(path).getPath() : path)
        .toAbsolutePath()
        .normalize();
  }

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+://");

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
