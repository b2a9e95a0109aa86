package dev.traininginputs.output;

import dev.traininginputs.options.WriteMode;
import dev.traininginputs.storage.Locations;
import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The publish of staging folders into one output: a staging folder with a commit record ({@value
 * #COMMIT_RECORD}, which names the write mode and the other destinations) is published by steps
 * that are each idempotent — the days by the {@link DayPublish} of its write mode and storage, then
 * the rejected records, the metrics and the report, then the commit record and the staging folder
 * deleted — so finishing a publish cut short means running the same steps again ({@link #recover}).
 */
final class Publish {
  static final String COMMIT_RECORD = "_COMMITTING";
  static final String STAGING_PREFIX = ".staging-";
  private static final String REJECTED_PREFIX = "rejected-";

  private final OutputStore store;
  private final String output;
  private final PipelineOptions options;
  private final PublishSteps steps;
  private final IcebergTable table;

  /**
   * @param table the Iceberg table the output is, or null for folders
   */
  Publish(
      OutputStore store,
      String output,
      PipelineOptions options,
      PublishSteps steps,
      IcebergTable table) {
    this.store = store;
    this.output = output;
    this.options = options;
    this.steps = steps;
    this.table = table;
  }

  /**
   * Writes the commit record of {@code staging}: from then on its publish belongs to whichever run
   * gets to finish it.
   */
  void writeCommitRecord(String staging, WriteMode mode, Destinations at) throws IOException {
    Properties record = new Properties();
    record.setProperty("mode", mode.name());
    record.setProperty("format", table == null ? "parquet" : "iceberg");
    record.setProperty("rejected", at.rejected());
    record.setProperty("metricsJson", at.metricsJson());
    record.setProperty("report", at.report());
    StringWriter text = new StringWriter();
    record.store(text, "publish of " + staging + ": finished by the next run if cut short");
    steps.before("write the commit record");
    store.write(OutputStore.join(staging, COMMIT_RECORD), text.toString());
  }

  boolean isCommitted(String staging) throws IOException {
    return store.exists(OutputStore.join(staging, COMMIT_RECORD));
  }

  /** The publish steps of a staging folder that holds a commit record. */
  void publish(String staging) throws IOException {
    Properties record = commitRecord(staging);
    dayPublish(staging, record).publish(staging, stagedDays(staging));
    publishRejected(staging, record.getProperty("rejected"));
    moveIfStaged(OutputStore.join(staging, "metrics.json"), record.getProperty("metricsJson"));
    String report = record.getProperty("report");
    if (!report.isEmpty()) {
      moveIfStaged(OutputStore.join(staging, "report.html"), report);
    }
    steps.before("delete the commit record");
    store.delete(OutputStore.join(staging, COMMIT_RECORD));
    steps.before("delete the staging folder");
    store.deleteRecursively(staging);
  }

  private Properties commitRecord(String staging) throws IOException {
    Properties record = new Properties();
    record.load(
        new StringReader(
            store
                .read(OutputStore.join(staging, COMMIT_RECORD))
                .orElseThrow(() -> new IOException("no commit record in " + staging))));
    return record;
  }

  /** The days' publish the commit record of {@code staging} asks for. */
  private DayPublish dayPublish(String staging, Properties record) throws IOException {
    boolean iceberg = "iceberg".equals(record.getProperty("format", "parquet"));
    if (iceberg != (table != null)) {
      throw new IOException(
          staging
              + " holds the unfinished publish of a run with --outputFormat="
              + (iceberg ? "iceberg" : "parquet")
              + "; run with that format on this output to finish it");
    }
    return DayPublish.of(
        WriteMode.valueOf(record.getProperty("mode")), store, output, steps, table);
  }

  private SortedMap<String, Map<String, String>> stagedDays(String staging) throws IOException {
    return daysOf(WrittenFiles.read(store, FolderPublish.rows(staging)));
  }

  /**
   * Whether the publish of a committed {@code staging}, cut short, is to be finished; if not, takes
   * back what it had put in place and deletes the staging folder. Returns what it did, or null.
   */
  String undoIfUnfinishable(String staging) throws IOException {
    DayPublish days = dayPublish(staging, commitRecord(staging));
    if (days.isFinishedByNextRun(staging)) {
      return null;
    }
    int deleted = days.undo(staging, stagedDays(staging));
    steps.before("delete the staging folder");
    store.deleteRecursively(staging);
    return "deleted "
        + OutputStore.name(staging)
        + " and the "
        + deleted
        + " data files it had moved into the table, left by a run stopped before its commit";
  }

  /**
   * Makes the output whole before a new run starts, whatever days that run builds: finishes every
   * publish that a run began (its staging folder holds a commit record) and deletes the staging
   * folders of runs that failed or were killed before publishing. The caller holds the lock.
   * Returns what it did, one line per staging folder.
   */
  List<String> recover() throws IOException {
    List<String> done = new ArrayList<>();
    for (String name : store.list(output)) {
      if (!name.startsWith(STAGING_PREFIX)) {
        continue;
      }
      String staging = OutputStore.join(output, name);
      try {
        if (isCommitted(staging)) {
          String undone = undoIfUnfinishable(staging);
          if (undone != null) {
            done.add(undone);
          } else {
            publish(staging);
            done.add("finished the interrupted publish of " + name);
          }
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

  /** The listed files by day: {@code YYYY-MM-DD} to (published name to staged name). */
  static SortedMap<String, Map<String, String>> daysOf(Map<String, String> files) {
    SortedMap<String, Map<String, String>> days = new TreeMap<>();
    files.forEach(
        (name, staged) -> {
          String day = name.substring(StagedOutput.DAY_PREFIX.length(), name.indexOf('/'));
          days.computeIfAbsent(day, d -> new TreeMap<>()).put(name, staged);
        });
    return days;
  }

  /** The run's rejected records replace every earlier run's. */
  private void publishRejected(String staging, String rejected) throws IOException {
    String rejectedStaging = OutputStore.join(staging, "rejected");
    Map<String, String> rejectedFiles = WrittenFiles.read(store, rejectedStaging);
    OutputStore rejectedStore = OutputStore.of(rejected, options);
    for (String old : rejectedStore.list(rejected)) {
      if (old.startsWith(REJECTED_PREFIX) && !rejectedFiles.containsKey(old)) {
        steps.before("delete the earlier " + old);
        rejectedStore.delete(OutputStore.join(rejected, old));
      }
    }
    for (Map.Entry<String, String> file : rejectedFiles.entrySet()) {
      moveIfStaged(
          OutputStore.join(rejectedStaging, file.getValue()),
          OutputStore.join(rejected, file.getKey()));
    }
  }

  /**
   * Moves a staged file to its place, which may be on another storage (then copied beside the
   * target and renamed over it). Nothing if already moved.
   */
  private void moveIfStaged(String staged, String target) throws IOException {
    if (!store.exists(staged)) {
      return;
    }
    steps.before("move " + OutputStore.name(staged) + " into place");
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
}
