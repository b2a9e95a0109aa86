package dev.traininginputs.output;

import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.options.WriteMode;
import dev.traininginputs.storage.Locations;
import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Publishes a run's output so that no failure or kill loses what was published before (SPEC §7).
 * The pipeline writes into a hidden staging folder inside the output ({@code .staging-RUNID/},
 * ignored by Parquet readers), and its writers list the files their successful tasks closed ({@link
 * WrittenFiles}). Only when the whole pipeline has succeeded does {@link #commit()} write a commit
 * record into the staging folder, and then publish the listed files: per day, on local disks and
 * HDFS by swapping folders with renames (the old day renamed aside into the staging folder, the new
 * one renamed into place), on S3 — no rename there — by deleting the day's manifest and old files,
 * copying the new ones in and writing the new manifest ({@code dt=D/_MANIFEST}); then the rejected
 * records, the metrics and the report. Every step is idempotent. A run that fails before the commit
 * record leaves the output as it was; a publish cut short after it is finished by the next run on
 * the same output before anything else ({@link #recover}). {@code OUTPUT/_lock} keeps a second run
 * out meanwhile ({@link OutputLock}).
 */
public final class StagedOutput {
  static final String DAY_PREFIX = "dt=";
  static final String STAGING_PREFIX = ".staging-";
  static final String COMMIT_RECORD = "_COMMITTING";
  static final String MANIFEST = "_MANIFEST";
  static final String PAUSE_PROPERTY = "training.inputs.test.pauseBeforePublishStepMillis";
  private static final String REJECTED_PREFIX = "rejected-";

  private final Destinations at;
  private final WriteMode mode;
  private final OutputStore store;
  private final String staging;
  private final OutputLock lock;
  private final List<String> recovered;
  private final PipelineOptions options;

  /**
   * Where a run's results go: local paths, {@code hdfs://} or {@code s3://} URIs.
   *
   * @param output the folder of the {@code dt=} folders
   * @param rejected the folder of the {@code rejected-*.jsonl} files
   * @param metricsJson the metrics file
   * @param report the HTML report, or empty for none
   */
  public record Destinations(String output, String rejected, String metricsJson, String report) {
    /** Local paths made absolute, URIs without a trailing slash. */
    Destinations normalized() {
      return new Destinations(
          normalize("--output", output),
          normalize("--rejectedOutput", rejected),
          normalize("--metricsJson", metricsJson),
          report.isEmpty() ? "" : normalize("--report", report));
    }
  }

  private StagedOutput(
      Destinations at,
      WriteMode mode,
      OutputStore store,
      String staging,
      OutputLock lock,
      List<String> recovered,
      PipelineOptions options) {
    this.at = at;
    this.mode = mode;
    this.store = store;
    this.staging = staging;
    this.lock = lock;
    this.recovered = List.copyOf(recovered);
    this.options = options;
  }

  /**
   * Checks the output locations, takes the output's lock, finishes or cleans up what earlier runs
   * left ({@link #recover}) and names the staging folder.
   *
   * @param daysToWrite the {@code YYYY-MM-DD} days the run will write; asked only when {@code
   *     errorifexists} meets an output that already holds days
   * @param options the pipeline's options, which configure HDFS and S3
   */
  public static StagedOutput prepare(
      Destinations destinations,
      WriteMode mode,
      String runId,
      Supplier<Set<String>> daysToWrite,
      PipelineOptions options) {
    Destinations at = destinations.normalized();
    requireDirectoryOrAbsent("--output", at.output());
    requireDirectoryOrAbsent("--rejectedOutput", at.rejected());
    requireFileOrAbsent("--metricsJson", at.metricsJson());
    requireFileOrAbsent("--report", at.report());
    OutputStore store = OutputStore.of(at.output(), options);
    OutputLock lock = OutputLock.acquire(store, at.output(), runId);
    try {
      List<String> recovered = recover(at.output(), options);
      if (mode == WriteMode.ERRORIFEXISTS) {
        Set<String> existing = existingDays(store, at.output());
        if (!existing.isEmpty()) {
          existing.retainAll(daysToWrite.get());
          refuseExisting(at.output(), existing);
        }
      }
      String staging = OutputStore.join(at.output(), STAGING_PREFIX + runId);
      return new StagedOutput(at, mode, store, staging, lock, recovered, options);
    } catch (IOException e) {
      lock.release();
      throw new RunRefusedException(
          "--output=" + at.output() + " cannot be used: " + e.getMessage(), e);
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
    return OutputStore.join(staging, "rows");
  }

  public String rejectedDirectory() {
    return OutputStore.join(staging, "rejected");
  }

  /** Where the pipeline writes the metrics file. */
  public String metricsFile() {
    return OutputStore.join(staging, "metrics.json");
  }

  /** Where the pipeline writes the report, or {@code null} when no report is wanted. */
  public String reportFile() {
    return at.report().isEmpty() ? null : OutputStore.join(staging, "report.html");
  }

  /** The final places, normalized. */
  public Destinations destinations() {
    return at;
  }

  /** The {@code YYYY-MM-DD} days the pipeline wrote rows of; empty when it built no row. */
  public List<String> stagedDays() {
    try {
      return new ArrayList<>(daysOf(WrittenFiles.read(store, rowsDirectory())).keySet());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the staged rows in " + rowsDirectory(), e);
    }
  }

  /** Whether an earlier run's metrics or report are where this run's would be published. */
  public boolean holdsEarlierFigures() {
    try {
      return OutputStore.of(at.metricsJson(), options).exists(at.metricsJson())
          || (!at.report().isEmpty() && OutputStore.of(at.report(), options).exists(at.report()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for the earlier " + at.metricsJson(), e);
    }
  }

  /**
   * Publishes the staged output; returns the days written. First the commit record is written into
   * the staging folder: from then on the publish is resumable, and a failure or a kill leaves it to
   * the next run on this output to finish ({@link #recover}), never to undo by deleting. Each step
   * is idempotent, so finishing means running the same steps again.
   */
  public List<String> commit() {
    try {
      List<String> days = stagedDays();
      if (mode == WriteMode.ERRORIFEXISTS) {
        Set<String> existing = existingDays(store, at.output());
        existing.retainAll(days);
        refuseExisting(at.output(), existing);
      }
      // Both lists must be there before the commit record: a publish that cannot read them could
      // never be finished.
      WrittenFiles.read(store, rejectedDirectory());
      Properties record = new Properties();
      record.setProperty("mode", mode.name());
      record.setProperty("rejected", at.rejected());
      record.setProperty("metricsJson", at.metricsJson());
      record.setProperty("report", at.report());
      StringWriter text = new StringWriter();
      record.store(text, "publish of " + staging + ": finished by the next run if cut short");
      step("write the commit record");
      store.write(OutputStore.join(staging, COMMIT_RECORD), text.toString());
      publish(store, at.output(), staging, options);
      return days;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "publishing the output from "
              + staging
              + " failed; the next run on "
              + at.output()
              + " will finish it",
          e);
    }
  }

  /** The listed files by day: {@code YYYY-MM-DD} to (published name to staged name). */
  private static Map<String, Map<String, String>> daysOf(Map<String, String> files) {
    Map<String, Map<String, String>> days = new TreeMap<>();
    files.forEach(
        (name, staged) -> {
          String day = name.substring(DAY_PREFIX.length(), name.indexOf('/'));
          days.computeIfAbsent(day, d -> new TreeMap<>()).put(name, staged);
        });
    return days;
  }

  /**
   * The publish steps of a staging folder that holds a commit record, each idempotent: every day,
   * the rejected records, the metrics and the report into place; then delete the commit record and
   * the staging folder with the days it replaced.
   */
  private static void publish(
      OutputStore store, String output, String staging, PipelineOptions options)
      throws IOException {
    Properties record = new Properties();
    record.load(
        new StringReader(
            store
                .read(OutputStore.join(staging, COMMIT_RECORD))
                .orElseThrow(() -> new IOException("no commit record in " + staging))));
    WriteMode mode = WriteMode.valueOf(record.getProperty("mode"));
    String rows = OutputStore.join(staging, "rows");
    for (Map.Entry<String, Map<String, String>> day :
        daysOf(WrittenFiles.read(store, rows)).entrySet()) {
      String folder = DAY_PREFIX + day.getKey();
      if (mode == WriteMode.APPEND) {
        appendDay(store, output, rows, folder, day.getValue());
      } else if (store.renamesDirectories()) {
        swapDay(store, output, staging, folder, day.getValue());
      } else {
        replaceDayObjects(store, output, rows, folder, day.getValue());
      }
    }
    String rejectedStaging = OutputStore.join(staging, "rejected");
    Map<String, String> rejectedFiles = WrittenFiles.read(store, rejectedStaging);
    String rejected = record.getProperty("rejected");
    OutputStore rejectedStore = OutputStore.of(rejected, options);
    for (String old : rejectedStore.list(rejected)) {
      if (old.startsWith(REJECTED_PREFIX) && !rejectedFiles.containsKey(old)) {
        step("delete the earlier " + old);
        rejectedStore.delete(OutputStore.join(rejected, old));
      }
    }
    for (Map.Entry<String, String> file : rejectedFiles.entrySet()) {
      moveIfStaged(
          store,
          OutputStore.join(rejectedStaging, file.getValue()),
          OutputStore.join(rejected, file.getKey()),
          options);
    }
    moveIfStaged(
        store,
        OutputStore.join(staging, "metrics.json"),
        record.getProperty("metricsJson"),
        options);
    String report = record.getProperty("report");
    if (!report.isEmpty()) {
      moveIfStaged(store, OutputStore.join(staging, "report.html"), report, options);
    }
    step("delete the commit record");
    store.delete(OutputStore.join(staging, COMMIT_RECORD));
    step("delete the staging folder");
    store.deleteRecursively(staging);
  }

  /**
   * Local disks and HDFS: the day's files are gathered in {@code ready/dt=D}, the old day renamed
   * aside into {@code replaced/dt=D}, the new one renamed into place. A reader sees the old day or
   * the new one, never both (between the two renames, briefly, neither).
   */
  private static void swapDay(
      OutputStore store, String output, String staging, String folder, Map<String, String> files)
      throws IOException {
    String rows = OutputStore.join(staging, "rows");
    String ready = OutputStore.join(staging, "ready/" + folder);
    String aside = OutputStore.join(staging, "replaced/" + folder);
    String target = OutputStore.join(output, folder);
    for (Map.Entry<String, String> file : files.entrySet()) {
      String staged = OutputStore.join(rows, file.getValue());
      if (store.exists(staged)) {
        step("gather " + file.getKey());
        store.rename(staged, OutputStore.join(staging, "ready/" + file.getKey()));
      }
    }
    if (!store.exists(ready)) {
      return;
    }
    if (store.exists(target) && !store.exists(aside)) {
      step("move the old " + folder + " aside");
      store.rename(target, aside);
    }
    step("move the new " + folder + " into place");
    store.rename(ready, target);
  }

  /**
   * S3: no rename, so the day changes object by object, in an order that never shows a reader
   * listing {@code dt=D/} the day's rows twice: the manifest goes first, then the old files, then
   * the new ones are copied in and the new manifest written. A reader that reads only days with a
   * {@code _MANIFEST}, and exactly the files it lists, reads exactly.
   */
  private static void replaceDayObjects(
      OutputStore store, String output, String rows, String folder, Map<String, String> files)
      throws IOException {
    String target = OutputStore.join(output, folder);
    String manifest = OutputStore.join(target, MANIFEST);
    Set<String> names = new TreeSet<>();
    files.keySet().forEach(name -> names.add(OutputStore.name(name)));
    String listing = manifest(names);
    if (store.read(manifest).map(listing::equals).orElse(false)) {
      return;
    }
    if (store.exists(manifest)) {
      step("delete the manifest of " + folder);
      store.delete(manifest);
    }
    for (String old : store.list(target)) {
      if (!names.contains(old)) {
        step("delete the old " + folder + "/" + old);
        store.delete(OutputStore.join(target, old));
      }
    }
    copyMissing(store, output, rows, files);
    step("write the manifest of " + folder);
    store.write(manifest, listing);
  }

  /**
   * {@code append}: the new files join the day's (names carry the run id, so none collide); on S3
   * the manifest then lists every file of the day.
   */
  private static void appendDay(
      OutputStore store, String output, String rows, String folder, Map<String, String> files)
      throws IOException {
    if (store.renamesDirectories()) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        String staged = OutputStore.join(rows, file.getValue());
        if (store.exists(staged)) {
          step("move " + file.getKey() + " into place");
          store.rename(staged, OutputStore.join(output, file.getKey()));
        }
      }
      return;
    }
    copyMissing(store, output, rows, files);
    String target = OutputStore.join(output, folder);
    Set<String> names = new TreeSet<>();
    for (String name : store.list(target)) {
      if (!name.startsWith("_") && !name.startsWith(".")) {
        names.add(name);
      }
    }
    step("write the manifest of " + folder);
    store.write(OutputStore.join(target, MANIFEST), manifest(names));
  }

  private static void copyMissing(
      OutputStore store, String output, String rows, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      String published = OutputStore.join(output, file.getKey());
      if (!store.exists(published)) {
        step("copy " + file.getKey() + " into place");
        store.copy(OutputStore.join(rows, file.getValue()), published);
      }
    }
  }

  /** The manifest of a day: its file names, one per line. */
  private static String manifest(Set<String> names) {
    StringBuilder text = new StringBuilder();
    names.forEach(name -> text.append(name).append('\n'));
    return text.toString();
  }

  /**
   * Moves a staged file to its place, which may be on another storage (then copied beside the
   * target and renamed over it). Nothing if already moved.
   */
  private static void moveIfStaged(
      OutputStore store, String staged, String target, PipelineOptions options) throws IOException {
    if (!store.exists(staged)) {
      return;
    }
    step("move " + OutputStore.name(staged) + " into place");
    if (sameStorage(staged, target)) {
      store.rename(staged, target);
    } else {
      String beside =
          OutputStore.join(
              target.substring(0, target.lastIndexOf('/')),
              "." + OutputStore.name(target) + ".incoming");
      OutputStore.copyAcross(staged, beside);
      OutputStore.of(target, options).rename(beside, target);
      store.delete(staged);
    }
  }

  private static boolean sameStorage(String a, String b) {
    if (!Locations.scheme(a).equals(Locations.scheme(b))) {
      return false;
    }
    return Locations.scheme(a).isEmpty()
        || Objects.equals(URI.create(a).getAuthority(), URI.create(b).getAuthority());
  }

  /**
   * Makes the output whole before a new run starts, whatever days that run builds: finishes every
   * publish that a run began (its staging folder holds a commit record) and deletes the staging
   * folders of runs that failed or were killed before publishing. The caller holds the lock.
   * Returns what it did, one line per staging folder.
   */
  static List<String> recover(String output, PipelineOptions options) throws IOException {
    OutputStore store = OutputStore.of(output, options);
    List<String> done = new ArrayList<>();
    for (String name : store.list(output)) {
      if (!name.startsWith(STAGING_PREFIX)) {
        continue;
      }
      String staging = OutputStore.join(output, name);
      try {
        if (store.exists(OutputStore.join(staging, COMMIT_RECORD))) {
          publish(store, output, staging, options);
          done.add("finished the interrupted publish of " + name);
        } else {
          store.deleteRecursively(staging);
          done.add("deleted " + name + ", left by a run that did not publish");
        }
      } catch (IOException e) {
        throw new IOException("cannot recover " + staging + ": " + e.getMessage(), e);
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
    try {
      if (!store.exists(OutputStore.join(staging, COMMIT_RECORD))) {
        store.deleteRecursively(staging);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the staging folder " + staging, e);
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
  static Set<String> existingDays(OutputStore store, String output) throws IOException {
    Set<String> days = new TreeSet<>();
    for (String name : store.list(output)) {
      if (name.startsWith(DAY_PREFIX)) {
        days.add(name.substring(DAY_PREFIX.length()));
      }
    }
    return days;
  }

  private static void refuseExisting(String output, Set<String> days) {
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

  /** A local path made absolute ({@code file:} URIs too); other URIs without a trailing slash. */
  private static String normalize(String option, String location) {
    String scheme = Locations.scheme(location);
    if (scheme.isEmpty() || location.startsWith("file:")) {
      Path path = Path.of(scheme.isEmpty() ? location : URI.create(location).getPath());
      return path.toAbsolutePath().normalize().toString();
    }
    if (URI.create(location).getAuthority() == null) {
      throw new RunRefusedException(option + "=" + location + " names no host or bucket");
    }
    return location.replaceAll("/+$", "");
  }

  private static void requireFileOrAbsent(String option, String location) {
    if (isLocal(location) && Files.isDirectory(Path.of(location))) {
      throw new RunRefusedException(option + "=" + location + " is a directory, not a file");
    }
  }

  private static void requireDirectoryOrAbsent(String option, String location) {
    if (isLocal(location)
        && Files.exists(Path.of(location))
        && !Files.isDirectory(Path.of(location))) {
      throw new RunRefusedException(option + "=" + location + " is a file, not a directory");
    }
  }

  private static boolean isLocal(String location) {
    return !location.isEmpty() && Locations.scheme(location).isEmpty();
  }
}
