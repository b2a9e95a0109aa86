package dev.traininginputs.output;

import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.options.WriteMode;
import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * A run's output from its start to its publish, so that no failure or kill loses what was published
 * before (SPEC §7). The pipeline writes into a hidden staging folder inside the output ({@code
 * .staging-RUNID/}, ignored by Parquet readers), and its writers list the files their successful
 * tasks closed ({@link WrittenFiles}). Only when the whole pipeline has succeeded does {@link
 * #commit()} write a commit record into the staging folder and {@link Publish publish} the listed
 * files. A run that fails before the commit record leaves the output as it was; a publish cut short
 * after it is finished by the next run on the same output before anything else ({@link
 * Publish#recover}). {@code OUTPUT/_lock} keeps a second run out meanwhile ({@link OutputLock}).
 */
public final class StagedOutput {
  static final String DAY_PREFIX = "dt=";

  private final Destinations at;
  private final WriteMode mode;
  private final OutputStore store;
  private final Publish publish;
  private final String staging;
  private final OutputLock lock;
  private final List<String> recovered;
  private final PipelineOptions options;
  private final IcebergTable table;

  private StagedOutput(
      Destinations at,
      WriteMode mode,
      OutputStore store,
      Publish publish,
      String staging,
      OutputLock lock,
      List<String> recovered,
      PipelineOptions options,
      IcebergTable table) {
    this.at = at;
    this.mode = mode;
    this.store = store;
    this.publish = publish;
    this.staging = staging;
    this.lock = lock;
    this.recovered = List.copyOf(recovered);
    this.options = options;
    this.table = table;
  }

  /** {@link #prepare(Destinations, WriteMode, String, Supplier, PipelineOptions, PublishSteps)}. */
  public static StagedOutput prepare(
      Destinations at,
      WriteMode mode,
      String runId,
      Supplier<Set<String>> daysToWrite,
      PipelineOptions options) {
    return prepare(at, mode, runId, daysToWrite, options, PublishSteps.NONE);
  }

  /**
   * Takes the output's lock, finishes or cleans up what earlier runs left ({@link Publish#recover})
   * and names the staging folder.
   *
   * @param at where the results go, {@link Destinations#checked checked}
   * @param daysToWrite the {@code YYYY-MM-DD} days the run will write; asked only when {@code
   *     errorifexists} meets an output that already holds days
   * @param options the pipeline's options, which configure HDFS and S3
   * @param steps called before every step of this run's publish and of the recovery
   */
  public static StagedOutput prepare(
      Destinations at,
      WriteMode mode,
      String runId,
      Supplier<Set<String>> daysToWrite,
      PipelineOptions options,
      PublishSteps steps) {
    return prepare(at, mode, runId, daysToWrite, options, steps, null);
  }

  /**
   * {@link #prepare(Destinations, WriteMode, String, Supplier, PipelineOptions, PublishSteps)} into
   * {@code table}, an Iceberg table at {@code at.output()}, or null for folders.
   */
  public static StagedOutput prepare(
      Destinations at,
      WriteMode mode,
      String runId,
      Supplier<Set<String>> daysToWrite,
      PipelineOptions options,
      PublishSteps steps,
      IcebergTable table) {
    OutputStore store = OutputStore.of(at.output(), options);
    OutputLock lock = OutputLock.acquire(store, at.output(), runId);
    try {
      Publish publish = new Publish(store, at.output(), options, steps, table);
      List<String> recovered = publish.recover();
      if (mode == WriteMode.ERRORIFEXISTS) {
        Set<String> existing = existingDays(store, at.output(), table);
        if (!existing.isEmpty()) {
          existing.retainAll(daysToWrite.get());
          refuseExisting(at.output(), existing);
        }
      }
      String staging = OutputStore.join(at.output(), Publish.STAGING_PREFIX + runId);
      return new StagedOutput(at, mode, store, publish, staging, lock, recovered, options, table);
    } catch (IOException e) {
      lock.release();
      throw new RunRefusedException(
          "--output=" + at.output() + " cannot be used: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      lock.release();
      throw e;
    }
  }

  /** What the recovery did before this run started: one line per earlier staging folder. */
  public List<String> recovered() {
    return recovered;
  }

  /** Lets the next run start: call once, when this run has published or failed. */
  public void release() {
    lock.release();
  }

  public String rowsDirectory() {
    return FolderPublish.rows(staging);
  }

  public String rejectedDirectory() {
    return OutputStore.join(staging, "rejected");
  }

  /**
   * Where the read tasks write their notes: rejected rows and counts (deleted with the staging).
   */
  public String notesDirectory() {
    return OutputStore.join(staging, "read-notes");
  }

  /** Where the pipeline writes the metrics file. */
  public String metricsFile() {
    return OutputStore.join(staging, "metrics.json");
  }

  /** Where the pipeline writes the report, or {@code null} when no report is wanted. */
  public String reportFile() {
    return at.report().isEmpty() ? null : OutputStore.join(staging, "report.html");
  }

  /** The final places. */
  public Destinations destinations() {
    return at;
  }

  /** The {@code YYYY-MM-DD} days the pipeline wrote rows of; empty when it built no row. */
  public List<String> stagedDays() {
    try {
      return new ArrayList<>(Publish.daysOf(WrittenFiles.read(store, rowsDirectory())).keySet());
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
   * the next run on this output to finish, never to undo by deleting.
   */
  public List<String> commit() {
    try {
      List<String> days = stagedDays();
      if (mode == WriteMode.ERRORIFEXISTS) {
        Set<String> existing = existingDays(store, at.output(), table);
        existing.retainAll(days);
        refuseExisting(at.output(), existing);
      }
      // Both lists must be there before the commit record: a publish that cannot read them could
      // never be finished.
      WrittenFiles.read(store, rejectedDirectory());
      publish.writeCommitRecord(staging, mode, at);
      try {
        publish.publish(staging);
      } catch (IOException | RuntimeException e) {
        if (table != null && publish.undoIfUnfinishable(staging) != null) {
          throw new IllegalStateException(
              "committing to "
                  + table.describe()
                  + " failed, so nothing was committed and the table is as it was: "
                  + e.getMessage(),
              e);
        }
        throw e;
      }
      return days;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "publishing the output from "
              + staging
              + " failed; the next run on "
              + at.output()
              + (table == null ? " will finish it" : " will finish or undo it"),
          e);
    }
  }

  /**
   * Deletes the staging folder of a run that failed before {@link #commit}; the output is left as
   * it was. After a commit record has been written nothing is deleted: the publish belongs to the
   * next run to finish — unless it is an Iceberg commit that did not happen, which is undone.
   */
  public void discard() {
    try {
      if (!publish.isCommitted(staging)) {
        store.deleteRecursively(staging);
      } else if (table != null) {
        publish.undoIfUnfinishable(staging);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the staging folder " + staging, e);
    }
  }

  /** The {@code YYYY-MM-DD} days the output, or its Iceberg table, already holds. */
  static Set<String> existingDays(OutputStore store, String output, IcebergTable table)
      throws IOException {
    if (table != null) {
      return table.days();
    }
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
}
